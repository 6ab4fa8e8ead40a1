// A synthetic two-arm trial cohort for the cohort survival screen, written with the columns and meanings of the
// app's patient CSV for survival analysis (src/export/survivalRow.ts), so the screen reads the demo and a file
// exported from the app the same way. After those columns: `cycles`, then the covariates sorted by name (age, arm,
// ecog, sex), as the export writes them. Deterministic (seeded), no real patient data.
// `npm run cohort:generate` writes it to sample-dicom/demo-cohort.csv.
//
// The model, per patient (days from origin = randomisation = cycle 1 day 1):
//   arm A (control) or B (experimental) in permuted blocks of 4; age, sex, ECOG 0/1/2.
//   tumour shrinkage at nadir f ~ N(0.12 (A) or 0.25 (B), 0.2), a quarter of f >= 0.45 complete (f = 1), reached by
//     the second scan (60 % of it at the first);
//   true progression ~ exponential, median 182 days for arm A, ECOG 0, average shrinkage; log hazard ratios
//     B -0.4, ECOG 1 +0.35, ECOG 2 +0.9, +0.05 per 10 years of age, -1.5 per unit of shrinkage above average;
//   death before progression ~ exponential (median 6 years, x2 hazard for ECOG 2), after progression
//     exponential with median 240 days (shorter with worse ECOG);
//   CT every 42 days (+0 to 7), 4 % of scans not evaluable (NE); progression is seen at the first scan after it;
//   loss to follow-up ~ 6 % a year; data cut-off 2023-09-30, 9 to 33 months after origin (administrative censoring);
//   21-day cycles until progression, death, cut-off, or stopping for toxicity (median 2 years).
// Each scan's response follows RECIST 1.1 thresholds on the sum of diameters (PR >= 30 % shrinkage, CR ~ all gone).
// The survival columns then follow survivalRow.ts's rules, restated where they are computed below; the test checks
// the responses against the RECIST engine itself (src/recist/bestOverallResponse.ts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCsv } from '../shared/csv';
import { addDays, daysBetween } from '../shared/isoDate';
import { mulberry32, normalApprox, seedFromName, type Uniform } from './prng';

export type CohortArm = 'A' | 'B';
export type CohortResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';
export type PfsEventType = 'progression' | 'death';

/** One follow-up CT and its overall response; `day` counts from the origin. */
export interface CohortScan {
  readonly day: number;
  readonly response: CohortResponse;
}

export interface CohortPatient {
  readonly patientId: string;
  readonly arm: CohortArm;
  readonly age: number;
  readonly sex: 'F' | 'M';
  readonly ecog: 0 | 1 | 2;
  /** Randomisation and start of treatment: day 0 of PFS and OS. */
  readonly originDate: string;
  /** Baseline CT, 3 to 28 days before origin. */
  readonly baselineDate: string;
  /** Follow-up scans in date order, up to the one that showed PD. Not written to the CSV. */
  readonly scans: readonly CohortScan[];
  /** Unconfirmed best overall response of every follow-up; NE when there was none. */
  readonly bestOverallResponse: CohortResponse;
  /** The same with CR/PR confirmed by a scan >= 28 days later. */
  readonly borConfirmed: CohortResponse;
  readonly progressionDate: string | null;
  /** The last evaluable assessment: the latest follow-up that is not NE, else the baseline. */
  readonly lastAssessmentDate: string;
  readonly pfsDays: number;
  readonly pfsEvent: boolean;
  readonly pfsEventType: PfsEventType | null;
  readonly osDays: number;
  readonly osEvent: boolean;
  readonly landmarkDays: number;
  readonly landmarkAtRisk: boolean;
  /** Best overall response of the scans up to the landmark day; null when not at risk at the landmark. */
  readonly landmarkResponse: CohortResponse | null;
  readonly landmarkOsDays: number | null;
  readonly landmarkOsEvent: boolean | null;
  readonly cycles: number;
}

/** The app's patient CSV columns (src/export/survivalColumns.ts, SURVIVAL_COLUMNS; the test checks they agree). */
export const PATIENT_CSV_COLUMNS = [
  'patient_id', 'origin_date', 'baseline_date', 'best_overall_response', 'bor_confirmed', 'progression_date',
  'last_assessment_date', 'pfs_days', 'pfs_event', 'pfs_event_type', 'os_days', 'os_event', 'landmark_days',
  'landmark_at_risk', 'landmark_response', 'landmark_os_days', 'landmark_os_event',
] as const;

/** `cycles` as the export writes it, then the covariates sorted by name. */
export const COHORT_COLUMNS = [...PATIENT_CSV_COLUMNS, 'cycles', 'age', 'arm', 'ecog', 'sex'] as const;

