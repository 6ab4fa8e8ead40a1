// Agreement between two readers over a cohort (issue 20): percentage agreement and Cohen's kappa with its 95 %
// interval for the overall response of the follow-ups (all together, and per time point label) and for best
// overall response, agreement on progression
// (yes / no) and on its date, and the discordant patients with the first time point where the reads part.
import type { PatientAssessment } from '../recist/types';
import { type KappaResult, cohenKappa } from './cohenKappa';
import { type DiscordanceOptions, type ReadComparison, DEFAULT_DISCORDANCE_OPTIONS, compareReads } from './compareReads';

export interface AgreementReport {
  readonly readers: readonly [string, string];
  /** Patients both readers read. */
  readonly patients: number;
  /** Follow-ups both readers assessed: their overall responses (baseline excluded). */
  readonly timepointResponse: KappaResult;
  /** The same per time point label ("3-month follow-up"), in the order the labels come in the patients' follow-ups. */
  readonly timepointResponseByLabel: readonly LabelAgreement[];
  readonly bestOverallResponse: KappaResult;
  /** Progression yes / no per patient. */
  readonly progression: KappaResult;
  /** Patients both readers call progressed, and how many of them on dates within the window. */
  readonly progressionDate: { readonly bothProgressed: number; readonly sameDate: number; readonly withinDays: number };
  readonly comparisons: readonly ReadComparison[];
  readonly discordant: readonly ReadComparison[];
  /** Patients only one of the two readers read: not compared. */
  readonly readByOneOnly: readonly string[];
}

export interface LabelAgreement {
  readonly label: string;
  readonly agreement: KappaResult;
}

/**
 * `assessments` hold one assessment per patient and reader; `readers` names the two compared (the first of each
 * pair is `readers[0]`'s read).
 */
export function agreementReport(
  assessments: readonly PatientAssessment[],
  readers: readonly [string, string],
  options: DiscordanceOptions = DEFAULT_DISCORDANCE_OPTIONS,
): AgreementReport {
  const byPatient = new Map<string, Map<string, PatientAssessment>>();
  for (const a of assessments) {
    if (a.reader !== readers[0] && a.reader !== readers[1]) continue;
    const reads = byPatient.get(a.patientId) ?? new Map<string, PatientAssessment>();
    reads.set(a.reader as string, a);
    byPatient.set(a.patientId, reads);
  }
  const comparisons: ReadComparison[] = [];
  const readByOneOnly: string[] = [];
  for (const [patientId, reads] of byPatient) {
    const one = reads.get(readers[0]);
    const two = reads.get(readers[1]);
    if (one === undefined || two === undefined) readByOneOnly.push(patientId);
    else comparisons.push(compareReads(one, two, options));
  }
  const timepointPairs = comparisons.flatMap((c) =>
    c.timepoints.flatMap((t) => (t.first !== null && t.second !== null ? [[t.first, t.second] as [string, string]] : [])),
  );
  const bothProgressed = comparisons.filter((c) => c.progression.first !== null && c.progression.second !== null);
  return {
    readers,
    patients: comparisons.length,
    timepointResponse: cohenKappa(timepointPairs),
    timepointResponseByLabel: byLabel(comparisons),
    bestOverallResponse: cohenKappa(comparisons.map((c) => [c.bestResponse.first, c.bestResponse.second])),
    progression: cohenKappa(comparisons.map((c) => [c.progression.first === null ? 'no' : 'yes', c.progression.second === null ? 'no' : 'yes'])),
    progressionDate: {
      bothProgressed: bothProgressed.length,
      sameDate: bothProgressed.filter((c) => c.progression.first === c.progression.second).length,
      withinDays: bothProgressed.filter((c) => c.progression.agree).length,
    },
    comparisons,
    discordant: comparisons.filter((c) => c.discordant),
    readByOneOnly,
  };
}

/**
 * Follow-ups both readers assessed, grouped by label (the first reader's, as compareReads names the pair). Labels
 * are ordered by how early they come in a patient's follow-ups (a "3-month" before a "6-month"), then by name.
 */
function byLabel(comparisons: readonly ReadComparison[]): LabelAgreement[] {
  const pairs = new Map<string, [string, string][]>();
  const earliest = new Map<string, number>();
  for (const c of comparisons) {
    c.timepoints.forEach((t, position) => {
      if (t.first === null || t.second === null) return;
      const list = pairs.get(t.label) ?? [];
      list.push([t.first, t.second]);
      pairs.set(t.label, list);
      earliest.set(t.label, Math.min(earliest.get(t.label) ?? position, position));
    });
  }
  return [...pairs.keys()]
    .sort((a, b) => (earliest.get(a) as number) - (earliest.get(b) as number) || a.localeCompare(b, 'en', { numeric: true }))
    .map((label) => ({ label, agreement: cohenKappa(pairs.get(label) as [string, string][]) }));
}
