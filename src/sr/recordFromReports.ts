// A patient's SRs (one per time point) -> the reader's record rows (tracking/types.ts), as a second workstation
// rebuilds the baseline lesions, their drawings and the responses from the PACS. Lesion ids are the Tracking Unique
// Identifiers (trackingUid.ts keeps them as they are when the record is written out again).
import type { AssignedOverallResponse } from '../recist/types';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import { distanceMm, roundToTenthMm } from '../dicom/imageLength';
import { REPORT_IMAGE_UID } from '../tracking/source';
import { typedMeasurement } from '../tracking/typedMeasurement';
import type { FindingRow, LesionRow, MeasurementRow, Segment, TimepointRow } from '../tracking/types';
import type { ReadMeasurement, ReadReport } from './types';

type Spacing = MeasurementRow['pixelSpacingMm'];

const lengthPx = (s: Segment) => Math.hypot(s.end.x - s.start.x, s.end.y - s.start.y);
const fits = (s: Segment | undefined, mm: number | undefined, spacing: Spacing) =>
  s === undefined || mm === undefined || roundToTenthMm(distanceMm(s.start, s.end, spacing)) === roundToTenthMm(mm);

/**
 * The PixelSpacing the lengths imply: an SR gives the polylines in pixels and the lengths in mm, not the spacing.
 * Square pixels when that gives both lengths back (CT nearly always); otherwise row and column spacing solved from
 * the two axes. The app, which has the image, should prefer the image's own PixelSpacing.
 */
export function impliedPixelSpacing(m: ReadMeasurement): Spacing | undefined {
  const long = m.longAxis.segment;
  if (long === undefined || lengthPx(long) === 0) return undefined;
  const square = m.longAxis.mm / lengthPx(long);
  const squareSpacing = { row: square, column: square };
  const short = m.shortAxis?.segment;
  if (fits(short, m.shortAxis?.mm, squareSpacing) || short === undefined || m.shortAxis === undefined) return squareSpacing;
  // L² = dx1²·c² + dy1²·r², S² = dx2²·c² + dy2²·r²: two equations in c² and r².
  const [dx1, dy1, dx2, dy2] = [long.end.x - long.start.x, long.end.y - long.start.y, short.end.x - short.start.x, short.end.y - short.start.y];
  const det = dx1 * dx1 * dy2 * dy2 - dy1 * dy1 * dx2 * dx2;
  if (Math.abs(det) < 1e-9) return squareSpacing;
  const [l2, s2] = [m.longAxis.mm ** 2, m.shortAxis.mm ** 2];
  const c2 = (l2 * dy2 * dy2 - dy1 * dy1 * s2) / det;
  const r2 = (dx1 * dx1 * s2 - dx2 * dx2 * l2) / det;
  return c2 > 0 && r2 > 0 ? { row: Math.sqrt(r2), column: Math.sqrt(c2) } : squareSpacing;
}

/** `iso` plus n milliseconds: measurements keep the SR's order through their createdAt, as the record orders them. */
const plusMs = (iso: string, n: number) => new Date((Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : 0) + n).toISOString();

function measurementRow(m: ReadMeasurement, lesionId: string, patientId: string, report: ReadReport, n: number): MeasurementRow {
  const id = `${report.sopInstanceUid}/${n}`;
  const at = plusMs(report.contentDateTime, n);
  const spacing = impliedPixelSpacing(m);
  const long = m.longAxis.segment;
  if (m.image === undefined || long === undefined || spacing === undefined) {
    // Typed from a report (no image): the record's own form for typed axes, at 1 mm per pixel.
    const axes = { longAxisMm: m.longAxis.mm, shortAxisMm: m.shortAxis?.mm };
    return typedMeasurement({ id: lesionId, patientId }, report.studyInstanceUid, axes, id, at, REPORT_IMAGE_UID);
  }
  const { sopClassUid: _class, ...image } = m.image;
  const short = m.shortAxis?.segment;
  return {
    id, patientId, lesionId, studyInstanceUid: report.studyInstanceUid, image, tool: m.tool, longAxis: long,
    ...(m.tool === 'bidirectional' && short !== undefined ? { shortAxis: short } : {}),
    pixelSpacingMm: spacing, createdAt: at, updatedAt: at,
  };
}

