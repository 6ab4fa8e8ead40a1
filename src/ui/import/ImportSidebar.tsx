// The left column after an import: the study browser above, the import report below.
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
}

export function ImportSidebar({ tree, report, shown, onShow }: ImportSidebarProps) {
  return (
    <aside className="import-sidebar">
      <StudyBrowser tree={tree} shown={shown} onShow={onShow} />
      {report && <ImportReportPanel report={report} />}
    </aside>
  );
}
