// Every word the user reads about a failure lives here (STYLE.md, principle 3).
import { assertNever } from '../shared/assertNever';
import { describeDicomErrorCode, describeSkipped } from '../dicom/dicomMessages';
import type { LoadError, SkippedFiles } from '../dicom/loadError';
import type { InvalidReason, StoreError } from '../store/storeError';
import type { ReportProblem } from '../store/reportRules';
import { MAX_TYPED_MM, type TypedAxesError } from '../tracking/typedMeasurement';
import type { RestoreSummary } from '../store/backupFile';
import { CLINICAL_COLUMNS, type ClinicalDataError, type ClinicalProblem } from '../store/clinicalRules';
import type { MergeConflict, MergeReport } from '../store/measurementMerge';

// Words the command line says too live beside the errors they describe; the screen takes them from here as well.
export { describeDicomErrorCode, describeSeriesNote, describeSeriesNoteBriefly, describeSkipped } from '../dicom/dicomMessages';
export { describeBackupError, describeExportError } from '../export/exportMessages';

export interface ErrorWords {
  readonly title: string;
  readonly message: string;
  /** Technical detail for a disclosure, not for the headline. */
  readonly detail: string | undefined;
}

export function describeLoadError(error: LoadError): ErrorWords {
  switch (error.code) {
    case 'MANIFEST_UNAVAILABLE':
      return {
        title: 'The sample study is not available',
        message: 'The list of sample images could not be fetched. You can still open DICOM files from this computer.',
        detail: `${error.url}: ${error.detail}`,
      };
    case 'MANIFEST_INVALID':
      return {
        title: 'The sample study is damaged',
        message: 'The list of sample images is not in the expected form. You can still open DICOM files from this computer.',
        detail: `${error.url}: ${error.detail}`,
      };
    case 'STUDY_NOT_IN_MANIFEST':
      return {
        title: 'The sample study is incomplete',
        message: `The sample does not contain the study "${error.folder}".`,
        detail: undefined,
      };
    case 'FILE_UNAVAILABLE':
      return {
        title: 'An image of the study could not be loaded',
        message: `The file ${error.file} could not be fetched, so the series would have a gap. Nothing is shown.`,
        detail: error.detail,
      };
    case 'FILE_INVALID':
      return {
        title: 'An image of the study could not be read',
        message: `The file ${error.file} is ${describeDicomErrorCode(error.cause.code)}.`,
        detail: error.cause.detail,
      };
    case 'NO_IMAGES':
      return {
        title: 'No images found',
        message: totalOf(error.skipped) === 0
          ? 'No files were chosen.'
          : `None of the chosen files is an image we can show. Skipped: ${describeSkipped(error.skipped)}.`,
        detail: undefined,
      };
    default:
      return assertNever(error, 'load error');
  }
}

const totalOf = (skipped: SkippedFiles) => Object.values(skipped).reduce((sum, n) => sum + (n ?? 0), 0);

/** A refused or failed save of the lesion record, in words: what happened, that nothing saved was lost, what to do. */
export function describeStoreError(error: StoreError): string {
  switch (error.code) {
    case 'TIMEPOINT_LOCKED':
      return 'This time point is signed off, so it cannot be changed. Unlock it below the response table first.';
    case 'QUOTA_EXCEEDED':
      return 'The browser has no more room for this record, so the last change was not saved; everything saved before is intact. Free space (e.g. remove images kept in the browser) and try again.';
    case 'STORAGE_UNAVAILABLE':
      return `This browser does not let the app save (${error.detail}). Nothing can be kept until it does: leave private browsing or allow site data, then reload.`;
    case 'NOT_FOUND':
      return 'That item no longer exists: it was probably deleted in another tab. The screen now shows what is saved.';
    case 'INVALID':
      return describeInvalid(error.reason, error.detail);
    default:
      return assertNever(error, 'store error');
  }
}

