// A synthetic double read for the cohort screen's "Reader agreement" section and `recist agreement`: the sample
// patient (RR-0001, its lesions and visits as in lesions.ts and studies.ts) and 23 patients made from it (the same
// lesions, each scaled at baseline and following a course of its own), each read by two readers, A and B, in the
// columns of the app's measurement CSV plus `location` and `reader`. Deterministic (seeded), no real patient data.
// `npm run two-readers:generate` writes it to sample-dicom/demo-two-readers.csv.
//
// The model: reader A reads RR-0001 exactly as its ground truth; otherwise each reader measures each lesion with a
// relative error of 10 % SD, rounded to 0.1 mm: about 14 % SD between the two readers, so 95 % limits of about
// +-27 %, near the 22-25 % per lesion by which careful readers differ (Yoon 2016). A course near a RECIST threshold (-30 % for PR, +20 % and
// +5 mm over the nadir for PD) therefore splits the readers now and then, as it does in a trial. A small new lesion
// (under 8 mm) is missed by each reader with probability 0.2.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNever } from '../shared/assertNever';
import { writeCsv } from '../shared/csv';
import { addDays } from '../shared/isoDate';
import { type LesionDefinition, type LesionSize, LESIONS } from './lesions';
import { between, mulberry32, normalApprox, seedFromName, type Uniform } from './prng';
import { SAMPLE_PATIENT, SAMPLE_STUDIES, type StudyKey } from './studies';

export const TWO_READER_COLUMNS = [
  'patient_id', 'timepoint', 'scan_date', 'lesion_id', 'category', 'organ', 'nodal', 'long_axis_mm', 'short_axis_mm', 'state', 'location', 'reader',
] as const;

export const DEMO_READERS = ['A', 'B'] as const;
export const DEMO_TWO_READERS_SIZE = 24;
export const DEMO_TWO_READERS_PATH = 'sample-dicom/demo-two-readers.csv';

/** How a patient's tumour burden goes: the true sum at 3 and 6 months relative to baseline, drawn per patient. */
type Course = 'sample' | 'pr-then-pd' | 'durable-pr' | 'borderline-pr' | 'stable' | 'early-pd' | 'borderline-pd' | 'complete';
const COURSES: readonly Exclude<Course, 'sample'>[] = ['pr-then-pd', 'durable-pr', 'borderline-pr', 'stable', 'early-pd', 'borderline-pd', 'complete'];

const READER_SD = 0.1;
const SMALL_NEW_LESION_MM = 8;
const MISSED_SMALL_NEW_LESION = 0.2;
/** A node under 10 mm short axis is normal (RECIST 1.1, 4.3.1): a complete response leaves it at 7-9 mm. */
const NORMAL_NODE_MM: readonly [number, number] = [7, 9.5];

interface TruePatient {
  readonly patientId: string;
  readonly dayShift: number;
  readonly course: Course;
  /** True size of each lesion at each visit; null where it is not there (a new lesion before it appears). */
  readonly sizes: ReadonlyMap<string, Readonly<Record<StudyKey, LesionSize | null>>>;
  /** Reader A reads this patient exactly as it is (the sample patient). */
  readonly exactForA: boolean;
}

function ratios(course: Exclude<Course, 'sample'>, u: Uniform): { at3: number; at6: number; newAt: StudyKey | null } {
  switch (course) {
    case 'pr-then-pd': {
      const at3 = between(u, 0.55, 0.66);
      return { at3, at6: at3 * between(u, 1.25, 1.45), newAt: u() < 0.5 ? 'followup-6m' : null };
    }
    case 'durable-pr': {
      const at3 = between(u, 0.5, 0.66);
      return { at3, at6: at3 * between(u, 0.85, 1), newAt: null };
    }
    case 'borderline-pr': {
      const at3 = between(u, 0.66, 0.74);
      return { at3, at6: at3 * between(u, 0.95, 1.03), newAt: null };
    }
    case 'stable':
      return { at3: between(u, 0.8, 1.05), at6: between(u, 0.85, 1.1), newAt: null };
    case 'early-pd': {
      const at3 = between(u, 1.22, 1.4);
      return { at3, at6: at3 * between(u, 1.05, 1.2), newAt: u() < 0.5 ? 'followup-3m' : null };
    }
    case 'borderline-pd': {
      const at3 = between(u, 0.85, 0.95);
      return { at3, at6: at3 * between(u, 1.15, 1.26), newAt: u() < 0.3 ? 'followup-6m' : null };
    }
    case 'complete':
      return { at3: between(u, 0.35, 0.5), at6: 0, newAt: null };
    default:
      return assertNever(course, 'course');
  }
}

const scaled = (s: LesionSize, by: number): LesionSize => ({ longAxisMm: s.longAxisMm * by, shortAxisMm: s.shortAxisMm * by, craniocaudalMm: s.craniocaudalMm * by });

