import { describe, expect, it } from 'vitest';
import { meetsPartialResponse, meetsProgression, isMeasurableTarget } from '../../src/recist/thresholds';
import { formatMm, parseMillimetres } from '../../src/recist/units';
import { organGroup } from '../../src/recist/organ';

const um = (mm: string) => {
  const v = parseMillimetres(mm);
  if (v === null) throw new Error(mm);
  return v;
};

describe('millimetres are read exactly', () => {
  it.each([
    ['30.6', 30_600],
    ['12', 12_000],
    ['7.25', 7_250],
    ['0.001', 1],
    ['0', 0],
  ])('%s mm is %i micrometres', (text, expected) => {
    expect(parseMillimetres(text)).toBe(expected);
  });

  it.each(['', '1O', '-3', '1.2345', '1,5', ' 2', '1e3', '.5'])('%j is not a diameter', (text) => {
    expect(parseMillimetres(text)).toBeNull();
  });

  it('formats to one decimal', () => {
    expect(formatMm(um('25.55'))).toBe('25.6');
    expect(formatMm(um('3'))).toBe('3.0');
  });
});

describe('PD: >= +20 % over the nadir and >= +5 mm (E09 4.3.1)', () => {
  it.each([
    ['25.5', '30.6', true, 'exactly +20 % and +5.1 mm'],
    ['25.5', '30.599', false, 'a micrometre short of +20 %'],
    ['3.2', '8.2', true, 'exactly +5 mm, far above +20 %'],
    ['3.2', '8.199', false, 'a micrometre short of +5 mm'],
    ['10', '14.9', false, '+49 % but only +4.9 mm'],
    ['100', '119.9', false, '+19.9 %'],
    ['100', '120', true, 'exactly +20 %'],
    ['0', '5', true, 'from a nadir of 0, +5 mm'],
    ['0', '4.9', false, 'from a nadir of 0, +4.9 mm'],
  ])('nadir %s -> sum %s: PD %s (%s)', (nadir, sum, expected) => {
    expect(meetsProgression(um(sum), um(nadir))).toBe(expected);
  });
});

describe('PR: <= -30 % from baseline (E09 4.3.1)', () => {
  it.each([
    ['100', '70', true],
    ['100', '70.001', false],
    ['86', '60.2', true],
    ['86', '60.3', false],
  ])('baseline %s -> %s: PR %s', (baseline, sum, expected) => {
    expect(meetsPartialResponse(um(sum), um(baseline))).toBe(expected);
  });
});

describe('measurable at baseline (E09 3.1)', () => {
  it.each([
    ['10', false, true],
    ['9.9', false, false],
    ['15', true, true],
    ['14.9', true, false],
  ])('%s mm, nodal %s: %s', (d, nodal, expected) => {
    expect(isMeasurableTarget(um(d), nodal)).toBe(expected);
  });
});

describe('organ for the two-per-organ rule', () => {
  it.each([
    ['Left lung', false, 'lung'],
    ['right lung', false, 'lung'],
    ['lungs', false, 'lung'],
    ['R kidney', false, 'kidney'],
    ['Liver', false, 'liver'],
    ['mediastinum', true, 'lymph node'],
  ])('%s (nodal %s) counts as %s', (organ, nodal, expected) => {
    expect(organGroup({ lesionId: 'X', organ, nodal })).toBe(expected);
  });
});
