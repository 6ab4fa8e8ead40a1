// Reading back from the PACS: the sample patient's record written as SRs and read back is the same read at every
// time point; a read here that differs is reported, not merged; a time point with no read here is taken whole.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compareTimepoint, inLocalTerms } from '../../src/pacs/compareReads';
import { buildMeasurementReport } from '../../src/sr/buildMeasurementReport';
import { readMeasurementReport } from '../../src/sr/readMeasurementReport';
import { trackedPatientsFromReports } from '../../src/sr/recordFromReports';
import type { ReadReport } from '../../src/sr/types';
import { adoptPacsRead } from '../../src/store/pacsReadRepository';
import { readPatientRecord } from '../../src/store/readPatientRecord';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { sampleRecord } from '../sr/sampleRecord';
import { freshDatabase, value } from '../store/fixtures';

function throughSrs(record: TrackedPatient): TrackedPatient {
  const reports: ReadReport[] = record.timepoints.map((t) => {
    const built = buildMeasurementReport({ patient: record, studyInstanceUid: t.studyInstanceUid, createdAt: '2024-01-01T10:00:00.000Z' });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const read = readMeasurementReport(built.value.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    return read.value;
  });
  const [patient] = trackedPatientsFromReports(reports);
  if (!patient) throw new Error('no patient');
  return patient;
}

describe('comparing a read here with the PACS read', () => {
  const local = sampleRecord();
  const pacs = inLocalTerms(throughSrs(local), local);

  it('the lesions of the SRs are this browser\'s lesions (same tracking UID), and every time point reads the same', () => {
    expect(new Set(pacs.lesions.map((l) => l.id))).toEqual(new Set(local.lesions.map((l) => l.id)));
    for (const t of local.timepoints) expect(compareTimepoint(local, pacs, t.studyInstanceUid)).toEqual({ kind: 'same' });
  });

  it('a time point with nothing read here is only in the PACS', () => {
    const empty: TrackedPatient = { ...local, findings: [], measurements: [] };
    expect(compareTimepoint(empty, pacs, local.timepoints[1]?.studyInstanceUid ?? '')).toEqual({ kind: 'only-in-pacs' });
    expect(compareTimepoint(undefined, pacs, local.timepoints[1]?.studyInstanceUid ?? '')).toEqual({ kind: 'only-in-pacs' });
  });

  it('a different state here is a difference, with both reads in words', () => {
    const study = local.timepoints[1]?.studyInstanceUid ?? '';
    const nonTarget = local.lesions.find((l) => l.category === 'non-target');
    const changed: TrackedPatient = {
      ...local,
      findings: local.findings.map((f) => (f.lesionId === nonTarget?.id && f.studyInstanceUid === study ? { ...f, state: 'not_evaluable' } : f)),
    };
    const compared = compareTimepoint(changed, pacs, study);
    expect(compared.kind).toBe('different');
    if (compared.kind !== 'different') return;
    expect(compared.local).toContain('NT1 not evaluable');
    expect(compared.pacs).toContain('NT1 present');
  });
});

describe('adopting the PACS read', () => {
  it('gives a fresh browser the same findings and measurements at the time point, and its sign-off', async () => {
    const db = freshDatabase();
    const record = sampleRecord();
    const pacs = inLocalTerms(throughSrs(record), undefined);
    for (const t of pacs.timepoints) value(await adoptPacsRead(db, pacs, t.studyInstanceUid));
    const stored = await readPatientRecord(db, record.patient.id);
    expect(stored.problems).toEqual([]);
    const here: TrackedPatient = { patient: stored.patient ?? record.patient, timepoints: stored.timepoints, lesions: stored.lesions, findings: stored.findings, measurements: stored.measurements };
    for (const t of record.timepoints) expect(compareTimepoint(here, pacs, t.studyInstanceUid)).toEqual({ kind: 'same' });
    expect(stored.timepoints.map((t) => t.signOff?.overallResponse)).toEqual(pacs.timepoints.map((t) => t.signOff?.overallResponse));
  });

  it('replaces this browser\'s read of that time point only, when the reader chose the PACS read', async () => {
    const db = freshDatabase();
    const record = sampleRecord();
    const pacs = inLocalTerms(throughSrs(record), undefined);
    for (const t of pacs.timepoints) value(await adoptPacsRead(db, pacs, t.studyInstanceUid));
    const [baseline, first] = pacs.timepoints;
    // Here, the 3-month NT1 was read differently; the baseline not touched.
    await db.findings.where('studyInstanceUid').equals(first?.studyInstanceUid ?? '').modify((f) => {
      if (f.state === 'present') (f as { state: string }).state = 'not_evaluable';
    });
    const before = (await readPatientRecord(db, record.patient.id)).findings.filter((f) => f.studyInstanceUid === baseline?.studyInstanceUid);
    value(await adoptPacsRead(db, pacs, first?.studyInstanceUid ?? ''));
    const after = await readPatientRecord(db, record.patient.id);
    expect(after.findings.filter((f) => f.studyInstanceUid === first?.studyInstanceUid).some((f) => f.state === 'not_evaluable')).toBe(false);
    expect(after.findings.filter((f) => f.studyInstanceUid === baseline?.studyInstanceUid)).toEqual(before);
  });

  it('a PACS lesion whose label one of this record\'s own lesions has is given the next free label', async () => {
    const db = freshDatabase();
    const record = sampleRecord();
    const pacs = inLocalTerms(throughSrs(record), undefined);
    const [baseline] = pacs.timepoints;
    // Here, another T1 of this patient (read before, not in the PACS).
    value(await adoptPacsRead(db, pacs, baseline?.studyInstanceUid ?? ''));
    const mine = (await readPatientRecord(db, record.patient.id)).lesions.find((l) => l.label === 'T1');
    if (!mine) throw new Error('no T1');
    await db.lesions.put({ ...mine, id: 'local-lesion', createdAt: '2020-01-01T00:00:00.000Z' });
    await db.lesions.delete(mine.id);
    value(await adoptPacsRead(db, pacs, baseline?.studyInstanceUid ?? ''));
    const labels = (await readPatientRecord(db, record.patient.id)).lesions.map((l) => l.label);
    expect(labels.filter((l) => l === 'T1')).toHaveLength(1);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('T5');
  });
});
