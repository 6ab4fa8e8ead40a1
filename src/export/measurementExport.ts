// The app's record as the measurement CSV that `recist assess` reads (measurementCsvColumns.ts): one row per lesion
// per time point (per fragment for a split target). Rows are written from the engine's own input (toPatientRecord),
// so reading the file back gives that input again and `recist assess` the responses the app shows. The other axis
// of a measurement (not part of the RECIST diameter) is added from the measurement it came from, for the reader.
import type { TargetObservation, TimepointRecord } from '../recist/types';
import { formatMm } from '../recist/units';
import { axesMm, type AxesMm } from '../tracking/measurementValues';
import { isReportTimepoint, measurementSource } from '../tracking/source';
import type { LesionRow, MeasurementRow } from '../tracking/types';
import type { AssessedPatient } from './assessTracked';
import type { Pseudonym } from './deidentify';
import {
  EXPORTED_MEASUREMENT_COLUMNS, type MeasurementColumn, type MeasurementSource, type OPTIONAL_MEASUREMENT_COLUMNS,
} from './measurementCsvColumns';

type OptionalMeasurementColumn = (typeof OPTIONAL_MEASUREMENT_COLUMNS)[number];

type Row = Record<MeasurementColumn | OptionalMeasurementColumn, string>;
type LesionCells = Omit<Row, 'patient_id' | 'timepoint' | 'scan_date' | 'location' | 'signed_off_by' | 'signed_off_at'>;

/** A row's source: the measurement it came from, else its time point's (a report's states are typed in too). */
const sourceOf = (measurement: MeasurementRow | undefined, timepoint: MeasurementSource): MeasurementSource =>
  measurement === undefined ? timepoint : measurementSource(measurement);

const mm = (value: number | undefined): string => (value === undefined ? '' : value.toFixed(1));
const byCreation = (a: MeasurementRow, b: MeasurementRow) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** The other axis of a target, kept only when it cannot make the row unreadable (a short axis longer than the long). */
function otherAxis(lesion: LesionRow, diameterMm: string, axes: AxesMm | undefined): Pick<Row, 'long_axis_mm' | 'short_axis_mm'> {
  const diameter = Number(diameterMm);
  if (lesion.nodal) {
    const long = axes !== undefined && axes.longAxisMm >= diameter ? mm(axes.longAxisMm) : '';
    return { long_axis_mm: long, short_axis_mm: diameterMm };
  }
  const short = axes?.shortAxisMm !== undefined && axes.shortAxisMm <= diameter ? mm(axes.shortAxisMm) : '';
  return { long_axis_mm: diameterMm, short_axis_mm: short };
}

function targetRows(target: TargetObservation, lesion: LesionRow, measured: readonly MeasurementRow[], source: MeasurementSource): LesionCells[] {
  const identity = { lesion_id: target.lesionId, category: 'target', organ: target.organ, nodal: target.nodal ? 'yes' : 'no' };
  return target.fragments.map((fragment, i) => {
    if (fragment.state !== 'measured' || fragment.diameter === undefined) {
      return { ...identity, long_axis_mm: '', short_axis_mm: '', state: fragment.state, source };
    }
    // toPatientRecord makes one fragment per measurement, in order of creation.
    const measurement = measured[i];
    return { ...identity, ...otherAxis(lesion, formatMm(fragment.diameter), measurement && axesMm(measurement)), state: 'measured', source: sourceOf(measurement, source) };
  });
}

/** A non-target or new lesion: a node's short axis (what the engine uses), otherwise the longest long axis drawn. */
function lesionAxes(nodal: boolean, shortAxisMm: string | undefined, measured: readonly MeasurementRow[]): Pick<Row, 'long_axis_mm' | 'short_axis_mm'> {
  const axes = measured.map(axesMm);
  if (nodal) {
    if (shortAxisMm === undefined) return { long_axis_mm: '', short_axis_mm: '' };
    const source = axes.find((a) => a.shortAxisMm !== undefined && mm(a.shortAxisMm) === shortAxisMm);
    return { long_axis_mm: source && source.longAxisMm >= Number(shortAxisMm) ? mm(source.longAxisMm) : '', short_axis_mm: shortAxisMm };
  }
  const longest = axes.length > 0 ? Math.max(...axes.map((a) => a.longAxisMm)) : undefined;
  return { long_axis_mm: mm(longest), short_axis_mm: '' };
}

function timepointRows(
  record: TimepointRecord, studyUid: string, source: MeasurementSource, lesionOf: (label: string) => LesionRow | undefined,
  measurementsOf: (lesionId: string, studyUid: string) => readonly MeasurementRow[],
): LesionCells[] {
  const rows: LesionCells[] = [];
  for (const target of record.targets) {
    const lesion = lesionOf(target.lesionId);
    if (lesion) rows.push(...targetRows(target, lesion, measurementsOf(lesion.id, studyUid), source));
  }
  for (const [category, observations] of [['non-target', record.nonTargets], ['new', record.newLesions]] as const) {
    for (const o of observations) {
      const lesion = lesionOf(o.lesionId);
      const measured = lesion ? measurementsOf(lesion.id, studyUid) : [];
      const shortAxis = o.shortAxis === undefined ? undefined : formatMm(o.shortAxis);
      rows.push({ lesion_id: o.lesionId, category, organ: o.organ, nodal: o.nodal ? 'yes' : 'no', ...lesionAxes(o.nodal, shortAxis, measured), state: o.state, source: sourceOf(measured[0], source) });
    }
  }
  return rows;
}

/** The patient's rows in EXPORTED_MEASUREMENT_COLUMNS order: time points in engine order, lesions in label order. */
export function measurementRows(patient: AssessedPatient, who: Pseudonym): string[][] {
  const { tracked, engine } = patient;
  const byLabel = new Map(tracked.lesions.map((l) => [l.label, l]));
  const drawn = new Map<string, MeasurementRow[]>();
  for (const m of [...tracked.measurements].sort(byCreation)) {
    const key = `${m.lesionId}|${m.studyInstanceUid}`;
    drawn.set(key, [...(drawn.get(key) ?? []), m]);
  }
  return engine.record.timepoints.flatMap((record, i) => {
    const row = engine.timepoints[i]?.row;
    const studyUid = row?.studyInstanceUid ?? '';
    const source: MeasurementSource = row !== undefined && isReportTimepoint(row) ? 'report' : 'image';
    const rows = timepointRows(record, studyUid, source, (label) => byLabel.get(label), (lesionId, study) => drawn.get(`${lesionId}|${study}`) ?? []);
    const signOff = row?.signOff;
    // The sign-off's time moves with the patient's dates when they are shifted, so it stays on its scan's day.
    const signedAt = signOff === undefined ? '' : `${who.date(signOff.at.slice(0, 10))}${signOff.at.slice(10)}`;
    return rows.map((cells) => {
      const full: Row = {
        patient_id: who.id, timepoint: record.label, scan_date: who.date(record.scanDate), ...cells,
        location: who.text(byLabel.get(cells.lesion_id)?.location ?? ''), signed_off_by: signOff?.reader ?? '', signed_off_at: signedAt,
      };
      return EXPORTED_MEASUREMENT_COLUMNS.map((c) => full[c]);
    });
  });
}
