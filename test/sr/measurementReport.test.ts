// The TID 1500 SR a time point is written to, and what reading it back gives: checked against the record it came
// from, against dciodvfy and dsrdump, and against dcmjs's own reading of the bytes.
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/export/exportFiles';
import { DEFAULT_CSV_FORMAT } from '../../src/export/csvFormat';
import {
  buildMeasurementReport, impliedPixelSpacing, readMeasurementReport, trackedPatientsFromReports, trackingUidOfLesion,
  type MeasurementReportInput, type ReadReport,
} from '../../src/sr';
import { COMPREHENSIVE_SR } from '../../src/sr/buildMeasurementReport';
import { REPORT_IMAGE_UID } from '../../src/tracking/source';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import { axesMm } from '../../src/tracking/measurementValues';
import type { MeasurementRow } from '../../src/tracking/types';
import { dciodvfyErrors, dsrdump, transcoded } from './dicomTools';
import { READER, sampleRecord, truth } from './sampleRecord';

const STUDIES = truth.studies.map((s) => s.studyInstanceUid);
const [BASELINE = '', FOLLOW_UP_1 = '', FOLLOW_UP_2 = ''] = STUDIES;

function write(input: MeasurementReportInput) {
  const built = buildMeasurementReport(input);
  if (!built.ok) throw new Error(`not written: ${JSON.stringify(built.error)}`);
  return built.value;
}

function read(bytes: Uint8Array): ReadReport {
  const back = readMeasurementReport(bytes);
  if (!back.ok) throw new Error(`not read: ${JSON.stringify(back.error)}`);
  return back.value;
}

const csv = (patients: TrackedPatient[], kind: 'measurements' | 'timepoints' = 'measurements') => {
  const built = buildExport(kind, patients, { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined });
  if (!built.ok) throw new Error('export failed');
  return built.value.text;
};

const roundTrip = (record: TrackedPatient, studies = record.timepoints.map((t) => t.studyInstanceUid)) =>
  trackedPatientsFromReports(studies.map((studyInstanceUid) => read(write({ patient: record, studyInstanceUid }).bytes)));

/** The sample with one change to its rows. */
function edited(change: (r: { -readonly [K in keyof TrackedPatient]: TrackedPatient[K] }) => void): TrackedPatient {
  const r = { ...sampleRecord() };
  change(r);
  return r;
}

