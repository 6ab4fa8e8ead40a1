// What fills the viewport area while nothing can be shown: progress, or an error in plain words.
import type { ImportReport } from '../dicom/importReport';
import { useSyncExternalStore } from 'react';
import type { LoadError } from '../dicom/loadError';
import { ImportReportPanel } from './import/ImportReportPanel';
import { describeLoadError } from './messages';
import type { LoadProgressFeed } from './loadProgressFeed';

export function LoadingPanel({ progress }: { readonly progress: LoadProgressFeed }) {
  const { what, done, total } = useSyncExternalStore(progress.subscribe, progress.getSnapshot);
  return (
    <div className="status-panel" role="status" aria-live="polite" data-testid="loading">
      <div className="spinner" aria-hidden="true" />
      <div className="status-panel__title">Loading {what}…</div>
      {total !== undefined && <div className="status-panel__detail">{done} of {total} files read</div>}
    </div>
  );
}

export function ErrorPanel({ error, report, onRetry }: {
  readonly error: LoadError;
  /** The failed import's report: which files, and why each gave no image. */
  readonly report?: ImportReport | undefined;
  readonly onRetry?: () => void;
}) {
  const words = describeLoadError(error);
  return (
    <div className="status-panel status-panel--error" role="alert" data-testid="load-error">
      <div className="status-panel__title">{words.title}</div>
      <p className="status-panel__message">{words.message}</p>
      {words.detail && (
        <details className="status-panel__detail">
          <summary>Technical detail</summary>
          <code>{words.detail}</code>
        </details>
      )}
      {report && report.problems.length > 0 && <ImportReportPanel report={report} />}
      {onRetry && <button type="button" className="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}
