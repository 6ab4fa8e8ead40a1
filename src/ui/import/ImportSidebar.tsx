// The left column after an import: the study browser above, the import report below. It folds to a narrow strip, so
// the panes get its width on a small screen; the choice is kept in this browser.
import { useState, type ReactNode } from 'react';
import type { ImportReport } from '../../dicom/importReport';
import type { PatientNode } from '../../dicom/studyTree';
import { ImportReportPanel } from './ImportReportPanel';
import { StudyBrowser, type StudyBrowserProps } from './StudyBrowser';
import './import.css';

export interface ImportSidebarProps {
  readonly tree: readonly PatientNode[];
  readonly report: ImportReport | undefined;
  readonly shown: StudyBrowserProps['shown'];
  readonly onShow: StudyBrowserProps['onShow'];
  /** The PACS panel, above the local studies. */
  readonly pacsPanel?: ReactNode;
}

const FOLDED_KEY = 'recist.studyColumnFolded';

export function ImportSidebar({ tree, report, shown, onShow, pacsPanel }: ImportSidebarProps) {
  const [folded, setFolded] = useState(() => localStorage.getItem(FOLDED_KEY) === 'true');
  const fold = (next: boolean) => {
    setFolded(next);
    localStorage.setItem(FOLDED_KEY, String(next));
  };
  if (folded) {
    return (
      <aside className="import-sidebar import-sidebar--folded" data-testid="import-sidebar">
        <button type="button" className="import-sidebar__fold" aria-expanded="false" aria-label="Show studies" title="Show studies" onClick={() => fold(false)}>
          <span aria-hidden="true">›</span>
          <span className="import-sidebar__fold-label">Studies</span>
        </button>
      </aside>
    );
  }
  return (
    <aside className="import-sidebar" data-testid="import-sidebar">
      <button type="button" className="import-sidebar__fold import-sidebar__fold--open" aria-expanded="true" aria-label="Hide studies" title="Hide studies" onClick={() => fold(true)}>
        <span aria-hidden="true">‹</span>
      </button>
      {pacsPanel}
      <StudyBrowser tree={tree} shown={shown} onShow={onShow} />
      {report && <ImportReportPanel report={report} />}
    </aside>
  );
}
