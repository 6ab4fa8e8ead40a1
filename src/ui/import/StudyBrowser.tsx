// The imported studies as a reader browses them, patient -> study -> series, and where each series goes: the left
// (baseline) or the right (follow-up) pane.
import type { CtSeries } from '../../dicom/ctSeries';
import { formatPersonName } from '../../dicom/personName';
import type { PatientNode } from '../../dicom/studyTree';
import { formatCount } from '../format';
import { describeSeriesNote } from '../messages';
import { describeCalibration } from './calibrationWords';
import './import.css';

export type PaneSide = 'left' | 'right';

export interface StudyBrowserProps {
  readonly tree: readonly PatientNode[];
  /** SeriesInstanceUIDs on screen now. */
  readonly shown: { readonly left: string | undefined; readonly right: string | undefined };
  readonly onShow: (series: CtSeries, side: PaneSide) => void;
}

export function StudyBrowser({ tree, shown, onShow }: StudyBrowserProps) {
  return (
    <nav className="study-browser" aria-label="Study browser" data-testid="study-browser">
      <h2 className="sidebar__heading">Studies</h2>
      {tree.length === 0 && <p className="sidebar__empty">No images imported.</p>}
      {tree.map((patient) => (
        <section key={patient.key} className="study-browser__patient" aria-label={`Patient ${formatPersonName(patient.name) || patient.id}`}>
          <div className="study-browser__patient-name" data-testid="browser-patient">
            {formatPersonName(patient.name) || 'Unnamed patient'}
            <span className="study-browser__dim"> · ID {patient.id || '—'}</span>
          </div>
          {patient.studies.map((study) => (
            <div key={study.studyInstanceUid} className="study-browser__study" data-testid="browser-study">
              <div className="study-browser__study-title">
                <span>{study.date ?? 'date unknown'}</span>
                <span className="study-browser__dim"> · {study.description || 'Unnamed study'}</span>
              </div>
              <ul className="study-browser__series-list">
                {study.series.map((series) => (
                  <SeriesRow key={series.seriesInstanceUid} series={series} shown={shown} onShow={onShow} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </nav>
  );
}

function SeriesRow({ series, shown, onShow }: { series: CtSeries; shown: StudyBrowserProps['shown']; onShow: StudyBrowserProps['onShow'] }) {
  const name = series.description || 'Unnamed series';
  const calibration = series.slices[0] ? describeCalibration(series.slices[0].calibration) : undefined;
  const button = (side: PaneSide, label: string, pane: string) => {
    const on = shown[side] === series.seriesInstanceUid;
    return (
      <button
        type="button"
        className="study-browser__pane-button"
        aria-pressed={on}
        aria-label={`Show ${name} in the ${pane} pane`}
        title={`Show in the ${pane} pane`}
        onClick={() => onShow(series, side)}
      >
        {label}
      </button>
    );
  };
  return (
    <li className="study-browser__series" data-testid="browser-series">
      <div className="study-browser__series-text">
        <span className="study-browser__series-name">{name}</span>
        <span className="study-browser__dim">
          {' · '}{series.modality || '—'}{' · '}{formatCount(series.slices.length, 'image', 'images')}
        </span>
        {calibration && <span className="study-browser__note"> · {calibration}</span>}
        {series.notes.map((note) => (
          <span key={note.kind} className="study-browser__note" data-testid="series-note" data-kind={note.kind}>
            {' · '}{describeSeriesNote(note)}
          </span>
        ))}
      </div>
      <span className="study-browser__pane-buttons">
        {button('left', 'L', 'left (baseline)')}
        {button('right', 'R', 'right (follow-up)')}
      </span>
    </li>
  );
}