const EXCLUDED_LABEL = 'Excluded';
const ASSIGNABLE: readonly string[] = ['CR', 'PR', 'SD', 'PD', 'NE'] satisfies AssignedOverallResponse[];
const isAssignable = (r: string): r is AssignedOverallResponse => ASSIGNABLE.includes(r);

/** A follow-up whose overall response the reader assigned: the assignment again, so the engine does not recompute it. */
function assignedOf(r: ReadReport): Pick<TimepointRow, 'assigned'> {
  const overall = r.responses?.overall;
  if (r.responses?.source !== 'assigned' || overall === undefined || !isAssignable(overall)) return {};
  return { assigned: { response: overall, reason: r.responses.reason } };
}

/** The latest SR of each study: an SR written again after an unlock supersedes the earlier one. */
function latestPerStudy(reports: readonly ReadReport[]): ReadReport[] {
  const byStudy = new Map<string, ReadReport>();
  for (const r of reports) {
    const seen = byStudy.get(r.studyInstanceUid);
    if (seen === undefined || r.contentDateTime > seen.contentDateTime) byStudy.set(r.studyInstanceUid, r);
  }
  return [...byStudy.values()].sort((a, b) => (a.studyDate < b.studyDate ? -1 : a.studyDate > b.studyDate ? 1 : 0));
}

function patientFrom(reports: readonly ReadReport[]): TrackedPatient {
  const latest = latestPerStudy(reports);
  const first = latest[0];
  if (first === undefined) throw new Error('patientFrom needs at least one report');
  const patientId = first.patient.id;
  const timepoints: TimepointRow[] = latest.map((r) => ({
    studyInstanceUid: r.studyInstanceUid, patientId, studyDate: r.studyDate, studyDescription: r.studyDescription,
    // The writer labels a study left out of the assessment "Excluded" (tracking/timepoints.ts), with no time point type.
    excluded: r.timepointLabel === EXCLUDED_LABEL,
    ...assignedOf(r),
    ...(r.signOff === undefined ? {} : {
      signOff: { reader: r.signOff.reader, at: r.signOff.at, overallResponse: r.responses?.overall ?? '', explanation: r.responses?.reason ?? '' },
    }),
  }));
  const lesions = new Map<string, LesionRow>();
  const findings: FindingRow[] = [];
  const measurements: MeasurementRow[] = [];
  for (const report of latest) {
    let n = 0;
    for (const l of report.lesions) {
      const lesionId = l.trackingUid;
      if (!lesions.has(lesionId)) {
        lesions.set(lesionId, {
          id: lesionId, patientId, label: l.label, category: l.category, organ: l.organ, nodal: l.nodal, location: l.location,
          firstStudyInstanceUid: report.studyInstanceUid, createdAt: report.contentDateTime,
        });
      }
      if (l.state !== undefined) {
        findings.push({
          id: `${lesionId}|${report.studyInstanceUid}`, patientId, lesionId, studyInstanceUid: report.studyInstanceUid, state: l.state,
          ...(l.mergedIntoTrackingUid === undefined ? {} : { mergedIntoLesionId: l.mergedIntoTrackingUid }), updatedAt: report.contentDateTime,
        });
      }
      for (const m of l.measurements) measurements.push(measurementRow(m, lesionId, patientId, report, n++));
    }
  }
  return { patient: { id: patientId, name: first.patient.name }, timepoints, lesions: [...lesions.values()], findings, measurements };
}

/** Reports grouped by patient id, each patient's record rebuilt; patients in id order. */
export function trackedPatientsFromReports(reports: readonly ReadReport[]): TrackedPatient[] {
  const byPatient = new Map<string, ReadReport[]>();
  for (const r of reports) byPatient.set(r.patient.id, [...(byPatient.get(r.patient.id) ?? []), r]);
  return [...byPatient.keys()].sort().map((id) => patientFrom(byPatient.get(id) ?? []));
}