describe('the SR of each time point', () => {
  const sample = sampleRecord();
  const files = STUDIES.map((studyInstanceUid) => write({ patient: sample, studyInstanceUid }));

  it.each(STUDIES.map((s, i) => [truth.studies[i]?.label, i] as const))('%s: dciodvfy finds no error', (_, i) => {
    expect(dciodvfyErrors(files[i]?.bytes ?? new Uint8Array())).toEqual([]);
  });

  it('dsrdump renders the tree: TID 1500 root, a measurement group per lesion, the responses', () => {
    const { out, status } = dsrdump(files[2]?.bytes ?? new Uint8Array());
    expect(status).toBe(0);
    expect(out).toContain('<CONTAINER:(,,"Imaging Measurement Report")=SEPARATE>  # TID 1500 (DCMR)');
    expect(out.match(/"Measurement Group"/g)).toHaveLength(6);
    expect(out).toContain('<has obs context TEXT:(,,"Tracking Identifier")="N1">');
    expect(out).toContain('<contains NUM:(,,"Long Axis")="26" (mm,UCUM,"millimeter")>');
    expect(out).toMatch(/<inferred from SCOORD:=\(POLYLINE,[\d.]+\/[\d.]+,...\)>\s+<selected from IMAGE:=\(CT image,\)>/);
    expect(out).toContain('=(112043,DCM,"Target Lesion Progressive Disease")');
    expect(out).toContain('<contains CODE:(,,"Overall response")=(PD,99RECISTRDR,"Progressive disease")>');
  });

  it('goes into the time point\'s own study, in a series of its own, as a Comprehensive SR', () => {
    files.forEach((f, i) => {
      expect(f.studyInstanceUid).toBe(STUDIES[i]);
      expect(f.sopClassUid).toBe(COMPREHENSIVE_SR);
      expect(truth.studies.map((s) => s.seriesInstanceUid)).not.toContain(f.seriesInstanceUid);
    });
    expect(new Set(files.map((f) => f.seriesInstanceUid)).size).toBe(3);
  });

  it('dcmjs reads it back to the same lengths, the long and short axis of every lesion', () => {
    const lengths = (bytes: Uint8Array) => {
      const copy = bytes.slice();
      const dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(copy.buffer).dict);
      const found: string[] = [];
      const walk = (items: unknown): void => {
        for (const item of Array.isArray(items) ? items : items === undefined ? [] : [items]) {
          const it = item as Record<string, unknown>;
          const name = (Array.isArray(it.ConceptNameCodeSequence) ? it.ConceptNameCodeSequence[0] : it.ConceptNameCodeSequence) as { CodeMeaning?: string } | undefined;
          if (it.ValueType === 'NUM' && name?.CodeMeaning?.endsWith('Axis')) {
            const measured = (Array.isArray(it.MeasuredValueSequence) ? it.MeasuredValueSequence[0] : it.MeasuredValueSequence) as { NumericValue: number | string };
            found.push(`${name.CodeMeaning} ${Number(measured.NumericValue).toFixed(1)}`);
          }
          walk(it.ContentSequence);
        }
      };
      walk(dataset.ContentSequence);
      return found;
    };
    files.forEach((f, i) => {
      const expected = sample.measurements
        .filter((m) => m.studyInstanceUid === STUDIES[i])
        .flatMap((m) => [`Long Axis ${axesMm(m).longAxisMm.toFixed(1)}`, `Short Axis ${axesMm(m).shortAxisMm?.toFixed(1)}`]);
      expect(lengths(f.bytes)).toEqual(expected);
    });
  });

  it('reads back to the same measurement CSV and the same time-point responses', () => {
    const back = roundTrip(sample);
    expect(csv(back)).toBe(csv([sample]));
    expect(csv(back, 'timepoints')).toBe(csv([sample], 'timepoints'));
  });

  it('keeps each lesion\'s Tracking Unique Identifier at every time point, derived from its stored id', () => {
    const reports = files.map((f) => read(f.bytes));
    const t1 = reports.map((r) => r.lesions.find((l) => l.label === 'T1')?.trackingUid);
    expect(new Set(t1).size).toBe(1);
    expect(t1[0]).toBe(trackingUidOfLesion(sample.lesions.find((l) => l.label === 'T1')?.id ?? ''));
    expect(t1[0]).toMatch(/^2\.25\.\d+$/);
    // A lesion read back keeps its UID as its id, and writing it out again keeps the UID.
    expect(trackingUidOfLesion(t1[0] ?? '')).toBe(t1[0]);
  });

  it('gives back the polylines on the referenced image (SOP Class, Instance, series) and the sign-off', () => {
    const report = read(files[0]?.bytes ?? new Uint8Array());
    const drawn = sample.measurements.find((m) => m.studyInstanceUid === BASELINE && m.lesionId.includes('-t1-'));
    const t1 = report.lesions.find((l) => l.label === 'T1')?.measurements[0];
    expect(t1?.image).toEqual({ ...drawn?.image, sopClassUid: '1.2.840.10008.5.1.4.1.1.2' });
    expect(t1?.longAxis.segment?.start.x).toBeCloseTo(drawn?.longAxis.start.x ?? NaN, 4);
    expect(t1?.shortAxis?.segment?.end.y).toBeCloseTo(drawn?.shortAxis?.end.y ?? NaN, 4);
    expect(report.signOff).toEqual({ reader: READER, at: sample.timepoints[0]?.signOff?.at });
    expect(report.observers).toEqual([READER]);
    expect(report.completion).toBe('COMPLETE');
    expect(report).toMatchObject({ timepointLabel: 'Baseline', studyDate: '2023-01-09', patient: { id: 'RR-0001', name: 'SAMPLE, ABDOMEN' } });
  });

  it('carries the responses with their reason: PR at 3 months, PD at 6 months', () => {
    const [, three, six] = files.map((f) => read(f.bytes).responses);
    expect(three).toMatchObject({ method: 'RECIST 1.1', target: 'PR', nonTarget: 'NON-CR/NON-PD', newLesions: 'no', overall: 'PR', source: 'computed' });
    expect(six).toMatchObject({ target: 'PD', newLesions: 'yes', overall: 'PD' });
    expect(six?.reason).toMatch(/new lesion/);
    expect(three?.sumOfDiametersMm).toBe(truth.studies[1]?.sumOfTargetDiametersMm);
  });

  it('is the same bytes for the same record; a changed record is a new instance in the same series', () => {
    expect(write({ patient: sampleRecord(), studyInstanceUid: FOLLOW_UP_1 }).bytes).toEqual(files[1]?.bytes);
    const changed = edited((r) => { r.findings = r.findings.map((f) => (f.studyInstanceUid === FOLLOW_UP_1 && f.lesionId.includes('-nt1-') ? { ...f, state: 'absent' } : f)); });
    const again = write({ patient: changed, studyInstanceUid: FOLLOW_UP_1 });
    expect(again.sopInstanceUid).not.toBe(files[1]?.sopInstanceUid);
    expect(again.seriesInstanceUid).toBe(files[1]?.seriesInstanceUid);
  });

  it.each([['implicit VR little endian', '+ti'], ['deflated explicit VR little endian', '+td']] as const)('reads the same from %s (dcmconv %s), as a PACS may send it', (_, option) => {
    const bytes = files[2]?.bytes ?? new Uint8Array();
    const other = transcoded(bytes, option);
    expect(other).not.toEqual(bytes);
    expect(read(other)).toEqual(read(bytes));
  });
});

