// Properties every assessment must keep, on random patients rich in what is hard: complete responses, nodes
// around 10 mm, lesions at 0 mm, merged lesions, targets not assessed, and PR -> SD -> PR sequences
// (RECIST-RULES.md "Target response", "Best overall response"; issue 17). Seeded: the same patients every run.
import { describe, expect, it } from 'vitest';
import { mulberry32, type Uniform } from '../../../src/phantom/prng';
import { assessPatient } from '../../../src/recist/assessPatient';
import { meetsPartialResponse } from '../../../src/recist/thresholds';
import {
  DEFAULT_ASSESS_OPTIONS,
  type PatientAssessment,
  type PatientRecord,
  type TargetFragment,
  type TargetObservation,
  type TimepointRecord,
  type TimepointResponse,
} from '../../../src/recist/types';
import { micrometres } from '../../../src/recist/units';

const PATIENTS = 3000;
const pickOf = <T>(u: Uniform, items: readonly T[]): T => items[Math.floor(u() * items.length)] as T;
const date = (days: number) => new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10);

interface TargetPlan {
  readonly id: string;
  readonly nodal: boolean;
  readonly baselineMm: number;
}

/** A follow-up record of one target: shrinking, gone, back, missing, merged, split, too small... */
function followUpFragment(u: Uniform, t: TargetPlan, previousMm: number): TargetObservation['fragments'] | null {
  const r = u();
  if (r < 0.06) return null; // not assessed
  if (r < 0.1) return [{ state: 'not_evaluable' }];
  if (r < 0.2) return [{ state: 'absent' }];
  if (r < 0.25) return [{ state: 'merged' }];
  if (r < 0.3) return [{ state: 'too_small' }];
  if (r < 0.37) return [{ state: 'measured', diameter: micrometres(0) }];
  if (t.nodal && r < 0.55) return [{ state: 'measured', diameter: micrometres(Math.round((8 + u() * 4) * 10) * 100) }];
  if (r < 0.6) return [mm(previousMm * 0.4), mm(previousMm * 0.4)];
  const factor = pickOf(u, [0.5, 0.65, 0.7, 0.8, 1, 1.1, 1.25, 1.4]);
  return [mm(Math.max(1, previousMm * factor))];
}

const mm = (value: number): TargetFragment => ({ state: 'measured', diameter: micrometres(Math.round(value * 10) * 100) });

function randomPatient(u: Uniform, index: number): PatientRecord {
  const targets: TargetPlan[] = Array.from({ length: 1 + Math.floor(u() * 3) }, (_, i) => {
    const nodal = u() < 0.35;
    return { id: `T${i + 1}`, nodal, baselineMm: nodal ? 15 + Math.round(u() * 150) / 10 : 10 + Math.round(u() * 400) / 10 };
  });
  const nonTargets = u() < 0.5 ? [{ id: 'NT1', nodal: u() < 0.3 }] : [];
  const timepoints: TimepointRecord[] = [];
  let day = 0;
  const last = new Map(targets.map((t) => [t.id, t.baselineMm]));
  const count = 2 + Math.floor(u() * 5);
  for (let k = 0; k < count; k++) {
    const baseline = k === 0;
    const tpTargets: TargetObservation[] = [];
    for (const t of targets) {
      const fragments = baseline ? [mm(t.baselineMm)] : followUpFragment(u, t, last.get(t.id) ?? t.baselineMm);
      if (fragments === null) continue;
      const measured = fragments.filter((f) => f.state === 'measured').reduce((s, f) => s + (f.diameter ?? 0) / 1000, 0);
      if (measured > 0) last.set(t.id, measured);
      else if (fragments.some((f) => f.state === 'absent' || f.state === 'merged')) last.set(t.id, t.nodal ? 9 : 8);
      tpTargets.push({ lesionId: t.id, organ: t.nodal ? 'lymph node' : 'liver', nodal: t.nodal, fragments });
    }
    const nt = nonTargets.flatMap((n) => {
      if (baseline) return [{ lesionId: n.id, organ: 'bone', nodal: n.nodal, state: 'present' as const }];
      const r = u();
      if (r < 0.05) return [];
      return [{ lesionId: n.id, organ: 'bone', nodal: n.nodal, state: r < 0.5 ? ('absent' as const) : r < 0.97 ? ('present' as const) : ('progression' as const) }];
    });
    const newLesions = !baseline && u() < 0.04 ? [{ lesionId: 'N1', organ: 'liver', nodal: false, state: u() < 0.5 ? ('equivocal' as const) : ('unequivocal' as const) }] : [];
    timepoints.push({ label: baseline ? 'BL' : `FU${k}`, scanDate: date(day), targets: tpTargets, nonTargets: nt, newLesions });
    day += pickOf(u, [20, 35, 45, 60, 90]);
  }
  return { patientId: `R${index}`, timepoints };
}

