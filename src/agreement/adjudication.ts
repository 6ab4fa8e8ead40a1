// Adjudication of a double read (issue 20): where two readers' best overall response or progression date differ,
// an adjudicator (a third reader) chooses one read, with a written reason, as independent review charters
// prescribe; nobody measures anew. The file: patient_id, chosen_reader, adjudicator, reason.
import type { PatientAssessment } from '../recist/types';
import { describeCsvParseError, parseCsv } from '../shared/csv';
import { compareReads } from './compareReads';

export const ADJUDICATION_COLUMNS = ['patient_id', 'chosen_reader', 'adjudicator', 'reason'] as const;

export interface Adjudication {
  readonly line: number;
  readonly patientId: string;
  readonly chosenReader: string;
  readonly adjudicator: string;
  readonly reason: string;
}

export interface AdjudicationProblem {
  readonly line: number;
  readonly message: string;
}

/** Every line checked against the reads it adjudicates; all or nothing. */
export function readAdjudicationCsv(text: string, assessments: readonly PatientAssessment[]): { ok: true; adjudications: Adjudication[] } | { ok: false; problems: AdjudicationProblem[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [{ line: parsed.error.line, message: describeCsvParseError(parsed.error) }] };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, problems: [{ line: 1, message: `the file is empty; the header must name ${ADJUDICATION_COLUMNS.join(', ')}` }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = ADJUDICATION_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, problems: [{ line: header.line, message: `missing column ${missing.join(', ')}; the header must name ${ADJUDICATION_COLUMNS.join(', ')}` }] };
  const at = (fields: readonly string[], column: (typeof ADJUDICATION_COLUMNS)[number]) => (fields[names.indexOf(column)] ?? '').trim();
  const readersOf = new Map<string, Set<string>>();
  for (const a of assessments) if (a.reader !== undefined) readersOf.set(a.patientId, (readersOf.get(a.patientId) ?? new Set()).add(a.reader));
  const problems: AdjudicationProblem[] = [];
  const adjudications: Adjudication[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    const patientId = at(fields, 'patient_id');
    const chosenReader = at(fields, 'chosen_reader');
    const adjudicator = at(fields, 'adjudicator');
    const reason = at(fields, 'reason');
    const readers = readersOf.get(patientId);
    const before = problems.length;
    if (readers === undefined) problems.push({ line, message: `patient_id "${patientId}" has no double read in the measurement file` });
    else if (!readers.has(chosenReader)) problems.push({ line, message: `chosen_reader "${chosenReader}" did not read ${patientId} (its readers: ${[...readers].sort().join(', ')})` });
    if (adjudicator === '') problems.push({ line, message: 'adjudicator is empty: the adjudication is signed by its adjudicator' });
    else if (readers?.has(adjudicator)) problems.push({ line, message: `adjudicator "${adjudicator}" read ${patientId}; the adjudicator is a third reader` });
    if (reason === '') problems.push({ line, message: 'reason is empty: say why this read was chosen' });
    const twice = seen.get(patientId);
    if (twice !== undefined) problems.push({ line, message: `${patientId} is adjudicated twice (also on line ${twice})` });
    seen.set(patientId, line);
    if (problems.length === before) adjudications.push({ line, patientId, chosenReader, adjudicator, reason });
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, adjudications };
}

/** One patient's endpoint after a double read: the read it uses and why. */
export interface AdjudicatedPatient {
  readonly patientId: string;
  /** The read the patient's endpoint comes from; undefined while a discordance waits for its adjudication. */
  readonly used: PatientAssessment | undefined;
  readonly reads: readonly PatientAssessment[];
  /** Best response and progression date agree between the reads (nothing to adjudicate). */
  readonly concordant: boolean;
  readonly adjudication: Adjudication | undefined;
}

/**
 * The read each patient's endpoint uses: where the reads agree on best overall response and progression date,
 * the first reader's (they give the same endpoint); where they differ, the adjudicator's choice, else none yet.
 */
export function adjudicatedPatients(assessments: readonly PatientAssessment[], adjudications: readonly Adjudication[]): AdjudicatedPatient[] {
  const reads = new Map<string, PatientAssessment[]>();
  for (const a of assessments) reads.set(a.patientId, [...(reads.get(a.patientId) ?? []), a]);
  const chosen = new Map(adjudications.map((a) => [a.patientId, a]));
  return [...reads].map(([patientId, list]) => {
    const sorted = [...list].sort((a, b) => (a.reader ?? '').localeCompare(b.reader ?? ''));
    const [one, two] = sorted as [PatientAssessment, PatientAssessment | undefined];
    const comparison = two === undefined ? undefined : compareReads(one, two);
    const concordant = comparison === undefined || (comparison.bestResponse.agree && comparison.progression.agree);
    const adjudication = chosen.get(patientId);
    const used = adjudication !== undefined ? sorted.find((a) => a.reader === adjudication.chosenReader) : concordant ? one : undefined;
    return { patientId, used, reads: sorted, concordant, adjudication };
  });
}
