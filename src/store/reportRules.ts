// The rules of time points read from reports, pure: the closed set of responses a reader may assign, and the check
// of a new report time point's fields (each problem names its field, so the form can say it next to it).
import type { AssignedOverallResponse } from '../recist/types';
import { isIsoDate } from '../shared/isoDate';

export const ASSIGNED_RESPONSES: readonly AssignedOverallResponse[] = ['CR', 'PR', 'SD', 'PD', 'NE'];

export interface ReportTimepointInput {
  readonly patientId: string;
  /** The scan the report describes: the time point's date. */
  readonly scanDate: string;
  /** The report's own date; the scan's date when not given. */
  readonly reportDate: string;
  readonly accessionNumber: string;
  readonly quote: string;
}

export type ReportField = 'scanDate' | 'reportDate' | 'accessionNumber' | 'quote';

export type ReportProblem =
  | { readonly code: 'NOT_A_DATE'; readonly field: 'scanDate' | 'reportDate'; readonly text: string }
  | { readonly code: 'REPORT_BEFORE_SCAN'; readonly field: 'reportDate' }
  | { readonly code: 'REQUIRED'; readonly field: 'accessionNumber' | 'quote' };

/** Every problem of the form at once (empty: the time point may be created). */
export function checkReportTimepoint(input: ReportTimepointInput): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const scanOk = isIsoDate(input.scanDate);
  if (!scanOk) problems.push({ code: 'NOT_A_DATE', field: 'scanDate', text: input.scanDate });
  const reportDate = input.reportDate === '' ? input.scanDate : input.reportDate;
  if (!isIsoDate(reportDate)) problems.push({ code: 'NOT_A_DATE', field: 'reportDate', text: input.reportDate });
  else if (scanOk && reportDate < input.scanDate) problems.push({ code: 'REPORT_BEFORE_SCAN', field: 'reportDate' });
  if (input.accessionNumber.trim() === '') problems.push({ code: 'REQUIRED', field: 'accessionNumber' });
  if (input.quote.trim() === '') problems.push({ code: 'REQUIRED', field: 'quote' });
  return problems;
}