const RANK: Record<TimepointResponse, number> = { CR: 5, PR: 4, SD: 3, 'NON-CR/NON-PD': 2, PD: 1, NE: 0 };

function cohort(seed: number): PatientRecord[] {
  const u = mulberry32(seed);
  return Array.from({ length: PATIENTS }, (_, i) => randomPatient(u, i));
}

const patients = cohort(17);
const plain = patients.map((p) => assessPatient(p, DEFAULT_ASSESS_OPTIONS));
const confirmed = patients.map((p) => assessPatient(p, { ...DEFAULT_ASSESS_OPTIONS, confirm: true }));
const followUpsOf = (a: PatientAssessment) => a.timepoints.filter((t) => !t.isBaseline);

describe('random patients rich in CR, nodes near 10 mm, 0 mm, merged, missing and PR-SD-PR', () => {
  it('the cohort exercises every hard case', () => {
    const all = plain.flatMap(followUpsOf);
    for (const r of ['CR', 'PR', 'SD', 'PD', 'NE'] as const) expect(all.some((t) => t.overallResponse === r)).toBe(true);
    expect(all.some((t) => /reappeared after a complete response/.test(t.explanation))).toBe(true);
    expect(all.some((t) => /PR \(continuing\)/.test(t.explanation))).toBe(true);
  });

  it('a progression date never precedes the first time point that meets a PD rule', () => {
    for (const a of [...plain, ...confirmed]) {
      if (a.progressionDate === null) continue;
      const firstPd = followUpsOf(a).find((t) => t.overallResponse === 'PD' || t.newLesions === 'equivocal');
      expect(firstPd, a.patientId).toBeDefined();
      expect(a.progressionDate >= (firstPd?.scanDate ?? ''), a.patientId).toBe(true);
    }
  });

  it('no continuing PR after a target PD: a PR there is one the sum itself meets, until PR is reached again', () => {
    for (const a of [...plain, ...confirmed]) {
      let afterPd = false;
      for (const t of followUpsOf(a)) {
        if (t.targetResponse === 'PD') afterPd = true;
        else if (t.targetResponse === 'PR' && afterPd) {
          expect(t.targetSum !== null && t.baselineSum !== null && meetsPartialResponse(t.targetSum, t.baselineSum), `${a.patientId} ${t.label}`).toBe(true);
          afterPd = false;
        }
      }
    }
  });

  it('--confirm never raises a best overall response above the unconfirmed one', () => {
    plain.forEach((a, i) => {
      const c = confirmed[i] as PatientAssessment;
      expect(RANK[c.bestOverallResponse] <= RANK[a.bestOverallResponse] || a.bestOverallResponse === 'NE', a.patientId).toBe(true);
    });
  });

  it('a CR is followed only by CR or PD, unless the lesions were not all assessed', () => {
    for (const a of [...plain, ...confirmed]) {
      const rows = followUpsOf(a);
      rows.forEach((t, i) => {
        const next = rows[i + 1];
        if (t.overallResponse !== 'CR' || next === undefined) return;
        const incomplete = next.warnings.includes('TARGET_NOT_ASSESSED') || next.warnings.includes('NONTARGET_NOT_ASSESSED');
        expect(next.overallResponse === 'CR' || next.overallResponse === 'PD' || incomplete, `${a.patientId} ${next.label}: ${next.explanation}`).toBe(true);
      });
    }
  });

  it('no progression date without a PD, and every overall PD is at or after the progression date', () => {
    for (const a of plain) {
      const pds = followUpsOf(a).filter((t) => t.overallResponse === 'PD');
      if (pds.length === 0) expect(a.progressionDate === null || followUpsOf(a).some((t) => t.newLesions !== 'no'), a.patientId).toBe(true);
      for (const t of pds) expect(a.progressionDate !== null && a.progressionDate <= t.scanDate, a.patientId).toBe(true);
    }
  });
});

/**
 * A second, deliberately plain reading of RECIST 1.1 for the time-point responses (no confirmation, continuing
 * PR), written from RECIST-RULES.md alone; the engine must agree with it on every random follow-up.
 */
