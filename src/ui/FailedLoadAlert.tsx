// A load that found nothing to show while a study is on screen: said over the study, which stays open and readable.
import { ImportReportPanel } from './import/ImportReportPanel';
import { describeLoadError } from './messages';
import type { FailedLoad } from './screenState';

export function FailedLoadAlert({ failed, onDismiss }: { readonly failed: FailedLoad; readonly onDismiss: () => void }) {
  const words = describeLoadError(failed.error);
  const problems = failed.report?.problems.length ?? 0;
  return (
    <div className="failed-load" role="alert" data-testid="failed-load">
      <div className="failed-load__text">
        <div className="status-panel__title failed-load__title">{words.title}</div>
        <p className="status-panel__message">{words.message} What was on screen stays open: choose other files or a folder.</p>
        {failed.report && problems > 0 && (
          <details className="failed-load__report">
            <summary>Which files, and why</summary>
            <ImportReportPanel report={failed.report} />
          </details>
        )}
      </div>
      <button type="button" className="button" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
