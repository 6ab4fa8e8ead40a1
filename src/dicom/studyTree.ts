// Series as a reader browses them: patient -> study (date, description) -> series.
import type { CtSeries } from './ctSeries';

export interface StudyNode {
  readonly studyInstanceUid: string;
  /** ISO `YYYY-MM-DD`, undefined when the files carry no valid StudyDate. */
  readonly date: string | undefined;
  readonly description: string;
  /** In the order groupIntoSeries gave them (SeriesNumber, then size). */
  readonly series: readonly CtSeries[];
}

export interface PatientNode {
  /** PatientID, or the name when the ID is empty (anonymised exports often blank one of them). */
  readonly key: string;
  readonly id: string;
  readonly name: string;
  /** Oldest first, so the baseline comes before its follow-ups; undated studies last. */
  readonly studies: readonly StudyNode[];
}

export function buildStudyTree(series: readonly CtSeries[]): PatientNode[] {
  const patients = new Map<string, { id: string; name: string; studies: Map<string, CtSeries[]> }>();
  for (const s of series) {
    const first = s.slices[0];
    if (!first) continue;
    const key = first.patient.id || first.patient.name;
    const patient = patients.get(key) ?? { id: first.patient.id, name: first.patient.name, studies: new Map() };
    patients.set(key, patient);
    patient.studies.set(s.studyInstanceUid, [...(patient.studies.get(s.studyInstanceUid) ?? []), s]);
  }
  return [...patients].map(([key, { id, name, studies }]) => ({
    key,
    id,
    name,
    studies: [...studies].map(([studyInstanceUid, members]): StudyNode => {
      const first = members[0]?.slices[0];
      return { studyInstanceUid, date: first?.studyDate, description: first?.studyDescription ?? '', series: members };
    }).sort(byDate),
  })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const byDate = (a: StudyNode, b: StudyNode): number => {
  if (a.date === b.date) return a.studyInstanceUid < b.studyInstanceUid ? -1 : 1;
  if (a.date === undefined) return 1;
  if (b.date === undefined) return -1;
  return a.date < b.date ? -1 : 1;
};

/**
 * What to show first after an import: the largest series of the oldest study on the left (baseline) and, when the
 * same patient has a later study, the largest series of the newest one on the right (follow-up).
 */
export function defaultPanes(tree: readonly PatientNode[]): { baseline: CtSeries | undefined; followUp: CtSeries | undefined } {
  const largest = (series: readonly CtSeries[]) =>
    series.reduce<CtSeries | undefined>((best, s) => (best && best.slices.length >= s.slices.length ? best : s), undefined);
  const patient = [...tree].sort((a, b) => studyImages(b) - studyImages(a))[0];
  const studies = patient?.studies ?? [];
  const baseline = largest(studies[0]?.series ?? []);
  const followUp = studies.length > 1 ? largest(studies[studies.length - 1]?.series ?? []) : undefined;
  return { baseline, followUp };
}

const studyImages = (patient: PatientNode): number =>
  patient.studies.reduce((n, study) => n + study.series.reduce((m, s) => m + s.slices.length, 0), 0);
