import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GroundTruth, SampleManifest } from '../../src/phantom/groundTruth';

// The committed ground truth must tell the truth about RECIST 1.1: the sizes it lists give the responses it
// claims. Sums are compared in integer tenths of a mm, as the engine does.
const COMMITTED = join(import.meta.dirname, '../../sample-dicom');
const groundTruth = JSON.parse(readFileSync(join(COMMITTED, 'ground-truth.json'), 'utf8')) as GroundTruth;
const manifest = JSON.parse(readFileSync(join(COMMITTED, 'manifest.json'), 'utf8')) as SampleManifest;

const tenths = (mm: number): number => Math.round(mm * 10);
const studyNamed = (key: string) => {
  const study = groundTruth.studies.find((s) => s.key === key);
  if (study === undefined) throw new Error(`No study ${key}`);
  return study;
};
const targetSum = (key: string): number =>
  studyNamed(key)
    .lesions.filter((l) => l.role === 'target')
    .reduce((sum, l) => sum + tenths(l.recistDiameterMm), 0);

describe('baseline lesions are measurable (RECIST 1.1, 3.1 and 4.2)', () => {
  const baseline = studyNamed('baseline');
  const targets = baseline.lesions.filter((l) => l.role === 'target');

  it('has 2 to 5 targets, at most 2 per organ', () => {
    expect(targets.length).toBeGreaterThanOrEqual(2);
    expect(targets.length).toBeLessThanOrEqual(5);
    const perOrgan = new Map<string, number>();
    for (const t of targets) perOrgan.set(t.organ, (perOrgan.get(t.organ) ?? 0) + 1);
    expect(Math.max(...perOrgan.values())).toBeLessThanOrEqual(2);
  });

  it('non-nodal targets are >= 10 mm long, nodal targets >= 15 mm in short axis', () => {
    for (const t of targets) {
      if (t.nodal) expect(t.shortAxisMm, t.id).toBeGreaterThanOrEqual(15);
      else expect(t.longAxisMm, t.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('the RECIST diameter is the short axis for nodes and the long axis otherwise', () => {
    for (const study of groundTruth.studies) {
      for (const l of study.lesions) expect(l.recistDiameterMm).toBe(l.nodal ? l.shortAxisMm : l.longAxisMm);
    }
  });
});

describe('the expected responses follow from the sums (RECIST 1.1, 4.3.1)', () => {
  it('3 months: PR, the sum fell by at least 30 % from baseline, no new lesion', () => {
    const baseline = targetSum('baseline');
    const sum = targetSum('followup-3m');
    expect(10 * sum).toBeLessThanOrEqual(7 * baseline);
    expect(studyNamed('followup-3m').lesions.some((l) => l.role === 'new')).toBe(false);
    expect(groundTruth.expectedResponses.find((r) => r.study === 'followup-3m')?.overallResponse).toBe('PR');
  });

  it('6 months: PD, the sum grew >= 20 % and >= 5 mm over the nadir, and a new lesion >= 10 mm appeared', () => {
    const nadir = Math.min(targetSum('baseline'), targetSum('followup-3m'));
    const sum = targetSum('followup-6m');
    expect(10 * sum).toBeGreaterThanOrEqual(12 * nadir);
    expect(sum - nadir).toBeGreaterThanOrEqual(50);
    const newLesions = studyNamed('followup-6m').lesions.filter((l) => l.role === 'new');
    expect(newLesions.length).toBeGreaterThan(0);
    for (const l of newLesions) expect(l.longAxisMm).toBeGreaterThanOrEqual(10);
    expect(groundTruth.expectedResponses.find((r) => r.study === 'followup-6m')?.overallResponse).toBe('PD');
  });

  it('the sums written in the file match the lesions', () => {
    for (const study of groundTruth.studies) expect(tenths(study.sumOfTargetDiametersMm)).toBe(targetSum(study.key));
  });
});

describe('manifest.json opens the same sample', () => {
  it('names the patient and treatment date of the ground truth', () => {
    expect(manifest.patient).toEqual({
      id: groundTruth.patient.id,
      name: groundTruth.patient.name,
      treatmentDate: groundTruth.patient.treatmentDate,
    });
  });

  it('lists every slice of every study, in order, and every file exists', () => {
    expect(manifest.studies.map((s) => s.folder)).toEqual(groundTruth.studies.map((s) => s.folder));
    manifest.studies.forEach((study, index) => {
      expect(study.studyDate).toBe(groundTruth.studies[index]?.studyDate);
      expect(study.files.length).toBe(groundTruth.studies[index]?.sliceCount);
      for (const file of study.files) expect(existsSync(join(COMMITTED, file)), file).toBe(true);
    });
  });

  it('dates the treatment between the baseline and the first follow-up', () => {
    const [baseline, first] = manifest.studies;
    expect(baseline !== undefined && baseline.studyDate < manifest.patient.treatmentDate).toBe(true);
    expect(first !== undefined && manifest.patient.treatmentDate < first.studyDate).toBe(true);
  });
});
