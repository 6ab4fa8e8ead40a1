// Complete response, reappearance and a PR that is not sustained (RECIST-RULES.md "Target response",
// "Reappearance", "Continuing PR"; E09 4.3.1, FAQ "Abnormal lymph node"). Each case is the minimal patient that
// the engine got wrong before these rules were written down; black box, through `recist assess`.
import { describe, expect, it } from 'vitest';
import { runRecistCli } from '../../../src/cli/run';
import { followUps, onePatient, pick, timepoints } from './harness';

const HEADER = 'patient_id,timepoint,scan_date,lesion_id,category,organ,nodal,long_axis_mm,short_axis_mm,state';
const csv = (...rows: string[]): string => [HEADER, ...rows].join('\n') + '\n';

/** One non-nodal liver target with these sums, scans on the given days from 2024-01-01. */
function sums(values: number[], days: number[]): string {
  const date = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
  return csv(...values.map((v, i) => `P1,TP${i},${date(days[i] as number)},T1,target,liver,no,${v},,`));
}

describe('a lesion at 0 mm after it disappeared has not reappeared', () => {
  it('measured 0 after absent stays CR (no progression date)', () => {
    const input = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,30,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,,,absent',
      'P1,FU2,2024-05-01,T1,target,liver,no,0,,',
    );
    expect(pick(followUps(input), 'overall_response')).toEqual(['CR', 'CR']);
    expect(onePatient(input).progression_date).toBeNull();
    expect(onePatient(input, '--confirm').best_overall_response).toBe('CR');
  });

  it('merged (counts 0) after a complete response is not a reappearance', () => {
    const input = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,30,,',
      'P1,BL,2024-01-01,T2,target,lung,no,20,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,,,absent',
      'P1,FU1,2024-03-01,T2,target,lung,no,,,absent',
      'P1,FU2,2024-05-01,T1,target,liver,no,,,merged',
      'P1,FU2,2024-05-01,T2,target,lung,no,0,,',
    );
    expect(pick(followUps(input), 'overall_response')).toEqual(['CR', 'CR']);
  });
});

describe('a target node back to 10 mm or more after a complete response is PD', () => {
  const input = csv(
    'B1,BL,2024-01-01,T1,target,lymph node,yes,,20,',
    'B1,FU1,2024-03-01,T1,target,lymph node,yes,,9,',
    'B1,FU2,2024-05-01,T1,target,lymph node,yes,,10.5,',
  );
  it('the node below 10 mm is CR, and back to 10.5 mm is PD dated to that scan', () => {
    const rows = timepoints(input).slice(1);
    expect(pick(rows, 'overall_response')).toEqual(['CR', 'PD']);
    expect(rows[1]?.explanation).toMatch(/T1 \(10\.5 mm\) reappeared after a complete response/);
    const p = onePatient(input);
    expect(p.progression_date).toBe('2024-05-01');
    expect(p.best_overall_response).toBe('CR');
  });
  it('with --confirm the CR is not confirmed by a PD, and the progression date stands', () => {
    const p = onePatient(input, '--confirm');
    expect(p.best_overall_response).not.toBe('CR');
    expect(p.best_overall_response).not.toBe('PR');
    expect(p.progression_date).toBe('2024-05-01');
  });
  it('a non-nodal target measured 0 that comes back after CR is PD', () => {
    const back = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,30,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,0,,',
      'P1,FU2,2024-05-01,T1,target,liver,no,3,,',
    );
    expect(pick(followUps(back), 'overall_response')).toEqual(['CR', 'PD']);
  });
  it('a node staying below 10 mm after CR stays CR', () => {
    const stays = csv(
      'P1,BL,2024-01-01,T1,target,lymph node,yes,,20,',
      'P1,FU1,2024-03-01,T1,target,lymph node,yes,,9,',
      'P1,FU2,2024-05-01,T1,target,lymph node,yes,,9.9,',
    );
    expect(pick(followUps(stays), 'overall_response')).toEqual(['CR', 'CR']);
  });
  it('a node back to 10 mm when the previous response was not CR goes back into the sum (no automatic PD)', () => {
    const notAfterCr = csv(
      'P1,BL,2024-01-01,T1,target,lymph node,yes,,20,',
      'P1,BL,2024-01-01,T2,target,liver,no,40,,',
      'P1,FU1,2024-03-01,T1,target,lymph node,yes,,9,',
      'P1,FU1,2024-03-01,T2,target,liver,no,20,,',
      'P1,FU2,2024-05-01,T1,target,lymph node,yes,,10.5,',
      'P1,FU2,2024-05-01,T2,target,liver,no,19,,',
    );
    expect(pick(followUps(notAfterCr), 'overall_response')).toEqual(['PR', 'PR']);
  });
});

