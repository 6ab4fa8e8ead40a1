// The sample patient's ground truth, run through the engine, must give the answer the studies were built for:
// PR at 3 months and PD at 6 months.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_COLUMNS } from '../../src/export/measurementCsvColumns';
import { readMeasurementCsv } from '../../src/export/readMeasurementCsv';
import { assessPatients } from '../../src/recist/assess';
import { writeCsv } from '../../src/shared/csv';

interface TruthLesion {
  id: string;
  role: 'target' | 'non-target' | 'new';
  organ: string;
  nodal: boolean;
  longAxisMm: number;
  shortAxisMm: number;
}
interface Truth {
  patient: { id: string };
  studies: { key: string; studyDate: string; lesions: TruthLesion[] }[];
  expectedResponses: { study: string; overallResponse: string; sumOfTargetDiametersMm: number }[];
}

const truth = JSON.parse(readFileSync(resolve(__dirname, '../../sample-dicom/ground-truth.json'), 'utf8')) as Truth;

function truthCsv(): string {
  const rows = truth.studies.flatMap((s) =>
    s.lesions.map((l) => [
      truth.patient.id,
      s.key,
      s.studyDate,
      l.id,
      l.role,
      l.nodal ? 'lymph node' : l.organ,
      l.nodal ? 'yes' : 'no',
      String(l.longAxisMm),
      String(l.shortAxisMm),
      l.role === 'target' ? '' : l.role === 'new' ? 'unequivocal' : 'present',
    ]),
  );
  return writeCsv(MEASUREMENT_COLUMNS, rows);
}

describe('the sample patient (sample-dicom/ground-truth.json)', () => {
  const input = readMeasurementCsv(truthCsv());
  if (!input.ok) throw new Error(JSON.stringify(input.problems));
  const [patient] = assessPatients(input.patients);

  it('is PR at 3 months and PD at 6 months, as the ground truth says', () => {
    const followUps = patient?.timepoints.slice(1) ?? [];
    expect(followUps.map((t) => t.overallResponse)).toEqual(truth.expectedResponses.map((e) => e.overallResponse));
    expect(followUps.map((t) => (t.targetSum ?? 0) / 1000)).toEqual(truth.expectedResponses.map((e) => e.sumOfTargetDiametersMm));
  });

  it('has best overall response PR and progression at the 6-month scan', () => {
    expect(patient?.bestOverallResponse).toBe('PR');
    expect(patient?.progressionDate).toBe(truth.studies[2]?.studyDate);
  });

  it('has a baseline that conforms to RECIST (no warnings)', () => {
    expect(patient?.timepoints[0]?.warnings).toEqual([]);
  });
});