function describeInvalid(reason: InvalidReason, detail: string): string {
  switch (reason) {
    case 'MEASURED_WITHOUT_MEASUREMENT': return 'A target counts as measured only once a measurement is drawn on it: draw one with M or B.';
    case 'MEASUREMENTS_PRESENT': return 'This target still has measurements at this time point: delete them (select, then Delete) before recording another state.';
    case 'MERGE_TARGET': return 'A merged target must name another target lesion of the same patient that it coalesced into.';
    case 'STATE_NOT_IN_CATEGORY': return `That state does not belong to this kind of lesion (${detail}).`;
    case 'PATIENT_MISMATCH': return `That image belongs to another patient than the lesion (${detail}). Open the patient's own studies.`;
    case 'PATIENT_EXISTS': return `A patient with this ID is already recorded (${detail}): open that patient, or choose another ID.`;
    case 'BELOW_MEASUREMENT_FLOOR': return `A diameter that small is not a measurement (${detail}), so it was not saved. Measure the lesion from edge to edge; a lesion that has gone is recorded as disappeared in the checklist, not as 0 mm.`;
    case 'ASSIGNED_AT_BASELINE': return `A response can be assigned to an included follow-up only, not to the baseline (${detail}).`;
    case 'MALFORMED_INPUT': case 'MALFORMED_ROW': case 'ROW_MISMATCH':
      return `The change could not be saved because it is not valid (${detail}). Nothing saved was changed.`;
    default: return assertNever(reason, 'invalid reason');
  }
}

// ---- Exports, imports, backup (issue #6) ----

const columnWords = (column: string | undefined): string => (column === undefined ? '' : ` ${column}`);

/** One problem of the clinical data, for the form (no line) or the CSV import ("line 4, death_date: ..."). */
export function describeClinicalProblem(problem: ClinicalProblem): string {
  const where = problem.line === undefined ? (problem.column ?? '') : `line ${problem.line}${problem.column === undefined ? '' : `, ${problem.column}`}`;
  const value = JSON.stringify(problem.value ?? '');
  const what = ((): string => {
    switch (problem.code) {
      case 'NOT_A_DATE': return `${value} is not a date; write it as YYYY-MM-DD`;
      case 'NOT_A_COUNT': return `${value} is not a whole number of cycles (0 or more)`;
      case 'DEATH_BEFORE_BASELINE': return `the death date ${problem.value ?? ''} is before the baseline scan of ${problem.limit ?? ''}`;
      case 'LAST_ALIVE_AFTER_DEATH': return `last known alive ${problem.value ?? ''} is after the death date ${problem.limit ?? ''}`;
      case 'BAD_COVARIATE_NAME': return `${value} cannot be a column name: start with a letter, then letters, digits or _ (at most 64)`;
      case 'RESERVED_COVARIATE_NAME': return `${value} is already a column of the exports; choose another name`;
      case 'BAD_COVARIATE_VALUE': return `${value} is not text or a number`;
      case 'CSV_SYNTAX': return problem.value ?? 'a quoted field is not closed properly (CSV quoting, RFC 4180)';
      case 'EMPTY_FILE': return `the file is empty; the header must name patient_id and any of ${CLINICAL_COLUMNS.join(', ')}`;
      case 'NO_PATIENT_COLUMN': return 'the header has no patient_id column';
      case 'DUPLICATE_COLUMN': return 'this column is named twice in the header';
      case 'FIELD_COUNT': return `${problem.value ?? '?'} fields, but the header has ${problem.limit ?? '?'}`;
      case 'EMPTY_PATIENT_ID': return 'patient_id is empty';
      case 'UNKNOWN_PATIENT': return `there is no patient ${value} in this database; open the patient's studies first`;
      case 'DUPLICATE_PATIENT': return `${value} is also on line ${problem.limit ?? '?'}; give each patient one line`;
      default: return assertNever(problem.code, 'clinical problem');
    }
  })();
  return where === '' ? what : `${where}: ${what}`;
}

/** A refused clinical-data save or import, every problem on its own line. */
export function describeClinicalError(error: StoreError | ClinicalDataError): string {
  if (error.code !== 'CLINICAL_DATA_INVALID') return describeStoreError(error);
  return `Nothing was saved:\n${error.problems.map(describeClinicalProblem).join('\n')}`;
}

