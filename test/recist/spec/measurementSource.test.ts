// Provenance in the output: where each time point's values and each patient's come from (`source` column in,
// `measurement_source` out: image, report, or image+report when they mix; blank when the file does not say).
import { describe, expect, it } from 'vitest';
import { assess, onePatient, timepoints } from './harness';

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state,source';

describe('measurement_source', () => {
  const input = [
    HEADER,
    'P1,BL,2024-01-01,T1,target,liver,no,30,,,image',
    'P1,BL,2024-01-01,T2,target,lung,no,20,,,image',
    'P1,FU1,2024-03-01,T1,target,liver,no,20,,,report',
    'P1,FU1,2024-03-01,T2,target,lung,no,15,,,report',
    'P1,FU2,2024-05-01,T1,target,liver,no,20,,,image',
    'P1,FU2,2024-05-01,T2,target,lung,no,15,,,report',
  ].join('\n');

  it('per time point: image, report, or image+report when one time point mixes them', () => {
    expect(timepoints(input).map((t) => (t as unknown as Record<string, unknown>).measurement_source)).toEqual(['image', 'report', 'image+report']);
  });
  it('per patient: image+report when the time points mix them', () => {
    expect((onePatient(input) as unknown as Record<string, unknown>).measurement_source).toBe('image+report');
  });
  it('in the CSV output as a column after response_source', () => {
    const out = assess(input, '--per-patient').stdout.split('\n');
    expect(out[0]).toContain('response_source,measurement_source,warnings');
    expect(out[1]).toContain(',computed,image+report,');
  });
  it('blank when the file has no source column', () => {
    const plain = input.split('\n').map((l) => l.replace(/,(image|report|source)$/, '')).join('\n');
    expect(timepoints(plain).map((t) => (t as unknown as Record<string, unknown>).measurement_source)).toEqual([null, null, null]);
  });
  it('a patient wholly from reports is report', () => {
    const reports = input.replace(/,image$/gm, ',report');
    expect((onePatient(reports) as unknown as Record<string, unknown>).measurement_source).toBe('report');
  });
});
