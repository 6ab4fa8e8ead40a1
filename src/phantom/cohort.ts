// A synthetic two-arm trial cohort for the survival screens: one row per patient with origin and baseline dates,
// the RECIST response at the ~3-month landmark scan and the best overall response, PFS and OS with realistic
// censoring, and the number of treatment cycles. Deterministic (seeded), no real patient data.
// `npm run cohort:generate` writes it to sample-dicom/demo-cohort.csv.
//
// The model, per patient (days from origin = randomisation = cycle 1 day 1):
//   arm A (control) or B (experimental) in permuted blocks of 4; age, sex, ECOG 0/1/2.
//   tumour shrinkage at nadir f ~ N(0.12 (A) or 0.25 (B), 0.2), reached by the landmark scan;
//   true progression ~ exponential, median 182 days for arm A, ECOG 0, average shrinkage; log hazard ratios
//     B -0.4, ECOG 1 +0.35, ECOG 2 +0.9, +0.05 per 10 years of age, -1.5 per unit of shrinkage above average;
//   death before progression ~ exponential (median 6 years, x2 hazard for ECOG 2), after progression
//     exponential with median 240 days (shorter with worse ECOG);
//   CT every 42 days (+0 to 7), 4 % of scans missed; progression is seen at the first scan after it happens;
//   loss to follow-up ~ 6 % a year; data cut-off 2023-09-30, 9 to 33 months after origin (administrative censoring);
//   PFS: progression (at its scan) or death, else censored at the last scan; OS: death, else censored;
//   21-day cycles until progression, death, cut-off, or stopping for toxicity (median 2 years).
// Response categories follow RECIST 1.1 thresholds on the sum of diameters (PR >= 30 % shrinkage, CR ~ all
// gone); responses here are unconfirmed. Landmark and best response are empty when no scan was read.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCsv } from '../shared/csv';
import { addDays, daysBetween } from '../shared/isoDate';
import { mulberry32, normalApprox, seedFromName, type Uniform } from './prng';

export type CohortArm = 'A' | 'B';
export type CohortResponse = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

export interface CohortPatient {
  readonly patientId: string;
  readonly arm: CohortArm;
  readonly age: number;
  readonly sex: 'F' | 'M';
  readonly ecog: 0 | 1 | 2;
  /** Randomisation and start of treatment: time zero of PFS and OS. */
  readonly originDate: string;
  /** Baseline CT, 3 to 28 days before origin. */
  readonly baselineDate: string;
  /** The scan near day 84 (week 12), or the earlier scan that showed PD; null when the patient left or died before it. */
  readonly landmarkDate: string | null;
  readonly landmarkResponse: CohortResponse | null;
  readonly bestResponse: CohortResponse | null;
  readonly pfsDays: number;
  readonly pfsEvent: boolean;
  readonly osDays: number;
  readonly osEvent: boolean;
  readonly cycles: number;
}

export const COHORT_COLUMNS = [
  'patient_id', 'arm', 'age', 'sex', 'ecog', 'origin_date', 'baseline_date', 'landmark_date', 'landmark_response',
  'best_response', 'pfs_days', 'pfs_event', 'os_days', 'os_event', 'cycles',
] as const;

export const DEMO_COHORT_SIZE = 300;
export const DATA_CUTOFF = '2023-09-30';
const FIRST_ORIGIN = '2021-01-04';
const ACCRUAL_DAYS = 730;
const SCAN_INTERVAL = 42;
const LANDMARK_SCAN = 2; // the second scan, day 84 to 91
const CYCLE_DAYS = 21;
const MEAN_SHRINKAGE = 0.185;

const exponential = (u: Uniform, median: number): number => (-Math.log(1 - u()) * median) / Math.LN2;

function category(shrinkage: number): CohortResponse {
  if (shrinkage >= 0.95) return 'CR';
  return shrinkage >= 0.3 ? 'PR' : 'SD';
}

const RANK: Record<CohortResponse, number> = { CR: 4, PR: 3, SD: 2, PD: 1, NE: 0 };

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

function patient(u: Uniform, index: number, arm: CohortArm, originDate: string): CohortPatient {
  const age = Math.round(Math.min(85, Math.max(28, 63 + 9 * normalApprox(u))));
  const sex = u() < 0.45 ? 'F' : 'M';
  const e = u();
  const ecog = e < 0.45 ? 0 : e < 0.9 ? 1 : 2;
  const shrinkage = Math.min(1, Math.max(-0.15, (arm === 'B' ? 0.25 : 0.12) + 0.2 * normalApprox(u)));
  const logHazard = (arm === 'B' ? -0.4 : 0) + ([0, 0.35, 0.9][ecog] as number) + (0.05 * (age - 63)) / 10 - 1.5 * (shrinkage - MEAN_SHRINKAGE);
  const progression = exponential(u, 182 / Math.exp(logHazard));
  const deathFirst = exponential(u, (6 * 365) / (ecog === 2 ? 2 : 1));
  const death = deathFirst < progression ? deathFirst : progression + exponential(u, 240 / Math.exp([0, 0.25, 0.6][ecog] as number));
  // Loss to follow-up at 6 % a year (rate 0.06 / 365 per day, median ln 2 / rate).
  const followUp = Math.min(daysBetween(originDate, DATA_CUTOFF), exponential(u, (365 * Math.LN2) / 0.06));
  const baselineDate = addDays(originDate, -(3 + Math.floor(u() * 26)));

  // Scans every 42 days (+0 to 7) while alive, under follow-up and not yet progressed.
  let lastScan = 0;
  let seen: number | null = null;
  let landmark: { day: number; response: CohortResponse } | null = null;
  let best: CohortResponse | null = null;
  for (let k = 1; ; k++) {
    const day = k * SCAN_INTERVAL + Math.round(7 * u());
    if (day > followUp || day > death) break;
    const missed = u() < 0.04;
    const response: CohortResponse = missed ? 'NE' : day >= progression ? 'PD' : category(k === 1 ? 0.6 * shrinkage : shrinkage);
    if (k === LANDMARK_SCAN) landmark = { day, response };
    if (best === null || RANK[response] > RANK[best]) best = response;
    if (!missed) lastScan = day;
    if (response === 'PD') {
      seen = day;
      // Progression before the landmark scan is the response status at the landmark.
      if (k < LANDMARK_SCAN) landmark = { day, response };
      break;
    }
  }
  const pfsEventDay = Math.min(seen ?? Infinity, death);
  const pfsEvent = pfsEventDay <= followUp;
  const osEvent = death <= followUp;
  const osDays = Math.max(1, Math.round(osEvent ? death : followUp));
  const pfsDays = pfsEvent ? Math.max(1, Math.round(pfsEventDay)) : Math.min(lastScan, osDays);
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
    landmarkDate: landmark ? addDays(originDate, landmark.day) : null,
    landmarkResponse: landmark?.response ?? null,
    bestResponse: best,
    pfsDays,
    pfsEvent,
    osDays,
    osEvent,
    cycles: Math.floor(onTreatment / CYCLE_DAYS) + 1,
  };
}

/** The cohort as CSV (COHORT_COLUMNS; events 1/0, empty cells for no landmark or best response). */
export function cohortCsv(patients: readonly CohortPatient[]): string {
  const rows = patients.map((p) => [
    p.patientId, p.arm, String(p.age), p.sex, String(p.ecog), p.originDate, p.baselineDate, p.landmarkDate ?? '',
    p.landmarkResponse ?? '', p.bestResponse ?? '', String(p.pfsDays), p.pfsEvent ? '1' : '0', String(p.osDays),
    p.osEvent ? '1' : '0', String(p.cycles),
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
