// One patient's double read as the workstation has it: its standing (from every reader's record and the
// adjudication), and the adjudicator's two intents, for the double-read screen and the reading screen alike.
import { useCallback, useEffect, useState } from 'react';
import type { DiscordanceOptions } from '../../agreement/compareReads';
import { doubleReadStatus, type DoubleReadStatus } from '../../agreement/doubleReadStatus';
import { rememberedDiscordanceDays } from './discordanceDays';
import { adjudicate, listAdjudications, listDoubleReads, withdrawAdjudication } from '../../store/readerRegistry';
import { describeStoreError } from '../../ui/messages';
import { readerRecords, type ReaderRecord } from './readerReads';
import type { ReaderSession } from './useReaderSession';

export interface PatientDoubleRead {
  readonly patientId: string;
  readonly status: DoubleReadStatus;
  readonly reads: readonly ReaderRecord[];
}

/** The standing of each patient on the double-read list (all of them, or only `only`), read afresh. */
export async function readDoubleReads(session: ReaderSession, only?: string, options: DiscordanceOptions = { progressionDays: rememberedDiscordanceDays() }): Promise<PatientDoubleRead[]> {
  const ws = session.workstation;
  if (!ws) return [];
  const [list, adjudicated] = await Promise.all([listDoubleReads(ws), listAdjudications(ws)]);
  if (!list.ok) throw new Error(describeStoreError(list.error));
  if (!adjudicated.ok) throw new Error(describeStoreError(adjudicated.error));
  const adjudications = new Map(adjudicated.value.map((a) => [a.patientId, a]));
  const patients = list.value.filter((e) => only === undefined || e.patientId === only);
  return Promise.all(patients.map(async ({ patientId }) => {
    const reads = await readerRecords(session.readers, patientId);
    return { patientId, reads, status: doubleReadStatus(reads, adjudications.get(patientId), options) };
  }));
}

export interface AdjudicationIntents {
  readonly onAdjudicate: (chosenReader: string, reason: string) => void;
  readonly onWithdraw: () => void;
  /** Why the last adjudication was refused, in words. */
  readonly problem: string | undefined;
}

/** Adjudicating `row` in the name of the reader reading now; `done` hears what happened, in words. */
export function useAdjudicationIntents(session: ReaderSession, row: PatientDoubleRead | undefined, done: (words: string) => void): AdjudicationIntents {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const ws = session.workstation;
  const reader = session.reader;
  useEffect(() => setProblem(undefined), [row?.patientId]);
  const onAdjudicate = useCallback((chosenReader: string, reason: string) => {
    if (!ws || !row || row.status.kind !== 'discordant' || !reader) return;
    void adjudicate(ws, { patientId: row.patientId, readers: row.status.comparison.readers, chosenReader, adjudicator: reader, reason }).then((result) => {
      if (!result.ok) return setProblem(`Not adjudicated. ${describeStoreError(result.error)}`);
      setProblem(undefined);
      done(`${row.patientId}: ${chosenReader}'s read chosen by ${reader}.`);
    });
  }, [ws, row, reader, done]);
  const onWithdraw = useCallback(() => {
    if (!ws || !row) return;
    void withdrawAdjudication(ws, row.patientId).then((result) => {
      if (!result.ok) return setProblem(describeStoreError(result.error));
      done(`The adjudication of ${row.patientId} is withdrawn.`);
    });
  }, [ws, row, done]);
  return { onAdjudicate, onWithdraw, problem };
}

/**
 * The double read of the patient on the reading screen, when the reader reading now adjudicates it: it is on the
 * list, both reads are signed off and discordant (or adjudicated), and this reader is neither of its readers.
 */
export function usePatientAdjudication(session: ReaderSession, patientId: string | undefined) {
  const [row, setRow] = useState<PatientDoubleRead | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => {
    if (patientId === undefined) return undefined;
    let live = true;
    readDoubleReads(session, patientId).then(([found]) => { if (live) setRow(found); }, () => { if (live) setRow(undefined); });
    return () => { live = false; };
  }, [session, patientId, generation]);
  const intents = useAdjudicationIntents(session, row, reload);
  const adjudicating = row !== undefined && (row.status.kind === 'discordant' || row.status.kind === 'adjudicated')
    && session.reader !== undefined && !row.status.comparison.readers.includes(session.reader);
  return adjudicating ? { row, intents } : undefined;
}
