// The Export menu's work: reads every patient's record, builds the files (src/export), downloads them; backup and
// restore; the two CSV imports; the clinical-data form of the patient on screen. Every outcome becomes the menu's
// report, worded by ui/messages.
import { useCallback, useMemo, useState } from 'react';
import { readClinicalCsv } from '../../export/clinicalCsv';
import { keyMap } from '../../export/deidentify';
import { downloadBlob, downloadExportFile } from '../../export/download';
import { buildExport, studyKeyFile, type ExportKind } from '../../export/exportFiles';
import { readMeasurementLines } from '../../export/measurementImport';
import { describeCsvProblem, readAssignedCsv } from '../../export/assignedResponses';
import { importAssignedResponses } from '../../store/assignedImportRepository';
import { formatPersonName } from '../../dicom/personName';
import { backupDatabase, restoreBackup } from '../../store/backup';
import { isBackupError } from '../../store/backupFile';
import { importClinicalData, setClinicalData } from '../../store/clinicalRepository';
import type { ClinicalChanges, ClinicalProblem } from '../../store/clinicalRules';
import type { RecistDatabase } from '../../store/database';
import { mergeMeasurementLines } from '../../store/measurementImportRepository';
import { signOffImported } from './signOffImported';
import { readAllRecords } from '../../store/readAllRecords';
import type { RestoreProblem } from '../../store/restore';
import { ensureStudyKeys } from '../../store/studyKeyRepository';
import { usePatientRecord } from '../../store/usePatientRecord';
import { useReaderIdentity } from '../../ui/readers/readerContext';
import { ok } from '../../shared/result';
import { readerRecordDatabase } from '../readers/readerRecordDatabase';
import { useReaderSessionContext } from '../readers/readerSessionContext';
import { orderTimepoints } from '../../tracking/timepoints';
import type { ActionReport, ClinicalPatient, ExportChoices, ExportMenuActions } from '../../ui/export/exportChoices';
import {
  describeBackupError, describeClinicalError, describeClinicalProblem, describeExportError, describeMergeConflict, describeMergeReport,
  describeRestoreSummary, describeStoreError,
} from '../../ui/messages';

const today = (): string => new Date().toISOString().slice(0, 10);
const error = (title: string, lines: readonly string[] = []): ActionReport => ({ tone: 'error', title, lines });
const info = (title: string, lines: readonly string[] = []): ActionReport => ({ tone: 'info', title, lines });
const skippedRows = (problems: readonly RestoreProblem[]): string[] =>
  problems.length === 0 ? [] : [`${problems.length} damaged row${problems.length === 1 ? '' : 's'} left out: ${problems.slice(0, 5).map((p) => `${p.table} ${p.id}`).join(', ')}`];

