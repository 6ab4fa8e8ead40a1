// The cohort survival screen: which file, the analysis choices, the bias warning when it applies, the Kaplan-Meier
// plot with numbers at risk, the medians, log-rank test and Cox model, and the downloads; under them, the reader
// agreement section it is given. It renders the CohortView (src/cohort/cohortView.ts) and sends intents; loading,
// parsing and downloading live in src/app/cohort.
import type { ReactNode, Ref } from 'react';
import type { ControlChange } from '../../cohort/applyControl';
import type { Words } from '../../cohort/cohortMessages';
import type { AnalysisView, CohortView } from '../../cohort/cohortView';
import { CohortControls } from './CohortControls';
import { FileButton } from '../export/FileButton';
import { KaplanMeierPlot } from './KaplanMeierPlot';
import { CoxTable, GroupTable, LogRankLine } from './SurvivalTables';
import { WordsPanel } from './WordsPanel';
import './cohort.css';

export type CohortDownload = 'svg' | 'png' | 'groups' | 'cox' | 'at-risk' | 'patients';

export type CohortScreenState =
  | { readonly status: 'loading'; readonly what: string }
  | { readonly status: 'error'; readonly words: Words }
  | { readonly status: 'ready'; readonly source: string; readonly patients: number; readonly view: CohortView };

export interface CohortScreenProps {
  readonly state: CohortScreenState;
  /** Who is reading on this workstation, in the title bar as on every screen. */
  readonly readerBar?: ReactNode;
  /** The demo is on screen (no need to offer it). */
  readonly showingDemo: boolean;
  readonly onOpenFile: (file: File) => void;
  readonly onOpenDemo: () => void;
  readonly onControl: (change: ControlChange) => void;
  readonly onDownload: (what: CohortDownload) => void;
  /** A failed download, in words. */
  readonly downloadError: Words | null;
  readonly plotRef: Ref<SVGSVGElement>;
  /** Above the content: the offline / update banner. */
  readonly banner?: ReactNode;
  /** Below the survival analysis: the reader agreement section (ReaderAgreement). */
  readonly agreement?: ReactNode;
}

export function CohortScreen(props: CohortScreenProps) {
  const { state, showingDemo, onOpenFile, onOpenDemo } = props;
  return (
    <div className="cohort-screen">
      <header className="title-bar">
        <h1 className="title-bar__title">recist-reader</h1>
        <span className="title-bar__subtitle">Cohort survival analysis</span>
        {props.readerBar}
        <span className="title-bar__spacer" />
        <a className="button" href="#">Back to reading</a>
        {!showingDemo && <button type="button" className="button" onClick={onOpenDemo}>Demo cohort</button>}
        <FileButton label="Open patient CSV…" accept=".csv,text/csv" disabled={false} onFile={onOpenFile} testId="cohort-csv-input" />
      </header>
      {props.banner}
      <main className="cohort-main">
        {state.status === 'loading' && <p className="cohort-note" role="status">Loading {state.what}…</p>}
        {state.status === 'error' && <WordsPanel words={state.words} tone="error" testId="cohort-error" />}
        {state.status === 'ready' && <ReadyCohort {...props} source={state.source} patients={state.patients} view={state.view} />}
        {props.agreement}
      </main>
    </div>
  );
}

function ReadyCohort(props: CohortScreenProps & { readonly source: string; readonly patients: number; readonly view: CohortView }) {
  const { view, source, patients, onControl } = props;
  return (
    <>
      <p className="cohort-source" data-testid="cohort-source">
        {source}: {patients} patient{patients === 1 ? '' : 's'}
      </p>
      <CohortControls controls={view.controls} onChange={onControl} />
      {view.warning && <WordsPanel words={view.warning} tone="warning" testId="bias-warning" />}
      <h2 className="cohort-title">{view.title}</h2>
      {view.result.ok ? <Analysis {...props} analysis={view.result.value} /> : <WordsPanel words={view.result.error} tone="error" testId="cohort-error" />}
    </>
  );
}

function Analysis({ analysis, onDownload, downloadError, plotRef }: CohortScreenProps & { readonly analysis: AnalysisView }) {
  return (
    <>
      <p className="cohort-note" data-testid="cohort-analysed">
        {analysis.analysed} analysed{analysis.excluded.length > 0 ? `; left out: ${analysis.excluded.join('; ')}` : ''}.
        {analysis.note && ` ${analysis.note}`}
      </p>
      <div className="cohort-layout">
        <figure className="cohort-figure">
          {analysis.plot && <KaplanMeierPlot plot={analysis.plot} svgRef={plotRef} />}
          <figcaption className="cohort-downloads" aria-label="Downloads">
            <button type="button" className="button" onClick={() => onDownload('svg')} disabled={!analysis.plot}>Plot (SVG)</button>
            <button type="button" className="button" onClick={() => onDownload('png')} disabled={!analysis.plot}>Plot (PNG)</button>
            <button type="button" className="button" onClick={() => onDownload('groups')}>Medians and log-rank (CSV)</button>
            <button type="button" className="button" onClick={() => onDownload('cox')}>Cox model (CSV)</button>
            <button type="button" className="button" onClick={() => onDownload('at-risk')} disabled={!analysis.plot}>Numbers at risk (CSV)</button>
            <button type="button" className="button" onClick={() => onDownload('patients')}>Analysed patients (CSV)</button>
          </figcaption>
          {downloadError && <WordsPanel words={downloadError} tone="error" testId="download-error" />}
        </figure>
        <section className="cohort-tables" aria-label="Results">
          <GroupTable groups={analysis.groups} />
          <LogRankLine test={analysis.logRank} />
          <CoxTable cox={analysis.cox} />
        </section>
      </div>
    </>
  );
}
