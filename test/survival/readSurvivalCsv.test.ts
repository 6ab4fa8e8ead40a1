// One row per patient -> SurvivalRecords: numeric and factor covariates as R reads a CSV, problems with line
// and column.
import { describe, expect, it } from 'vitest';
import { readSurvivalCsv } from '../../src/survival/readSurvivalCsv';

const columns = { time: 'days', event: 'dead', group: 'arm', covariates: ['ecog', 'histology'] };

describe('readSurvivalCsv', () => {
  it('reads numbers as numbers and text as a factor with the first sorted level as reference', () => {
    const csv = 'id,days,dead,arm,ecog,histology\n1,10,1,B,0,squamous\n2,20.5,0,A,2,adeno\n3,7,1,A,1,large\n';
    const result = readSurvivalCsv(csv, columns);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.table.covariates).toEqual(['ecog', 'histologylarge', 'histologysquamous']);
    expect(result.table.factors).toEqual([{ column: 'histology', levels: ['adeno', 'large', 'squamous'], names: ['histologylarge', 'histologysquamous'] }]);
    expect(result.table.records[1]).toEqual({ time: 20.5, event: false, group: 'A', covariates: { ecog: 2, histologylarge: 0, histologysquamous: 0 } });
    expect(result.table.lines).toEqual([2, 3, 4]);
  });

  it('refuses a factor with one level (it cannot have an effect)', () => {
    const result = readSurvivalCsv('days,dead,arm,ecog,histology\n1,1,A,0,adeno\n2,0,B,1,adeno\n', columns);
    expect(result.ok ? [] : result.problems).toEqual([{ line: 1, message: 'column "histology": every row has "adeno"; a covariate must vary' }]);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(readSurvivalCsv('', columns)).toEqual({ ok: false, problems: [{ line: 1, message: 'the file is empty' }] });
    expect(readSurvivalCsv('days,dead,arm,ecog,histology\n', columns)).toEqual({ ok: false, problems: [{ line: 1, message: 'the file has a header but no rows' }] });
  });

  it('names an empty group', () => {
    const result = readSurvivalCsv('days,dead,arm\n1,1,\n', { time: 'days', event: 'dead', group: 'arm' });
    expect(result.ok ? [] : result.problems).toEqual([{ line: 2, message: 'column "arm": empty; every row needs a group' }]);
  });
});
