// What became of the chosen files: how many gave images, and one line per file (or frame) that did not, with why.
import type { ImportReport } from '../../dicom/importReport';
import { formatCount } from '../format';
import { describeDicomErrorCode, describeSeriesNote } from '../messages';
import './import.css';

export function ImportReportPanel({ report }: { readonly report: ImportReport }) {
  const { filesSeen, filesWithImages, slices, problems, notices } = report;
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <h2 className="sidebar__heading">Import report</h2>
      <p className="import-report__summary" data-testid="import-summary">
        {formatCount(filesSeen, 'file', 'files')} · {filesWithImages} with images ({formatCount(slices, 'slice', 'slices')})
        {problems.length > 0 ? ` · ${formatCount(problems.length, 'problem', 'problems')}` : ' · no problems'}
      </p>
      {problems.length > 0 && (
        <ul className="import-report__problems">
          {problems.map((problem) => {
            const frame = problem.frame && problem.frame.count > 1 ? ` (frame ${problem.frame.number} of ${problem.frame.count})` : '';
            return (
              <li
                key={`${problem.file}#${problem.frame?.number ?? 0}#${problem.code}`}
                className="import-report__problem"
                data-testid="import-problem"
                data-code={problem.code}
                title={problem.detail}
              >
                <span className="import-report__file">{problem.file}{frame}</span>
                <span className="import-report__reason">: {describeDicomErrorCode(problem.code)}{problem.frame ? ', drawn blank' : ', skipped'}</span>
              </li>
            );
          })}
        </ul>
      )}
      {notices.length > 0 && (
        <ul className="import-report__problems" aria-label="Series loaded with a note">
          {notices.map((notice) => (
            <li
              key={`${notice.seriesInstanceUid}#${notice.note.kind}`}
              className="import-report__problem"
              data-testid="import-notice"
              data-kind={notice.note.kind}
            >
              <span className="import-report__file">{notice.description || 'Unnamed series'}</span>
              <span className="import-report__reason">: {describeSeriesNote(notice.note)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
