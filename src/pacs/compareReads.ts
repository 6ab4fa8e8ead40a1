// A time point's read in this browser against the one rebuilt from the PACS's SR: the same lesion is known by its
// Tracking Unique Identifier on both sides, and two reads are the same when every lesion has the same state and
// the same axes to the tenth of a mm. What differs is never merged: the reader chooses (ui/pacs).
import { trackingUidOfLesion } from '../sr/trackingUid';
import { axesMm } from '../tracking/measurementValues';
import type { TrackedPatient } from '../tracking/toPatientRecord';
import type { FindingRow, LesionRow, MeasurementRow } from '../tracking/types';

export type TimepointComparison =
  /** Nothing read here at this time point: the PACS read can be taken as it is, nothing is overwritten. */
  | { readonly kind: 'only-in-pacs' }
  | { readonly kind: 'same' }
  | { readonly kind: 'different'; readonly local: string; readonly pacs: string };

/**
 * The PACS record with its lesions renamed to this browser's ids where the lesion is the same one (its tracking
 * UID is the UID of a local lesion), so adopting it adds to the local lesions instead of doubling them.
 */
export function inLocalTerms(pacs: TrackedPatient, local: TrackedPatient | undefined): TrackedPatient {
  const localIdOf = new Map((local?.lesions ?? []).map((l) => [trackingUidOfLesion(l.id), l.id]));
  const id = (lesionId: string) => localIdOf.get(lesionId) ?? lesionId;
  return {
    ...pacs,
    lesions: pacs.lesions.map((l) => ({ ...l, id: id(l.id) })),
    findings: pacs.findings.map((f) => ({
      ...f, lesionId: id(f.lesionId), id: `${id(f.lesionId)}|${f.studyInstanceUid}`,
      ...(f.mergedIntoLesionId === undefined ? {} : { mergedIntoLesionId: id(f.mergedIntoLesionId) }),
    })),
    measurements: pacs.measurements.map((m) => ({ ...m, lesionId: id(m.lesionId) })),
  };
}

/** `pacs` already in local terms (inLocalTerms). */
export function compareTimepoint(local: TrackedPatient | undefined, pacs: TrackedPatient, studyInstanceUid: string): TimepointComparison {
  const here = readAt(local, studyInstanceUid);
  if (here.length === 0) return { kind: 'only-in-pacs' };
  const there = readAt(pacs, studyInstanceUid);
  const key = (lines: readonly ReadLine[]) => lines.map((l) => `${l.lesionId}:${l.text}`).join('\n');
  if (key(here) === key(there)) return { kind: 'same' };
  return { kind: 'different', local: summary(here), pacs: summary(there) };
}

interface ReadLine {
  readonly lesionId: string;
  readonly label: string;
  readonly text: string;
}

/** One line per lesion recorded at the time point: its state and its axes, in lesion-id order. */
function readAt(record: TrackedPatient | undefined, studyInstanceUid: string): ReadLine[] {
  if (!record) return [];
  const findings = new Map<string, FindingRow>();
  for (const f of record.findings) if (f.studyInstanceUid === studyInstanceUid) findings.set(f.lesionId, f);
  const measured = new Map<string, MeasurementRow[]>();
  for (const m of record.measurements) {
    if (m.studyInstanceUid === studyInstanceUid) measured.set(m.lesionId, [...(measured.get(m.lesionId) ?? []), m]);
  }
  const ids = [...new Set([...findings.keys(), ...measured.keys()])].sort();
  const lesions = new Map<string, LesionRow>(record.lesions.map((l) => [l.id, l]));
  return ids.map((lesionId) => {
    const axes = (measured.get(lesionId) ?? []).map((m) => axesMm(m))
      .map((a) => (a.shortAxisMm === undefined ? `${a.longAxisMm.toFixed(1)} mm` : `${a.longAxisMm.toFixed(1)} x ${a.shortAxisMm.toFixed(1)} mm`))
      .sort();
    const state = findings.get(lesionId)?.state ?? 'not assessed';
    return { lesionId, label: lesions.get(lesionId)?.label ?? '?', text: [state.replace('_', ' '), ...axes].join(' ') };
  });
}

const summary = (lines: readonly ReadLine[]): string =>
  [...lines].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true })).map((l) => `${l.label} ${l.text}`).join('; ');