export const DEMO_COHORT_SIZE = 300;
export const DATA_CUTOFF = '2023-09-30';
/** Three months (13 weeks), the export's default landmark (DEFAULT_LANDMARK_DAYS). */
export const LANDMARK_DAYS = 91;
const FIRST_ORIGIN = '2021-01-04';
const ACCRUAL_DAYS = 730;
const SCAN_INTERVAL = 42;
const CYCLE_DAYS = 21;
const MEAN_SHRINKAGE = 0.185;
// The RECIST engine's defaults (DEFAULT_ASSESS_OPTIONS): SD counts from day 42 after baseline; a CR/PR is
// confirmed by an assessment at least 28 days later.
const SD_MIN_DAYS = 42;
const CONFIRM_DAYS = 28;

const exponential = (u: Uniform, median: number): number => (-Math.log(1 - u()) * median) / Math.LN2;

function category(shrinkage: number): CohortResponse {
  if (shrinkage >= 0.95) return 'CR';
  return shrinkage >= 0.3 ? 'PR' : 'SD';
}

/** The cohort, the same on every run for the same size and seed. */
export function generateCohort(size = DEMO_COHORT_SIZE, seed = 'demo-cohort'): CohortPatient[] {
  const u = mulberry32(seedFromName(seed));
  const arms: CohortArm[] = [];
  while (arms.length < size) {
    const block: CohortArm[] = ['A', 'A', 'B', 'B'];
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(u() * (i + 1));
      [block[i], block[j]] = [block[j] as CohortArm, block[i] as CohortArm];
    }
    arms.push(...block);
  }
  const origins = Array.from({ length: size }, () => Math.floor(u() * ACCRUAL_DAYS)).sort((a, b) => a - b);
  return origins.map((originDay, i) => patient(u, i, arms[i] as CohortArm, addDays(FIRST_ORIGIN, originDay)));
}

/**
 * Best overall response as the RECIST engine gives it (src/recist/bestOverallResponse.ts): only scans before the
 * first PD count; SD needs SD_MIN_DAYS from baseline; with `confirm`, CR (PR) needs a CR (CR or PR) at least
 * CONFIRM_DAYS later with nothing worse than NE between, else it falls back to SD. No response: PD if there was a
 * progression, else NE.
 */
export function bestResponse(scans: readonly CohortScan[], baselineToOrigin: number, confirm: boolean): CohortResponse {
  const pd = scans.find((s) => s.response === 'PD');
  const before = scans.filter((s) => pd === undefined || s.day < pd.day);
  const stableCounts = (s: CohortScan) => s.day + baselineToOrigin >= SD_MIN_DAYS;
  if (!confirm) {
    const rank: Record<CohortResponse, number> = { CR: 3, PR: 2, SD: 1, PD: 0, NE: 0 };
    const counted = before.filter((s) => s.response === 'CR' || s.response === 'PR' || (s.response === 'SD' && stableCounts(s)));
    const best = counted.reduce<CohortResponse | null>((b, s) => (b === null || rank[s.response] > rank[b] ? s.response : b), null);
    if (best !== null) return best;
  } else {
    const confirmed = (i: number, confirming: readonly CohortResponse[], between: readonly CohortResponse[]): boolean => {
      const first = before[i] as CohortScan;
      for (const next of before.slice(i + 1)) {
        if (next.day - first.day >= CONFIRM_DAYS && confirming.includes(next.response)) return true;
        if (!between.includes(next.response)) return false;
      }
      return false;
    };
    if (before.some((s, i) => s.response === 'CR' && confirmed(i, ['CR'], ['CR', 'NE']))) return 'CR';
    if (before.some((s, i) => (s.response === 'CR' || s.response === 'PR') && confirmed(i, ['CR', 'PR'], ['CR', 'PR', 'NE']))) return 'PR';
    if (before.some((s) => s.response !== 'NE' && stableCounts(s))) return 'SD';
  }
  return pd !== undefined ? 'PD' : 'NE';
}