/** One conflict of a measurement CSV merge: what differs and where, for the reader to settle by hand. */
export function describeMergeConflict(conflict: MergeConflict): string {
  const where = `line${conflict.lines.length > 1 ? 's' : ''} ${conflict.lines.join(', ')}: ${conflict.label} of ${conflict.patientId} on ${conflict.scanDate}`;
  const what = ((): string => {
    switch (conflict.code) {
      case 'VALUE_DIFFERS': return `recorded here as "${conflict.here ?? ''}", the file says "${conflict.imported ?? ''}". Kept as it is here`;
      case 'LESION_DIFFERS': return `this label is ${conflict.here ?? ''} here but ${conflict.imported ?? ''} in the file. Not imported`;
      case 'TIMEPOINT_SIGNED_OFF': return 'the time point is signed off here. Not imported';
      case 'TIMEPOINT_AMBIGUOUS': return 'this patient has several studies on that date here, so the time point is unclear. Not imported';
      case 'TIMEPOINT_EXCLUDED': return 'the study of that date is excluded from the assessment here. Not imported';
      case 'LABEL_NOT_OF_CATEGORY': return 'the label does not fit the category (T.. target, NT.. non-target, N.. new). Not imported';
      case 'MERGED_NOT_IMPORTED': return 'merged lesions need the lesion they merged into, which the CSV does not say: record it here. Not imported';
      case 'ORGAN_NOT_NODAL': return 'organ is lymph node but nodal is no. Not imported';
      case 'BELOW_MEASUREMENT_FLOOR': return `the file says "${conflict.imported ?? ''}": a diameter under 1 mm is not a measurement (a lesion that has gone is recorded as absent). Not imported`;
      default: return assertNever(conflict.code, 'merge conflict');
    }
  })();
  return `${where}: ${what}.`;
}

/** The outcome of a measurement CSV merge, as a short summary line. */
export function describeMergeReport(report: MergeReport): string {
  const created = [
    report.createdPatients > 0 ? `${report.createdPatients} new patient${report.createdPatients === 1 ? '' : 's'}` : '',
    report.createdTimepoints > 0 ? `${report.createdTimepoints} new time point${report.createdTimepoints === 1 ? '' : 's'}` : '',
    report.createdLesions > 0 ? `${report.createdLesions} new lesion${report.createdLesions === 1 ? '' : 's'}` : '',
  ].filter((s) => s !== '');
  const conflicts = report.conflicts.length === 0 ? 'no conflicts' : `${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'} (not imported, listed below)`;
  return `Imported ${report.added} value${report.added === 1 ? '' : 's'}, ${report.unchanged} already the same, ${conflicts}${created.length > 0 ? `; ${created.join(', ')}` : ''}.`;
}

/** A finished restore, in one sentence. */
export function describeRestoreSummary(summary: RestoreSummary): string {
  const kept = summary.keptTables.includes('images') ? ' Images stored in this browser were kept (the backup has none).' : '';
  return `${summary.patients} patient${summary.patients === 1 ? '' : 's'}, ${summary.lesions} lesion${summary.lesions === 1 ? '' : 's'} and ${summary.measurements} measurement${summary.measurements === 1 ? '' : 's'} restored${summary.images > 0 ? `, with ${summary.images} stored image file${summary.images === 1 ? '' : 's'}` : ''}.${kept}`;
}

/** A typed millimetre value the form cannot take, said next to its field. */
export function describeTypedAxesError(error: TypedAxesError): string {
  switch (error.code) {
    case 'NOT_A_NUMBER': return `"${error.text}" is not a number of millimetres (e.g. 23.5)`;
    case 'OUT_OF_RANGE': return `${error.mm} mm is more than ${MAX_TYPED_MM} mm: check the unit (mm, not cm)`;
    case 'SHORT_LONGER_THAN_LONG': return 'the short axis is longer than the long axis';
    case 'NODE_NEEDS_SHORT_AXIS': return 'a lymph node target needs its short axis (its RECIST diameter)';
    case 'LONG_AXIS_NEEDED': return 'give the long axis';
    default: return assertNever(error, 'typed axes error');
  }
}

/** A field of the report time point form that cannot be saved. */
export function describeReportProblem(problem: ReportProblem): string {
  switch (problem.code) {
    case 'NOT_A_DATE': return `"${problem.text}" is not a date`;
    case 'REPORT_BEFORE_SCAN': return 'the report cannot be dated before the scan it describes';
    case 'REQUIRED': return problem.field === 'quote' ? 'quote the sentence of the report' : 'give the accession number';
    default: return assertNever(problem, 'report problem');
  }
}
