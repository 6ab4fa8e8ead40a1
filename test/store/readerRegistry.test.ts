// The workstation's readers, double-read list and adjudications (issue 20): each reader a record of their own (the
// first keeps the record that was there), and the adjudication's rules: a third reader, a reason, once, locked.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_NAME } from '../../src/store/database';
import {
  adjudicate, enrolReader, listAdjudications, listDoubleReads, listReaders, readerName, setDoubleRead, unsetDoubleRead, withdrawAdjudication,
} from '../../src/store/readerRegistry';
import { readerDatabaseName, WorkstationDatabase } from '../../src/store/workstation';
import { failure, uniqueName, value } from './fixtures';

const workstation = () => new WorkstationDatabase(uniqueName());
const choice = { patientId: 'P1', readers: ['Dr A', 'Dr B'] as const, chosenReader: 'Dr A', adjudicator: 'Dr C', reason: 'node 9 mm on its true short axis' };

describe('readers', () => {
  it('the first reader keeps the record there was; each later reader gets one of their own, and comes back to it', async () => {
    const ws = workstation();
    const a = value(await enrolReader(ws, '  Dr   A '));
    expect(a).toMatchObject({ name: 'Dr A', databaseName: DEFAULT_DATABASE_NAME });
    const b = value(await enrolReader(ws, 'Dr B'));
    expect(b.databaseName).not.toBe(DEFAULT_DATABASE_NAME);
    expect(value(await enrolReader(ws, 'Dr B')).databaseName).toBe(b.databaseName);
    expect(value(await listReaders(ws)).map((r) => r.name)).toEqual(['Dr A', 'Dr B']);
    expect(failure(await enrolReader(ws, '   ')).code).toBe('INVALID');
  });

  it('two names that differ only in case still get databases of their own', () => {
    const taken = new Set([DEFAULT_DATABASE_NAME]);
    const one = readerDatabaseName('Dr B', taken);
    const two = readerDatabaseName('dr b', new Set([...taken, one]));
    expect(two).not.toBe(one);
    expect(readerName(' Dr\tB ')).toBe('Dr B');
  });
});

describe('the double-read list and adjudication', () => {
  it('sets patients to double read once each, keeping the first date', async () => {
    const ws = workstation();
    expect(value(await setDoubleRead(ws, ['P1', 'P2', ' P1 ', '']))).toBe(2);
    expect(value(await setDoubleRead(ws, ['P2', 'P3']))).toBe(1);
    expect(value(await listDoubleReads(ws)).map((e) => e.patientId).sort()).toEqual(['P1', 'P2', 'P3']);
  });

  it('refuses an adjudication by one of the readers, without a reason, for a patient not in double read, or twice', async () => {
    const ws = workstation();
    expect(failure(await adjudicate(ws, choice)).code).toBe('INVALID');
    value(await setDoubleRead(ws, ['P1']));
    expect(failure(await adjudicate(ws, { ...choice, adjudicator: 'Dr B' }))).toMatchObject({ detail: expect.stringContaining('third reader') });
    expect(failure(await adjudicate(ws, { ...choice, reason: '  ' }))).toMatchObject({ detail: expect.stringContaining('say why') });
    expect(failure(await adjudicate(ws, { ...choice, chosenReader: 'Dr Z' }))).toMatchObject({ detail: expect.stringContaining('not one of the two readers') });
    const signed = value(await adjudicate(ws, choice));
    expect(signed.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(failure(await adjudicate(ws, { ...choice, chosenReader: 'Dr B' }))).toMatchObject({ detail: expect.stringContaining('already adjudicated') });
    expect(value(await listAdjudications(ws))).toEqual([signed]);
  });

  it('an adjudicated patient stays in double read until the adjudication is withdrawn', async () => {
    const ws = workstation();
    value(await setDoubleRead(ws, ['P1']));
    value(await adjudicate(ws, choice));
    expect(failure(await unsetDoubleRead(ws, 'P1'))).toMatchObject({ detail: expect.stringContaining('withdraw the adjudication first') });
    value(await withdrawAdjudication(ws, 'P1'));
    value(await unsetDoubleRead(ws, 'P1'));
    expect(value(await listDoubleReads(ws))).toEqual([]);
  });
});