function patient(u: Uniform, index: number, arm: CohortArm, originDate: string): CohortPatient {
  const age = Math.round(Math.min(85, Math.max(28, 63 + 9 * normalApprox(u))));
  const sex = u() < 0.45 ? 'F' : 'M';
  const e = u();
  const ecog = e < 0.45 ? 0 : e < 0.9 ? 1 : 2;
  const partial = Math.min(1, Math.max(-0.15, (arm === 'B' ? 0.25 : 0.12) + 0.2 * normalApprox(u)));
  // A quarter of the deep responses (>= 45 %) go on to disappear completely: a few per cent of CRs.
  const shrinkage = partial >= 0.45 && u() < 0.25 ? 1 : partial;
  const logHazard = (arm === 'B' ? -0.4 : 0) + ([0, 0.35, 0.9][ecog] as number) + (0.05 * (age - 63)) / 10 - 1.5 * (shrinkage - MEAN_SHRINKAGE);
  const progression = exponential(u, 182 / Math.exp(logHazard));
  const deathFirst = exponential(u, (6 * 365) / (ecog === 2 ? 2 : 1));
  const death = deathFirst < progression ? deathFirst : progression + exponential(u, 240 / Math.exp([0, 0.25, 0.6][ecog] as number));
  // Loss to follow-up at 6 % a year (rate 0.06 / 365 per day, median ln 2 / rate); the end is last known alive.
  const followUp = Math.min(daysBetween(originDate, DATA_CUTOFF), exponential(u, (365 * Math.LN2) / 0.06));
  const baselineDate = addDays(originDate, -(3 + Math.floor(u() * 26)));
  const baselineToOrigin = daysBetween(baselineDate, originDate);

  // Scans every 42 days (+0 to 7) while alive, under follow-up and not yet progressed.
  const scans: CohortScan[] = [];
  for (let k = 1; ; k++) {
    const day = k * SCAN_INTERVAL + Math.round(7 * u());
    if (day > followUp || day > death) break;
    const notEvaluable = u() < 0.04;
    const response: CohortResponse = notEvaluable ? 'NE' : day >= progression ? 'PD' : category(k === 1 ? 0.6 * shrinkage : shrinkage);
    scans.push({ day, response });
    if (response === 'PD') break;
  }
  const seen = scans.find((s) => s.response === 'PD')?.day ?? null;
  const lastAdequate = scans.filter((s) => s.response !== 'NE').at(-1)?.day ?? null;

  // OS: death, else censored when last known alive (which is never before the last scan).
  const osEvent = death <= followUp;
  const osDays = Math.max(1, Math.round(osEvent ? death : followUp));
  // PFS: progression (at the scan that showed it) or death, whichever is first, progression winning a tie;
  // otherwise censored at the last adequate assessment, never before the origin (the baseline counts as day 0).
  const deathDay = osEvent ? osDays : Infinity;
  const pfsEventType: PfsEventType | null = seen !== null && seen <= deathDay ? 'progression' : osEvent ? 'death' : null;
  const pfsEvent = pfsEventType !== null;
  const pfsDays = pfsEventType === 'progression' ? (seen as number) : pfsEventType === 'death' ? osDays : lastAdequate ?? 0;
  // Landmark L: at risk when OS follow-up reaches day L; the response is what the scans up to day L showed.
  const landmarkAtRisk = osDays >= LANDMARK_DAYS;
  const stopForToxicity = exponential(u, 730);
  const onTreatment = Math.min(pfsEvent ? pfsDays : Infinity, osDays, followUp, stopForToxicity);
  return {
    patientId: `DC-${String(index + 1).padStart(4, '0')}`,
    arm,
    age,
    sex,
    ecog,
    originDate,
    baselineDate,
    scans,
    bestOverallResponse: bestResponse(scans, baselineToOrigin, false),
    borConfirmed: bestResponse(scans, baselineToOrigin, true),
    progressionDate: seen === null ? null : addDays(originDate, seen),
    lastAssessmentDate: lastAdequate === null ? baselineDate : addDays(originDate, lastAdequate),
    pfsDays,
    pfsEvent,
    pfsEventType,
    osDays,
    osEvent,
    landmarkDays: LANDMARK_DAYS,
    landmarkAtRisk,
    landmarkResponse: landmarkAtRisk ? bestResponse(scans.filter((s) => s.day <= LANDMARK_DAYS), baselineToOrigin, false) : null,
    landmarkOsDays: landmarkAtRisk ? osDays - LANDMARK_DAYS : null,
    landmarkOsEvent: landmarkAtRisk ? osEvent : null,
    cycles: Math.floor(onTreatment / CYCLE_DAYS) + 1,
  };
}

const flag = (b: boolean | null): string => (b === null ? '' : b ? '1' : '0');

/** The cohort as CSV (COHORT_COLUMNS; events 1/0, empty cells for unknown or not applicable). */
export function cohortCsv(patients: readonly CohortPatient[]): string {
  const rows = patients.map((p) => [
    p.patientId, p.originDate, p.baselineDate, p.bestOverallResponse, p.borConfirmed, p.progressionDate ?? '',
    p.lastAssessmentDate, String(p.pfsDays), flag(p.pfsEvent), p.pfsEventType ?? '', String(p.osDays), flag(p.osEvent),
    String(p.landmarkDays), flag(p.landmarkAtRisk), p.landmarkResponse ?? '', p.landmarkOsDays === null ? '' : String(p.landmarkOsDays),
    flag(p.landmarkOsEvent), String(p.cycles), String(p.age), p.arm, String(p.ecog), p.sex,
  ]);
  return writeCsv(COHORT_COLUMNS, rows);
}

export const DEMO_COHORT_PATH = 'sample-dicom/demo-cohort.csv';

export function writeDemoCohort(path = DEMO_COHORT_PATH): string {
  const target = resolve(path);
  writeFileSync(target, cohortCsv(generateCohort()));
  return target;
}

// `npm run cohort:generate` runs this file directly.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(`Wrote ${writeDemoCohort(process.argv[2])}`);
}