function madeFromSample(index: number, course: Exclude<Course, 'sample'>, u: Uniform): TruePatient {
  const size = between(u, 0.8, 1.3);
  const { at3, at6, newAt } = ratios(course, u);
  const newSize = between(u, 5.5, 15);
  const sizes = new Map<string, Record<StudyKey, LesionSize | null>>();
  for (const lesion of LESIONS) {
    const base = lesion.sizes.baseline;
    if (lesion.role === 'new') {
      const appeared = (study: StudyKey) => newAt !== null && (study === newAt || (newAt === 'followup-3m' && study === 'followup-6m'));
      const s = { longAxisMm: newSize, shortAxisMm: newSize * 0.85, craniocaudalMm: newSize * 0.85 };
      sizes.set(lesion.id, { baseline: null, 'followup-3m': appeared('followup-3m') ? s : null, 'followup-6m': appeared('followup-6m') ? s : null });
      continue;
    }
    if (base === null) throw new Error(`${lesion.id} has no baseline size`);
    const atBaseline = scaled(base, size);
    const follow = (ratio: number): LesionSize => {
      if (lesion.role === 'non-target') return ratio === 0 ? scaled(atBaseline, 0) : atBaseline;
      if (ratio === 0 && lesion.nodal) {
        const shortAxisMm = between(u, NORMAL_NODE_MM[0], NORMAL_NODE_MM[1]);
        return { longAxisMm: shortAxisMm * 1.3, shortAxisMm, craniocaudalMm: shortAxisMm };
      }
      return scaled(atBaseline, ratio);
    };
    sizes.set(lesion.id, { baseline: atBaseline, 'followup-3m': follow(at3), 'followup-6m': follow(at6) });
  }
  return { patientId: patientId(index), dayShift: 14 * index, course, sizes, exactForA: false };
}

const patientId = (index: number) => `RR-${String(index + 1).padStart(4, '0')}`;

/** The patients and their true lesion sizes, the same on every run. */
export function twoReaderPatients(size = DEMO_TWO_READERS_SIZE, seed = 'demo-two-readers'): TruePatient[] {
  const u = mulberry32(seedFromName(seed));
  const sample: TruePatient = {
    patientId: SAMPLE_PATIENT.id,
    dayShift: 0,
    course: 'sample',
    sizes: new Map(LESIONS.map((l) => [l.id, l.sizes])),
    exactForA: true,
  };
  const others = Array.from({ length: size - 1 }, (_, i) => madeFromSample(i + 1, COURSES[i % COURSES.length] as Exclude<Course, 'sample'>, u));
  return [sample, ...others];
}

const mm = (x: number): string => String(Math.round(x * 10) / 10);

/** One reader's row for one lesion at one visit; null when the reader records nothing for it. */
function readLesion(lesion: LesionDefinition, truth: LesionSize | null, exact: boolean, u: Uniform): { long: string; short: string; state: string } | null {
  const error = () => (exact ? 1 : 1 + READER_SD * normalApprox(u));
  if (lesion.role === 'new') {
    if (truth === null) return null;
    if (!exact && truth.longAxisMm < SMALL_NEW_LESION_MM && u() < MISSED_SMALL_NEW_LESION) return null;
    return { long: mm(truth.longAxisMm * error()), short: '', state: 'unequivocal' };
  }
  if (truth === null) return null;
  if (lesion.role === 'non-target') return { long: '', short: '', state: truth.longAxisMm === 0 ? 'absent' : 'present' };
  if (truth.longAxisMm === 0) return { long: '', short: '', state: 'absent' };
  const long = truth.longAxisMm * error();
  const short = Math.min(long, truth.shortAxisMm * error());
  return { long: mm(long), short: mm(short), state: '' };
}

/** The double read as the measurement CSV (TWO_READER_COLUMNS), reader A's rows of a patient before reader B's. */
export function twoReadersCsv(patients: readonly TruePatient[], seed = 'demo-two-readers/reads'): string {
  const u = mulberry32(seedFromName(seed));
  const rows: string[][] = [];
  for (const patient of patients) {
    for (const reader of DEMO_READERS) {
      const exact = patient.exactForA && reader === 'A';
      for (const study of SAMPLE_STUDIES) {
        const scanDate = addDays(study.studyDate, patient.dayShift);
        for (const lesion of LESIONS) {
          const read = readLesion(lesion, patient.sizes.get(lesion.id)?.[study.key] ?? null, exact, u);
          if (read === null) continue;
          const category = lesion.role === 'new' ? 'new' : lesion.role;
          rows.push([patient.patientId, study.label, scanDate, lesion.id, category, lesion.organ, lesion.nodal ? 'yes' : 'no', read.long, read.short, read.state, lesion.location.replace(/ \(new at .*\)$/, ''), reader]);
        }
      }
    }
  }
  return writeCsv(TWO_READER_COLUMNS, rows);
}

export function writeDemoTwoReaders(path = DEMO_TWO_READERS_PATH): string {
  const target = resolve(path);
  writeFileSync(target, twoReadersCsv(twoReaderPatients()));
  return target;
}

// `npm run two-readers:generate` runs this file directly.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(`Wrote ${writeDemoTwoReaders(process.argv[2])}`);
}
