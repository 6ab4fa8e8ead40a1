// One series in one viewport: which slice is shown and how it is windowed, the corner overlays and the slice
// scrollbar. The slice index is this component's own state, so scrolling re-renders this pane only, never its
// neighbours or the toolbar; a linked neighbour is moved through the handle, not through props.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { CtInstance } from '../../dicom/ctInstance';
import type { CtSeries } from '../../dicom/ctSeries';
import { sliceLocationMm } from '../../dicom/geometry';
import type { ImagePointPx } from '../../tracking/types';
import type { MeasurementAxes, MeasurementDraft, MeasurementImage, MeasurementShape } from '../../viewer/measurementShape';
import type { ProposedMeasurement } from '../../viewer/proposedMeasurement';
import { StackViewport, type StackViewportHandle, type StackViewportProps } from '../../viewer/StackViewport';
import { sliceIndexForKey } from '../../viewer/stackNavigation';
import type { ViewCommand } from '../../viewer/viewCommand';
import type { ViewerTool } from '../../viewer/viewerTool';
import type { ViewState } from '../../viewer/viewState';
import { matchingPreset, type WindowPresetId } from '../../viewer/windowPresets';
import { formatMm } from '../format';
import { SliceScrollbar } from './SliceScrollbar';
import { ViewportOverlay } from './ViewportOverlay';

export interface SeriesViewerHandle {
  /** Shows a slice without reporting it back as the user's scroll (linked scrolling moves panes this way). */
  showSlice(index: number): void;
  currentIndex(): number;
  /** Moves by a navigation key (arrows, pages, Home/End) when the focus is elsewhere, e.g. on the toolbar. */
  navigate(key: string): void;
  apply(command: ViewCommand): void;
  focus(): void;
  /**
   * Shows the slice `image` (not reported as the user's scroll) with `centre` in the middle of the viewport, zoom and
   * window kept; false when this series has no such slice.
   */
  reveal(image: MeasurementImage, centre: ImagePointPx): boolean;
  /** Drops a measurement being drawn or a handle being dragged; true when there was one. */
  cancelGesture(): boolean;
}

/** What the toolbar shows about a pane: the preset its window matches, and whether it is inverted. */
export interface PaneDisplay {
  readonly preset: WindowPresetId | undefined;
  readonly inverted: boolean;
}

export interface SeriesViewerProps {
  readonly series: CtSeries;
  readonly timePoint: string | undefined;
  /** Accessible name of the viewport. */
  readonly label: string;
  readonly autoFocus?: boolean;
  /** The user scrolled (wheel, keys, scrollbar): not called for showSlice. */
  readonly onUserScroll?: (index: number) => void;
  readonly onDisplayChange?: (display: PaneDisplay) => void;
  readonly ref?: Ref<SeriesViewerHandle>;
  readonly tool?: ViewerTool;
  readonly measurements?: readonly MeasurementShape[];
  readonly onMeasurementDrawn?: (draft: MeasurementDraft) => void;
  readonly onMeasurementEdited?: (id: string, axes: MeasurementAxes) => void;
  readonly onMeasurementSelected?: (id: string) => void;
  readonly onMeasureRefused?: (slice: CtInstance) => void;
  readonly onMeasurementCollapsed?: StackViewportProps['onMeasurementCollapsed'];
  readonly proposal?: ProposedMeasurement | undefined;
  readonly onSeedClicked?: StackViewportProps['onSeedClicked'];
  readonly onProposalEdited?: StackViewportProps['onProposalEdited'];
  readonly onProposalLeft?: StackViewportProps['onProposalLeft'];
}

/** Give it a `key` per opened series, so a new series starts at slice 1 with its own window. */
export function SeriesViewer(props: SeriesViewerProps) {
  const { series, timePoint, label, autoFocus = false, onUserScroll, onDisplayChange, ref } = props;
  const { tool, measurements, onMeasurementDrawn, onMeasurementEdited, onMeasurementSelected, onMeasureRefused, onMeasurementCollapsed } = props;
  const { proposal, onSeedClicked, onProposalEdited, onProposalLeft } = props;
  const [index, setIndex] = useState(0);
  const [view, setView] = useState<ViewState | undefined>(undefined);
  const viewportRef = useRef<StackViewportHandle>(null);
  const indexRef = useRef(index);
  indexRef.current = index;
  const count = series.slices.length;

  const scrollTo = (next: number) => {
    setIndex(next);
    indexRef.current = next;
    onUserScroll?.(next);
  };

  const showSlice = (next: number) => {
    const clamped = Math.min(count - 1, Math.max(0, next));
    indexRef.current = clamped;
    setIndex(clamped);
  };

  useImperativeHandle(ref, () => ({
    showSlice,
    currentIndex: () => indexRef.current,
    navigate(key) {
      const next = sliceIndexForKey(key, indexRef.current, count);
      if (next !== undefined && next !== indexRef.current) scrollTo(next);
    },
    apply: (command) => viewportRef.current?.apply(command),
    focus: () => viewportRef.current?.focus(),
    reveal(image, centre) {
      const at = series.slices.findIndex((s) => s.sopInstanceUid === image.sopInstanceUid && s.frameNumber === image.frameNumber);
      if (at < 0) return false;
      showSlice(at);
      viewportRef.current?.centreOn(centre);
      return true;
    },
    cancelGesture: () => viewportRef.current?.cancelGesture() ?? false,
  }));

  const slice = series.slices[index] ?? series.slices[0];
  const monochrome1 = slice?.photometricInterpretation === 'MONOCHROME1';
  const preset = view ? matchingPreset(view.windowWidth, view.windowCentre) : undefined;
  const inverted = view !== undefined && view.invert !== monochrome1;
  useEffect(() => {
    onDisplayChange?.({ preset, inverted });
    // Only when what the toolbar shows changes, not on every zoom or scroll.
  }, [preset, inverted]);

  if (!slice) return null;
  const location = sliceLocationMm(slice);
  return (
    <div className="series-viewer">
      <StackViewport
        ref={viewportRef}
        slices={series.slices}
        index={index}
        onIndexChange={scrollTo}
        onViewChange={setView}
        label={label}
        autoFocus={autoFocus}
        tool={tool}
        measurements={measurements}
        onMeasurementDrawn={onMeasurementDrawn}
        onMeasurementEdited={onMeasurementEdited}
        onMeasurementSelected={onMeasurementSelected}
        onMeasureRefused={onMeasureRefused}
        onMeasurementCollapsed={onMeasurementCollapsed}
        proposal={proposal}
        onSeedClicked={onSeedClicked}
        onProposalEdited={onProposalEdited}
        onProposalLeft={onProposalLeft}
      >
        <ViewportOverlay slice={slice} index={index} count={count} timePoint={timePoint} view={view} notes={series.notes} />
      </StackViewport>
      <SliceScrollbar
        index={index}
        count={count}
        onIndexChange={scrollTo}
        label={`${label}: slice`}
        valueText={`Slice ${index + 1} of ${count}${location !== undefined ? `, ${formatMm(location)}` : ''}`}
      />
    </div>
  );
}