describe('what the record may hold', () => {
  const at = (m: MeasurementRow, ms: number): MeasurementRow => ({ ...m, id: `${m.id}-b`, createdAt: new Date(Date.parse(m.createdAt) + ms).toISOString() });

  it('a split lesion: one group per fragment, read back as one lesion with its fragments in order', () => {
    const record = edited((r) => {
      const t2 = r.measurements.find((m) => m.studyInstanceUid === FOLLOW_UP_1 && m.lesionId.includes('-t2-'));
      if (!t2) throw new Error('fixture');
      r.measurements = [...r.measurements, at({ ...t2, longAxis: { start: t2.longAxis.start, end: { x: t2.longAxis.start.x + 4, y: t2.longAxis.start.y } }, tool: 'long-axis', shortAxis: undefined }, 1000)];
    });
    const file = write({ patient: record, studyInstanceUid: FOLLOW_UP_1 });
    expect(dciodvfyErrors(file.bytes)).toEqual([]);
    const t2 = read(file.bytes).lesions.filter((l) => l.label === 'T2');
    expect(t2).toHaveLength(1);
    expect(t2[0]?.measurements.map((m) => [m.tool, m.longAxis.mm])).toEqual([['bidirectional', 14], ['long-axis', 6]]);
    expect(csv(roundTrip(record))).toBe(csv([record]));
  });

  it('values typed from a report: lengths without a polyline, read back as typed values', () => {
    const record = edited((r) => {
      r.measurements = r.measurements.map((m) => (m.studyInstanceUid === FOLLOW_UP_1 && m.lesionId.includes('-t4-')
        ? { ...m, image: { ...m.image, seriesInstanceUid: REPORT_IMAGE_UID, sopInstanceUid: REPORT_IMAGE_UID }, longAxis: { start: { x: 0, y: 0 }, end: { x: 9, y: 0 } }, shortAxis: { start: { x: 4.5, y: -3.5 }, end: { x: 4.5, y: 3.5 } }, pixelSpacingMm: { row: 1, column: 1 } }
        : m));
    });
    const file = write({ patient: record, studyInstanceUid: FOLLOW_UP_1 });
    expect(dciodvfyErrors(file.bytes)).toEqual([]);
    const t4 = read(file.bytes).lesions.find((l) => l.label === 'T4')?.measurements[0];
    expect(t4).toEqual({ tool: 'bidirectional', longAxis: { mm: 9 }, shortAxis: { mm: 7 } });
    expect(csv(roundTrip(record))).toBe(csv([record]));
  });

  it('organ "other", a merged target, a non-ASCII location and name, and a double read', () => {
    const record = edited((r) => {
      r.patient = { ...r.patient, name: 'Müller, Zoë' };
      r.lesions = r.lesions.map((l) => (l.label === 'T4' ? { ...l, organ: 'other', location: 'Bauchwand, präperitoneal' } : l));
      r.findings = r.findings.map((f) => (f.studyInstanceUid === FOLLOW_UP_2 && f.lesionId.includes('-t2-') ? { ...f, state: 'merged', mergedIntoLesionId: f.lesionId.replace('-t2-', '-t1-') } : f));
      r.measurements = r.measurements.filter((m) => !(m.studyInstanceUid === FOLLOW_UP_2 && m.lesionId.includes('-t2-')));
    });
    const file = write({ patient: record, studyInstanceUid: FOLLOW_UP_2, observers: [READER, 'Smith, Ann'] });
    expect(dciodvfyErrors(file.bytes)).toEqual([]);
    const report = read(file.bytes);
    expect(report.patient.name).toBe('Müller, Zoë');
    expect(report.observers).toEqual([READER, 'Smith, Ann']);
    expect(report.lesions.find((l) => l.label === 'T4')).toMatchObject({ organ: 'other', location: 'Bauchwand, präperitoneal' });
    const t1 = report.lesions.find((l) => l.label === 'T1');
    expect(report.lesions.find((l) => l.label === 'T2')).toMatchObject({ state: 'merged', mergedIntoTrackingUid: t1?.trackingUid, measurements: [] });
    expect(csv(roundTrip(record))).toBe(csv([record]));
  });

  it('a response the reader assigned, and a study left out of the assessment, come back as they were', () => {
    const record = edited((r) => {
      r.timepoints = [
        ...r.timepoints.map((t) => (t.studyInstanceUid === FOLLOW_UP_1 ? { ...t, assigned: { response: 'SD' as const, reason: '"Stable hepatic metastases." (report of 2023-04-18)' } } : t)),
        { studyInstanceUid: '2.25.999', patientId: 'RR-0001', studyDate: '2023-05-02', studyDescription: 'CT head', excluded: true },
      ];
      r.findings = [...r.findings, ...r.findings.filter((f) => f.studyInstanceUid === FOLLOW_UP_1).map((f) => ({ ...f, id: `${f.lesionId}|2.25.999`, studyInstanceUid: '2.25.999' }))];
    });
    const assigned = read(write({ patient: record, studyInstanceUid: FOLLOW_UP_1 }).bytes);
    expect(assigned.responses).toMatchObject({ overall: 'SD', source: 'assigned' });
    expect(read(write({ patient: record, studyInstanceUid: '2.25.999' }).bytes).timepointLabel).toBe('Excluded');
    const back = roundTrip(record);
    expect(back[0]?.timepoints.find((t) => t.studyInstanceUid === '2.25.999')?.excluded).toBe(true);
    expect(csv(back, 'timepoints')).toBe(csv([record], 'timepoints'));
    expect(csv(back)).toBe(csv([record]));
  });

  it.each([
    ['as the images give them', { patientBirthDate: '19580312', patientSex: 'M', accessionNumber: 'RRA230109', studyId: '1', studyTime: '093012', referringPhysicianName: 'Doe^John' }],
    ['too long or malformed', { patientBirthDate: '1958-03-12', patientSex: 'male', accessionNumber: 'RRA230109-0001-0002-0003', studyId: 'STUDY\\0001-0002', studyTime: '9:30', referringPhysicianName: 'Doe, John' }],
  ])('patient and study attributes %s: no dciodvfy error', (_, study) => {
    const file = write({ patient: sampleRecord(), studyInstanceUid: BASELINE, study, organization: 'Trial site 12' });
    expect(dciodvfyErrors(file.bytes)).toEqual([]);
  });

  it('a time point not signed off is PARTIAL and UNVERIFIED, dated by its last change', () => {
    const record = edited((r) => { r.timepoints = r.timepoints.map(({ signOff: _, ...t }) => t); });
    const file = write({ patient: record, studyInstanceUid: BASELINE });
    expect(dciodvfyErrors(file.bytes)).toEqual([]);
    const report = read(file.bytes);
    expect(report).toMatchObject({ signOff: undefined, completion: 'PARTIAL', observers: [] });
    const last = [...record.findings, ...record.measurements].filter((x) => x.studyInstanceUid === BASELINE).map((x) => x.updatedAt).sort().at(-1);
    expect(report.contentDateTime).toBe(last);
  });

  it.each([
    ['a study not in the record', (r: TrackedPatient) => r, '1.2.3.4', 'NO_SUCH_TIMEPOINT'],
    ['a time point typed from a report', (r: TrackedPatient) => ({ ...r, timepoints: [...r.timepoints, { studyInstanceUid: 'report:RR-0001:2023-10-01:x', patientId: 'RR-0001', studyDate: '2023-10-01', studyDescription: '', excluded: false }] }), 'report:RR-0001:2023-10-01:x', 'REPORT_TIMEPOINT'],
    ['a time point with nothing recorded', (r: TrackedPatient) => ({ ...r, findings: r.findings.filter((f) => f.studyInstanceUid !== FOLLOW_UP_1) }), FOLLOW_UP_1, 'NOTHING_RECORDED'],
  ] as const)('refuses %s', (_, change, studyInstanceUid, code) => {
    const built = buildMeasurementReport({ patient: change(sampleRecord()), studyInstanceUid });
    expect(built.ok ? undefined : built.error.code).toBe(code);
  });
});

