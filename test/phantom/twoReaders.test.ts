// The demo double read (sample-dicom/demo-two-readers.csv): a valid measurement CSV, the sample patient read by A as
// its ground truth, and enough disagreement near the RECIST thresholds to show what the agreement section is for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { doubleReadAgreement } from '../../src/agreement/doubleReadAgreement';
import { readMeasurementCsv } from '../../src/export/readMeasurementCsv';
import { EXPECTED_RESPONSES } from '../../src/phantom/lesions';
import { DEMO_TWO_READERS_SIZE, twoReaderPatients, twoReadersCsv } from '../../src/phantom/twoReaders';
import { assessPatients } from '../../src/recist/assess';

const committed = readFileSync(new URL('../../sample-dicom/demo-two-readers.csv', import.meta.url), 'utf8');

describe('the demo double read', () => {
  it('is what the generator writes (npm run two-readers:generate)', () => {
    expect(committed).toBe(twoReadersCsv(twoReaderPatients()));
  });

  const read = readMeasurementCsv(committed);
  if (!read.ok) throw new Error(read.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n'));

  it('holds every patient twice, once per reader', () => {
    expect(read.patients).toHaveLength(2 * DEMO_TWO_READERS_SIZE);
    expect(new Set(read.patients.map((p) => p.reader))).toEqual(new Set(['A', 'B']));
  });

  it("has reader A read the sample patient as its ground truth: PR at 3 months, PD at 6", () => {
    const sampleA = read.patients.find((p) => p.patientId === 'RR-0001' && p.reader === 'A');
    if (sampleA === undefined) throw new Error('no read of RR-0001 by A');
    const [assessment] = assessPatients([sampleA]);
    expect(assessment?.timepoints.filter((t) => !t.isBaseline).map((t) => t.overallResponse)).toEqual(EXPECTED_RESPONSES.map((e) => e.overallResponse));
  });

  it('has the readers agree mostly, not always: kappa for best response between 0.5 and 0.95, some patients discordant', () => {
    const result = doubleReadAgreement(read.patients, { readers: undefined, moreThanTwo: 'ask', progressionDays: 0, confirm: false });
    if (!result.ok) throw new Error(result.error.code);
    const { report } = result.value;
    expect(report.bestOverallResponse.kappa).toBeGreaterThan(0.5);
    expect(report.bestOverallResponse.kappa).toBeLessThan(0.95);
    expect(report.bestOverallResponse.categories.length).toBeGreaterThanOrEqual(3);
    expect(report.discordant.length).toBeGreaterThan(0);
    expect(report.discordant.length).toBeLessThan(report.patients / 2);
  });
});