function plainReading(p: PatientRecord): TimepointResponse[] {
  const [baseline, ...followUps] = [...p.timepoints].sort((a, b) => a.scanDate.localeCompare(b.scanDate));
  if (baseline === undefined) return [];
  const valueOf = (t: TargetObservation | undefined): number | null => {
    if (t === undefined || t.fragments.length === 0 || t.fragments.some((f) => f.state === 'not_evaluable')) return null;
    return t.fragments.reduce((s, f) => s + (f.state === 'measured' ? (f.diameter ?? 0) : f.state === 'too_small' ? 5000 : 0), 0);
  };
  const isGone = (value: number, nodal: boolean) => (nodal ? value < 10000 : value === 0);
  const base = baseline.targets.reduce((s, t) => s + (valueOf(t) ?? 0), 0);
  const isPd = (sum: number, nadir: number) => sum * 10 >= nadir * 12 && sum - nadir >= 5000;
  let nadir = base;
  let previous: TimepointResponse | null = null;
  let prSeen = false;
  const goneTargets = new Set(baseline.targets.filter((t) => isGone(valueOf(t) ?? 1, t.nodal)).map((t) => t.lesionId));
  const goneNonTargets = new Set<string>();
  const out: TimepointResponse[] = [];
  for (const tp of followUps) {
    let target: 'CR' | 'PR' | 'SD' | 'PD' | 'NE' | 'NA' = 'NA';
    if (baseline.targets.length > 0) {
      const values = baseline.targets.map((b) => ({ b, v: valueOf(tp.targets.find((t) => t.lesionId === b.lesionId)) }));
      const known = values.filter((x): x is { b: TargetObservation; v: number } => x.v !== null);
      const sum = known.reduce((s, x) => s + x.v, 0);
      const reappeared = known.some((x) => goneTargets.has(x.b.lesionId) && !isGone(x.v, x.b.nodal));
      const complete = known.length === values.length;
      if (previous === 'CR' && reappeared) target = 'PD';
      else if (isPd(sum, nadir)) target = 'PD';
      else if (!complete) target = 'NE';
      else if (known.every((x) => isGone(x.v, x.b.nodal))) target = 'CR';
      else if (sum * 10 <= base * 7) target = 'PR';
      else target = prSeen ? 'PR' : 'SD';
      for (const x of known) (isGone(x.v, x.b.nodal) ? goneTargets.add(x.b.lesionId) : goneTargets.delete(x.b.lesionId));
      if (complete && sum < nadir) nadir = sum;
      if (target === 'PD') prSeen = false;
      else if (complete && (target === 'CR' || sum * 10 <= base * 7)) prSeen = true;
    }
    let nonTarget: 'CR' | 'NON-CR/NON-PD' | 'PD' | 'NE' | 'NA' = 'NA';
    if (baseline.nonTargets.length > 0) {
      let progressed = false;
      let missing = false;
      let persisting = false;
      for (const b of baseline.nonTargets) {
        const o = tp.nonTargets.find((n) => n.lesionId === b.lesionId);
        if (o === undefined || o.state === 'not_evaluable') missing = true;
        else if (o.state === 'progression') progressed = true;
        else if (o.state === 'absent' || (o.nodal && o.shortAxis !== undefined && o.shortAxis < 10000)) goneNonTargets.add(b.lesionId);
        else {
          persisting = true;
          if (previous === 'CR' && goneNonTargets.has(b.lesionId)) progressed = true;
          goneNonTargets.delete(b.lesionId);
        }
      }
      nonTarget = progressed ? 'PD' : missing ? 'NE' : persisting ? 'NON-CR/NON-PD' : 'CR';
    }
    const newLesion = tp.newLesions.some((n) => n.state === 'unequivocal');
    let overall: TimepointResponse;
    if (newLesion || target === 'PD' || nonTarget === 'PD') overall = 'PD';
    else if (target === 'NA') overall = nonTarget === 'NA' ? 'NE' : nonTarget;
    else if (target === 'CR') overall = nonTarget === 'CR' || nonTarget === 'NA' ? 'CR' : 'PR';
    else overall = target === 'NE' ? 'NE' : target;
    out.push(overall);
    previous = overall;
  }
  return out;
}

describe('the engine and a plain second reading of the rules agree', () => {
  it('on the overall response of every random follow-up', () => {
    let compared = 0;
    patients.forEach((p, i) => {
      const engine = followUpsOf(plain[i] as PatientAssessment).map((t) => t.overallResponse);
      expect(engine, `${p.patientId}: ${followUpsOf(plain[i] as PatientAssessment).map((t) => t.explanation).join(' | ')}`).toEqual(plainReading(p));
      compared += engine.length;
    });
    expect(compared).toBeGreaterThan(PATIENTS);
  });
});