export function useExportActions(db: RecistDatabase, patientId: string | undefined): ExportMenuActions {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ActionReport | undefined>(undefined);
  const [clinicalProblems, setClinicalProblems] = useState<readonly ClinicalProblem[]>([]);
  const stored = usePatientRecord(db, patientId ?? '');
  const { reader } = useReaderIdentity();
  const session = useReaderSessionContext();

  /** One action at a time: the buttons are disabled meanwhile, and its outcome replaces the last report. */
  const run = useCallback((work: () => Promise<ActionReport>) => {
    setBusy(true);
    setReport(undefined);
    void work().then(setReport).finally(() => setBusy(false));
  }, []);

  const download = useCallback((kind: ExportKind | 'study-key', choices: ExportChoices) => run(async () => {
    const records = await readAllRecords(db);
    if (!records.ok) return error('Nothing was exported', [describeStoreError(records.error)]);
    const ids = records.value.patients.map((p) => p.patient.id);
    const needKeys = kind === 'study-key' || choices.deidentify;
    const keys = needKeys ? await ensureStudyKeys(db, ids) : undefined;
    if (keys && !keys.ok) return error('Nothing was exported', [describeStoreError(keys.error)]);
    if (kind === 'study-key') {
      const file = studyKeyFile(keys?.value ?? [], choices.format);
      downloadExportFile(file);
      return info(`${file.filename}: ${file.rows} patients`, ['The key turns study codes back into patients: keep it apart from the de-identified files.']);
    }
    const deidentify = choices.deidentify && keys?.ok ? { keys: keyMap(keys.value), shiftDates: choices.shiftDates } : undefined;
    const file = buildExport(kind, records.value.patients, { format: choices.format, landmarkDays: choices.landmarkDays, deidentify, reader });
    if (!file.ok) return error('Nothing was exported', [describeExportError(file.error)]);
    downloadExportFile(file.value);
    return info(`${file.value.filename}: ${file.value.rows} rows`, skippedRows(records.value.problems));
  }), [db, run, reader]);

  const backup = useCallback((includeImages: boolean) => run(async () => {
    const blob = await backupDatabase(db, { includeImages });
    if (!blob.ok) return error('No backup was made', [describeStoreError(blob.error)]);
    const filename = `recist-reader-backup-${today()}.json`;
    downloadBlob(filename, blob.value);
    return info(`${filename} downloaded`, [includeImages ? 'With the stored DICOM images.' : 'The record only (no stored DICOM images).']);
  }), [db, run]);

  const restore = useCallback((file: File) => run(async () => {
    const result = await restoreBackup(db, file);
    if (!result.ok) {
      const words = isBackupError(result.error) ? describeBackupError(result.error) : describeStoreError(result.error);
      return error(`${file.name} was not restored`, [words]);
    }
    return info(`${file.name} restored`, [describeRestoreSummary(result.value)]);
  }), [db, run]);

  const importMeasurements = useCallback((file: File) => run(async () => {
    const read = readMeasurementLines(await file.text());
    if (!read.ok) return error(`${file.name} was not imported; fix these and try again`, read.problems.map((p) => `line ${p.line}: ${p.message}`));
    // Each reader's lines go into that reader's own record (a double read stays two reads); lines without a reader,
    // or of the reader reading now, into this record.
    const groups = new Map<string | undefined, typeof read.lines>();
    for (const line of read.lines) {
      const owner = line.reader === undefined || line.reader === reader ? undefined : line.reader;
      groups.set(owner, [...(groups.get(owner) ?? []), line]);
    }
    const summaries: string[] = [];
    const conflicts: string[] = [];
    for (const [owner, lines] of groups) {
      const target = owner === undefined ? ok(db) : await readerRecordDatabase(session, owner);
      if (!target.ok) return error(`${file.name} was not imported`, [describeStoreError(target.error)]);
      const merged = await mergeMeasurementLines(target.value, lines);
      if (!merged.ok) return error(`${file.name} was not imported`, [describeStoreError(merged.error)]);
      const signed = await signOffImported(target.value, lines);
      const whose = owner === undefined ? '' : `${owner}'s read: `;
      summaries.push(`${whose}${describeMergeReport(merged.value)}${signed > 0 ? `; ${signed} time point${signed === 1 ? '' : 's'} signed off as the file says` : ''}`);
      conflicts.push(...merged.value.conflicts.map((c) => `${whose}${describeMergeConflict(c)}`));
    }
    const summary = summaries.join('; ');
    return conflicts.length > 0 ? error(`${file.name}: ${summary}`, conflicts) : info(`${file.name}: ${summary}`);
  }), [db, run, reader, session]);

  const importClinical = useCallback((file: File) => run(async () => {
    const read = readClinicalCsv(await file.text());
    if (!read.ok) return error(`${file.name} was not imported; nothing was changed`, read.error.map(describeClinicalProblem));
    const result = await importClinicalData(db, read.value);
    if (!result.ok) return error(`${file.name} was not imported`, describeClinicalError(result.error).split('\n'));
    return info(`${file.name}: clinical data of ${result.value.updated} patient${result.value.updated === 1 ? '' : 's'} updated`);
  }), [db, run]);

  const importAssigned = useCallback((file: File) => run(async () => {
    const read = readAssignedCsv(await file.text());
    if (!read.ok) return error(`${file.name} was not imported; nothing was changed`, read.problems.map(describeCsvProblem));
    const result = await importAssignedResponses(db, read.lines);
    if (!result.ok) return error(`${file.name} was not imported`, [describeStoreError(result.error)]);
    if (result.value.problems.length > 0) return error(`${file.name} was not imported; nothing was changed`, result.value.problems.map((p) => describeCsvProblem({ ...p })));
    return info(`${file.name}: ${result.value.imported} assigned response${result.value.imported === 1 ? '' : 's'} imported (${result.value.createdTimepoints} new report time point${result.value.createdTimepoints === 1 ? '' : 's'})`);
  }), [db, run]);

  const saveClinicalData = useCallback(async (changes: ClinicalChanges): Promise<boolean> => {
    if (patientId === undefined) return false;
    setBusy(true);
    const result = await setClinicalData(db, patientId, changes);
    setBusy(false);
    if (result.ok) {
      setClinicalProblems([]);
      setReport(info(`Clinical data of ${patientId} saved`));
      return true;
    }
    setClinicalProblems(result.error.code === 'CLINICAL_DATA_INVALID' ? result.error.problems : []);
    setReport(error('The clinical data was not saved', describeClinicalError(result.error).split('\n').slice(result.error.code === 'CLINICAL_DATA_INVALID' ? 1 : 0)));
    return false;
  }, [db, patientId]);

  const patient = useMemo((): ClinicalPatient | undefined => {
    const row = stored?.patient;
    if (row === undefined) return undefined;
    const baseline = orderTimepoints(stored?.timepoints ?? [], undefined).find((t) => t.ordinal === 0);
    return { id: row.id, label: formatPersonName(row.name) || row.id, data: row, baselineDate: baseline?.row.studyDate };
  }, [stored]);

  return {
    busy, report, clinicalProblems, patient, download, backup, restore, importMeasurements,
    importClinicalData: importClinical, importAssigned, saveClinicalData, dismissReport: () => setReport(undefined),
  };
}
