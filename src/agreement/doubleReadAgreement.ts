// A double read's measurements to its agreement report: the two readers chosen, each patient assessed once per
// reader by the RECIST engine, and the report. One path for `recist agreement` and the cohort screen, so both give
// the same figures for the same file and options.
import { assessPatients } from '../recist/assess';
import { DEFAULT_ASSESS_OPTIONS, type PatientRecord } from '../recist/types';
import { ok, type Result } from '../shared/result';
import { type AgreementReport, agreementReport } from './agreementReport';
import { type MoreThanTwoReaders, type ReaderChoiceProblem, chooseReaders } from './readerChoice';

export interface AgreementRequest {
  /** The two readers to compare; undefined: the only two, or as `moreThanTwo` says. */
  readonly readers: readonly string[] | undefined;
  readonly moreThanTwo: MoreThanTwoReaders;
  /** Progression dates at most this many days apart agree. */
  readonly progressionDays: number;
  /** CR and PR need a confirming scan (RECIST 1.1, 4.4). */
  readonly confirm: boolean;
}

export interface DoubleReadAgreement {
  readonly report: AgreementReport;
  /** Every reader of the file, in name order. */
  readonly readersInFile: readonly string[];
}

export function doubleReadAgreement(patients: readonly PatientRecord[], request: AgreementRequest): Result<DoubleReadAgreement, ReaderChoiceProblem> {
  const choice = chooseReaders(patients, request.readers, request.moreThanTwo);
  if (!choice.ok) return choice;
  const { readers, inFile } = choice.value;
  const compared = patients.filter((p) => p.reader === readers[0] || p.reader === readers[1]);
  const assessments = assessPatients(compared, { ...DEFAULT_ASSESS_OPTIONS, confirm: request.confirm });
  return ok({ report: agreementReport(assessments, readers, { progressionDays: request.progressionDays }), readersInFile: inFile });
}