describe('a reappearance after CR is PD even when another target was not assessed', () => {
  it('T1 back at 4 mm with T2 missing is PD, not NE', () => {
    const input = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,30,,',
      'P1,BL,2024-01-01,T2,target,lung,no,20,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,,,absent',
      'P1,FU1,2024-03-01,T2,target,lung,no,,,absent',
      'P1,FU2,2024-05-01,T1,target,liver,no,4,,',
    );
    const rows = followUps(input);
    expect(pick(rows, 'target_response')).toEqual(['CR', 'PD']);
    expect(pick(rows, 'overall_response')).toEqual(['CR', 'PD']);
    expect(rows[1]?.explanation).toMatch(/whatever the others measure \(T2 not assessed\)/);
    expect(onePatient(input).progression_date).toBe('2024-05-01');
  });
  it('without a reappearance, a missing target after CR is still NE', () => {
    const input = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,30,,',
      'P1,BL,2024-01-01,T2,target,lung,no,20,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,,,absent',
      'P1,FU1,2024-03-01,T2,target,lung,no,,,absent',
      'P1,FU2,2024-05-01,T1,target,liver,no,,,absent',
    );
    expect(pick(followUps(input), 'overall_response')).toEqual(['CR', 'NE']);
  });
});

describe('continuing PR ends at a target PD', () => {
  it('sums 30 -> 20 (PR) -> 25 (PD) -> 24 give SD at the last time point, not PR (continuing)', () => {
    const rows = followUps(sums([30, 20, 25, 24], [0, 56, 112, 168]));
    expect(pick(rows, 'target_response')).toEqual(['PR', 'PD', 'SD']);
    expect(rows[2]?.explanation).not.toMatch(/continuing/);
  });
  it('a PR reached again by the sum after a PD may continue again', () => {
    const rows = followUps(sums([30, 20, 25, 20, 23], [0, 56, 112, 168, 224]));
    expect(pick(rows, 'target_response')).toEqual(['PR', 'PD', 'PR', 'PR']);
    expect(rows[3]?.explanation).toMatch(/PR \(continuing\)/);
  });
  it('the FAQ example still holds: 100, 70, 70, 80, 80, 80 are PR at every follow-up', () => {
    const rows = followUps(sums([100, 70, 70, 80, 80, 80], [0, 56, 112, 168, 224, 280]));
    expect(pick(rows, 'target_response')).toEqual(['PR', 'PR', 'PR', 'PR', 'PR']);
  });
});

describe('with --confirm, a PR is confirmed only by a later PR or CR with nothing worse in between', () => {
  const input = sums([100, 70, 80, 70, 80], [0, 60, 105, 152, 213]);
  it('100 -> 70 -> 80 (SD) -> 70 -> 80: the last time point is SD, not a continuing PR', () => {
    expect(pick(followUps(input, '--confirm'), 'target_response')).toEqual(['PR', 'SD', 'PR', 'SD']);
  });
  it('and the best overall response is SD', () => {
    const p = onePatient(input, '--confirm');
    expect(p.best_overall_response).toBe('SD');
  });
  it('a PR confirmed across an NE continues afterwards', () => {
    const confirmed = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,100,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,70,,',
      'P1,FU2,2024-04-01,T1,target,liver,no,,,not_evaluable',
      'P1,FU3,2024-05-01,T1,target,liver,no,69,,',
      'P1,FU4,2024-07-01,T1,target,liver,no,80,,',
    );
    expect(pick(followUps(confirmed, '--confirm'), 'target_response')).toEqual(['PR', 'NE', 'PR', 'PR']);
    expect(onePatient(confirmed, '--confirm').best_overall_response).toBe('PR');
  });
});

describe('an assigned CR counts as a complete response for the reappearance rule', () => {
  it('a measured follow-up with the lesion present after an assigned CR is PD', () => {
    const input = csv(
      'P1,BL,2024-01-01,T1,target,liver,no,30,,',
      'P1,FU1,2024-03-01,T1,target,liver,no,20,,',
      'P1,FU3,2024-07-01,T1,target,liver,no,18,,',
    );
    const assigned = 'patient_id,scan_date,timepoint,overall_response,reason\nP1,2024-05-01,FU2,CR,"no residual disease"\n';
    const run = assessWithAssigned(input, assigned);
    expect(run.map((r) => r.overall_response)).toEqual([null, 'PR', 'CR', 'PD']);
    expect(run[3]?.explanation).toMatch(/reappeared after a complete response/);
  });
});

function assessWithAssigned(measurements: string, assigned: string): { overall_response: string | null; explanation: string }[] {
  const files: Record<string, string> = { 'in.csv': measurements, 'assigned.csv': assigned };
  return JSON.parse(
    runWith(files, ['assess', 'in.csv', '--assigned', 'assigned.csv', '--format', 'json']).stdout,
  ) as { overall_response: string | null; explanation: string }[];
}

function runWith(files: Record<string, string>, argv: string[]) {
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return text;
  };
  const run = runRecistCli(argv, { readFile: read, readBytes: (p) => new TextEncoder().encode(read(p)) });
  if (run.exitCode !== 0) throw new Error(run.stderr);
  return run;
}
