// One column of the comparison: a header (time point, date, optional control such as the follow-up choice) above
// a SeriesViewer. Memoised: switching the active pane or the link re-renders headers, never the other viewers.
import { memo, type ReactNode, type Ref } from 'react';
import type { CtInstance } from '../../dicom/ctInstance';
import type { CtSeries } from '../../dicom/ctSeries';
import type { ImagePointPx } from '../../tracking/types';
import type { MeasurementAxes, MeasurementDraft, MeasurementShape } from '../../viewer/measurementShape';
import type { ProposedMeasurement } from '../../viewer/proposedMeasurement';
import type { StackViewportProps } from '../../viewer/StackViewport';
import type { ViewerTool } from '../../viewer/viewerTool';
import { SeriesViewer, type PaneDisplay, type SeriesViewerHandle } from './SeriesViewer';

export interface ViewerPaneProps {
  readonly paneKey: string;
  readonly series: CtSeries;
  readonly title: string;
  readonly timePoint: string | undefined;
  readonly header: ReactNode;
  readonly active: boolean;
  readonly autoFocus: boolean;
  readonly handleRef: Ref<SeriesViewerHandle>;
  readonly onActivate: (key: string) => void;
  readonly onUserScroll: (key: string, index: number) => void;
  readonly onDisplayChange: (key: string, display: PaneDisplay) => void;
  readonly tool: ViewerTool;
  readonly measurements: readonly MeasurementShape[];
  /** Stable callbacks (the pane is memoised), told which pane. */
  readonly onMeasurementDrawn: (key: string, draft: MeasurementDraft) => void;
  readonly onMeasurementEdited: (key: string, id: string, axes: MeasurementAxes) => void;
  readonly onMeasurementSelected: (id: string) => void;
  readonly onMeasureRefused: (key: string, slice: CtInstance) => void;
  readonly onMeasurementCollapsed: NonNullable<StackViewportProps['onMeasurementCollapsed']>;
  /** The measurement offered in this pane, if any. */
  readonly proposal: ProposedMeasurement | undefined;
  readonly onSeedClicked: (key: string, slice: CtInstance, point: ImagePointPx) => void;
  readonly onProposalEdited: (key: string, axes: Required<MeasurementAxes>) => void;
  readonly onProposalLeft: (key: string) => void;
}

export const ViewerPane = memo(function ViewerPane(props: ViewerPaneProps) {
  const { paneKey, series, title, timePoint, header, active, autoFocus, handleRef, onActivate, onUserScroll, onDisplayChange } = props;
  const { tool, measurements, onMeasurementDrawn, onMeasurementEdited, onMeasurementSelected, onMeasureRefused, onMeasurementCollapsed } = props;
  const { proposal, onSeedClicked, onProposalEdited, onProposalLeft } = props;
  const first = series.slices[0];
  return (
    <section
      className={`viewer-pane${active ? ' viewer-pane--active' : ''}`}
      aria-label={title}
      data-testid="pane"
      data-pane-key={paneKey}
      data-active={active}
      // Capture phase: the viewport and scrollbar act on the same click, and the toolbar must already point here.
      onPointerDownCapture={() => onActivate(paneKey)}
      onFocusCapture={() => onActivate(paneKey)}
    >
      <header className="viewer-pane__header">
        <span className="viewer-pane__marker" aria-hidden="true" />
        <span className="viewer-pane__title" data-testid="pane-title">{title}</span>
        {/* The series description is in the overlay; the header keeps to when, so a control fits beside it. */}
        {first?.studyDate && <span className="viewer-pane__meta">{first.studyDate}</span>}
        <span className="viewer-pane__spacer" />
        {header}
      </header>
      <SeriesViewer
        ref={handleRef}
        series={series}
        timePoint={timePoint}
        label={`${title} ${series.modality} ${series.description}`.replace(/\s+/g, ' ').trim()}
        autoFocus={autoFocus}
        onUserScroll={(index) => onUserScroll(paneKey, index)}
        onDisplayChange={(display) => onDisplayChange(paneKey, display)}
        tool={tool}
        measurements={measurements}
        onMeasurementDrawn={(draft) => onMeasurementDrawn(paneKey, draft)}
        onMeasurementEdited={(id, axes) => onMeasurementEdited(paneKey, id, axes)}
        onMeasurementSelected={onMeasurementSelected}
        onMeasureRefused={(slice) => onMeasureRefused(paneKey, slice)}
        onMeasurementCollapsed={onMeasurementCollapsed}
        proposal={proposal}
        onSeedClicked={(slice, point) => onSeedClicked(paneKey, slice, point)}
        onProposalEdited={(axes) => onProposalEdited(paneKey, axes)}
        onProposalLeft={() => onProposalLeft(paneKey)}
      />
    </section>
  );
});
