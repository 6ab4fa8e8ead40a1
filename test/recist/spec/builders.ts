// Fixture builders for the black-box RECIST 1.1 spec: compact lesion tables -> the `assess` input CSV.
//
//   patient('P1')
//     .days([0, 56, 112])                                   // or .dates(['2022-01-03', ...]); default: every 56 days
//     .targets({ T1: { organ: 'liver', sizes: [30, 20, 25] } })
//     .nonTargets({ NT1: { states: ['present', 'present', 'absent'] } })
//     .newLesions({ N1: { states: [null, 'equivocal', 'unequivocal'] } })
//     .csv();
//
// Index i of every `sizes` / `states` array is time point i (0 = baseline). `null` means "no row at that time point"
// (for a baseline target or non-target: not assessed).

export const COLUMNS = [
  'patient_id',
  'timepoint',
  'scan_date',
  'lesion_id',
  'category',
  'organ',
  'nodal',
  'long_axis_mm',
  'short_axis_mm',
  'state',
] as const;

export type Column = (typeof COLUMNS)[number];
export type Row = Record<Column, string>;

/**
 * One target measurement: a diameter in mm (long axis, or short axis for a nodal target), an array of fragment
 * diameters (split lesion), a non-measured state, or null (no row: not assessed).
 */
export type TargetSize = number | number[] | 'too_small' | 'absent' | 'not_evaluable' | 'merged' | null;
export interface TargetSpec {
  organ?: string;
  nodal?: boolean;
  sizes: TargetSize[];
}

export type NonTargetState = 'present' | 'absent' | 'progression' | 'not_evaluable' | null;
export interface NonTargetSpec {
  organ?: string;
  nodal?: boolean;
  states: NonTargetState[];
}

export type NewLesionState = 'unequivocal' | 'equivocal' | null;
export interface NewLesionSpec {
  organ?: string;
  nodal?: boolean;
  /** Long axis for a non-nodal new lesion, short axis for a nodal one. Default 12 mm. */
  mm?: number;
  states: NewLesionState[];
}

const BASE_DATE = '2022-01-03';
const DEFAULT_INTERVAL_DAYS = 56;

/** ISO date `days` after `from` (UTC, so no daylight-saving surprises). */
export function addDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const mm = (n: number): string => String(n);
/** A nodal lesion is measured by its short axis; its long axis is recorded too (a little longer). */
const nodalLongAxis = (shortAxis: number): string => mm(Math.round((shortAxis + 5) * 10) / 10);

export class PatientBuilder {
  private scanDates: string[] | undefined;
  private timepointLabels: string[] | undefined;
  private targetSpecs: Record<string, TargetSpec> = {};
  private nonTargetSpecs: Record<string, NonTargetSpec> = {};
  private newLesionSpecs: Record<string, NewLesionSpec> = {};

  constructor(readonly patientId: string) {}

  /** Scan dates as days from the baseline scan (baseline 2022-01-03). */
  days(offsets: number[]): this {
    this.scanDates = offsets.map((d) => addDays(BASE_DATE, d));
    return this;
  }

  dates(isoDates: string[]): this {
    this.scanDates = [...isoDates];
    return this;
  }

  labels(labels: string[]): this {
    this.timepointLabels = [...labels];
    return this;
  }

  targets(specs: Record<string, TargetSpec>): this {
    this.targetSpecs = { ...this.targetSpecs, ...specs };
    return this;
  }

  nonTargets(specs: Record<string, NonTargetSpec>): this {
    this.nonTargetSpecs = { ...this.nonTargetSpecs, ...specs };
    return this;
  }

  newLesions(specs: Record<string, NewLesionSpec>): this {
    this.newLesionSpecs = { ...this.newLesionSpecs, ...specs };
    return this;
  }

  timepointCount(): number {
    if (this.scanDates) return this.scanDates.length;
    const lengths = [
      ...Object.values(this.targetSpecs).map((s) => s.sizes.length),
      ...Object.values(this.nonTargetSpecs).map((s) => s.states.length),
      ...Object.values(this.newLesionSpecs).map((s) => s.states.length),
    ];
    return Math.max(1, ...lengths);
  }

  scanDate(i: number): string {
    const dates = this.scanDates ?? [];
    return dates[i] ?? addDays(BASE_DATE, i * DEFAULT_INTERVAL_DAYS);
  }

  label(i: number): string {
    return this.timepointLabels?.[i] ?? (i === 0 ? 'BL' : `FU${i}`);
  }

  rows(): Row[] {
    const rows: Row[] = [];
    const n = this.timepointCount();
    for (let i = 0; i < n; i++) {
      const at = { patient_id: this.patientId, timepoint: this.label(i), scan_date: this.scanDate(i) };

      for (const [lesionId, spec] of Object.entries(this.targetSpecs)) {
        const size = spec.sizes[i] ?? null;
        if (size === null) continue;
        const nodal = spec.nodal ?? false;
        const base = {
          ...at,
          lesion_id: lesionId,
          category: 'target',
          organ: spec.organ ?? (nodal ? 'lymph node' : 'liver'),
          nodal: nodal ? 'yes' : 'no',
        };
        const measured = (d: number): Row => ({
          ...base,
          long_axis_mm: nodal ? nodalLongAxis(d) : mm(d),
          short_axis_mm: nodal ? mm(d) : '',
          state: '',
        });
        if (typeof size === 'number') rows.push(measured(size));
        else if (Array.isArray(size)) rows.push(...size.map(measured));
        else rows.push({ ...base, long_axis_mm: '', short_axis_mm: '', state: size });
      }

      for (const [lesionId, spec] of Object.entries(this.nonTargetSpecs)) {
        const state = spec.states[i] ?? null;
        if (state === null) continue;
        const nodal = spec.nodal ?? false;
        rows.push({
          ...at,
          lesion_id: lesionId,
          category: 'non-target',
          organ: spec.organ ?? (nodal ? 'lymph node' : 'peritoneum'),
          nodal: nodal ? 'yes' : 'no',
          long_axis_mm: '',
          short_axis_mm: '',
          state,
        });
      }

      for (const [lesionId, spec] of Object.entries(this.newLesionSpecs)) {
        const state = spec.states[i] ?? null;
        if (state === null) continue;
        const nodal = spec.nodal ?? false;
        const d = spec.mm ?? 12;
        rows.push({
          ...at,
          lesion_id: lesionId,
          category: 'new',
          organ: spec.organ ?? (nodal ? 'lymph node' : 'liver'),
          nodal: nodal ? 'yes' : 'no',
          long_axis_mm: nodal ? nodalLongAxis(d) : mm(d),
          short_axis_mm: nodal ? mm(d) : '',
          state,
        });
      }
    }
    return rows;
  }

  csv(): string {
    return toCsv(this.rows());
  }
}

export const patient = (patientId: string): PatientBuilder => new PatientBuilder(patientId);

/** RFC 4180 field quoting. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: Row[], eol = '\n'): string {
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))];
  return lines.join(eol) + eol;
}

/** Several patients in one input file. */
export function csvOf(...patients: PatientBuilder[]): string {
  return toCsv(patients.flatMap((p) => p.rows()));
}

// ---------------------------------------------------------------------------------------------------------------
// Simple single-target shorthands for sum-driven tests.

/** One non-nodal liver target whose diameter is the sum at each time point. */
export const singleTarget = (sizes: TargetSize[], patientId = 'P1'): PatientBuilder =>
  patient(patientId).targets({ T1: { organ: 'liver', sizes } });
