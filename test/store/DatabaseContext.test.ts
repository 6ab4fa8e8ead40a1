// fake-indexeddb first: Dexie captures the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DatabaseProvider, useDatabase } from '../../src/store/DatabaseContext';
import { usePatientRecord } from '../../src/store/usePatientRecord';
import { freshDatabase } from './fixtures';

function DatabaseName() {
  return createElement('span', null, useDatabase().name);
}

function RecordState() {
  const record = usePatientRecord(useDatabase(), 'P1');
  return createElement('span', null, record === undefined ? 'loading' : 'loaded');
}

describe('DatabaseProvider and usePatientRecord', () => {
  it('hands the provided database to the components below it', () => {
    const db = freshDatabase();
    expect(renderToString(createElement(DatabaseProvider, { db, children: createElement(DatabaseName) }))).toBe(`<span>${db.name}</span>`);
  });

  it('is a bug to ask for the database outside a provider', () => {
    expect(() => renderToString(createElement(DatabaseName))).toThrow(/DatabaseProvider/);
  });

  it('gives undefined while the first read is under way', () => {
    const db = freshDatabase();
    expect(renderToString(createElement(DatabaseProvider, { db, children: createElement(RecordState) }))).toBe('<span>loading</span>');
  });
});