describe('reading', () => {
  it.each([
    ['bytes that are not DICOM', new TextEncoder().encode('patient_id,timepoint\n'), 'NOT_DICOM'],
    ['a file cut short', () => write({ patient: sampleRecord(), studyInstanceUid: BASELINE }).bytes.subarray(0, 2000), 'DAMAGED'],
  ] as const)('%s: a value with a code', (_, input, code) => {
    const back = readMeasurementReport(typeof input === 'function' ? input() : input);
    expect(back.ok ? undefined : back.error.code).toBe(code);
  });

  it('a CT image is not an SR', async () => {
    const { readFileSync } = await import('node:fs');
    const back = readMeasurementReport(new Uint8Array(readFileSync(`${__dirname}/../../sample-dicom/baseline/IM0001.dcm`)));
    expect(back.ok ? undefined : back.error).toEqual({ code: 'NOT_SR', sopClassUid: '1.2.840.10008.5.1.4.1.1.2' });
  });

  it('PixelSpacing is solved from both axes when the pixels are not square', () => {
    const m = { tool: 'bidirectional' as const, longAxis: { mm: Math.hypot(30 * 0.7, 0), segment: { start: { x: 0, y: 0 }, end: { x: 30, y: 0 } } }, shortAxis: { mm: 20 * 0.9, segment: { start: { x: 15, y: -10 }, end: { x: 15, y: 10 } } } };
    const spacing = impliedPixelSpacing(m);
    expect(spacing?.column).toBeCloseTo(0.7, 6);
    expect(spacing?.row).toBeCloseTo(0.9, 6);
  });
});
