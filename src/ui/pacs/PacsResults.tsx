// Studies found in the PACS and their CT series, listed as the local ones are (patient, date, description, size).
import { formatPersonName } from '../../dicom/personName';
import type { PacsSeries, PacsStudy } from '../../pacs/pacsTypes';
import { formatCount } from '../format';
import type { PacsStudyView } from './pacsView';

export interface PacsResultsProps {
  readonly studies: readonly PacsStudyView[];
  readonly opened: ReadonlySet<string>;
  readonly busy: boolean;
  readonly onOpenSeries: (series: PacsSeries, study: PacsStudy) => void;
}

export function PacsResults({ studies, opened, busy, onOpenSeries }: PacsResultsProps) {
  if (studies.length === 0) return <p className="sidebar__empty" role="status">No study in the PACS matches.</p>;
  return (
    <ul className="pacs-results" aria-label="PACS studies">
      {studies.map(({ study, series, seriesError }) => (
        <li key={study.studyInstanceUid} className="study-browser__study" data-testid="pacs-study">
          <div className="study-browser__study-title">
            <span>{formatPersonName(study.patientName) || 'Unnamed patient'}</span>
            <span className="study-browser__dim"> · ID {study.patientId || '—'}</span>
          </div>
          <div className="study-browser__dim">
            {study.date ?? 'date unknown'} · {study.description || 'Unnamed study'}{study.accessionNumber ? ` · Acc. ${study.accessionNumber}` : ''}
          </div>
          {seriesError && <p className="pacs-panel__error" role="alert">{seriesError}</p>}
          {series === undefined && !seriesError && <p className="sidebar__empty">Listing series…</p>}
          {series?.length === 0 && <p className="sidebar__empty">No CT series in this study.</p>}
          <ul className="study-browser__series-list">
            {series?.map((s) => {
              const name = s.description || 'Unnamed series';
              return (
                <li key={s.seriesInstanceUid} className="study-browser__series" data-testid="pacs-series">
                  <div className="study-browser__series-text">
                    <span className="study-browser__series-name">{name}</span>
                    <span className="study-browser__dim">
                      {' · '}{s.modality}{s.instanceCount !== undefined ? ` · ${formatCount(s.instanceCount, 'image', 'images')}` : ''}
                    </span>
                  </div>
                  <button type="button" className="study-browser__pane-button" disabled={busy}
                    aria-label={`Open ${name} of ${study.date ?? 'undated study'} from the PACS`} onClick={() => onOpenSeries(s, study)}>
                    {opened.has(s.seriesInstanceUid) ? 'Opened' : 'Open'}
                  </button>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
