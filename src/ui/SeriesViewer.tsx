// One series in the viewport: which slice is shown and how it is windowed, with the corner overlays.
import { useState } from 'react';
import type { CtSeries } from '../dicom/ctSeries';
import { StackViewport } from '../viewer/StackViewport';
import type { ViewState } from '../viewer/viewState';
import { ViewportOverlay } from './ViewportOverlay';

export interface SeriesViewerProps {
  readonly series: CtSeries;
  readonly studyLabel: string | undefined;
}

/** Give it a `key` per opened series, so a new series starts at slice 1 with its own window. */
export function SeriesViewer({ series, studyLabel }: SeriesViewerProps) {
  const [index, setIndex] = useState(0);
  const [view, setView] = useState<ViewState | undefined>(undefined);
  const slice = series.slices[index] ?? series.slices[0];
  if (!slice) return null;
  const label = [studyLabel, series.modality, series.description].filter(Boolean).join(' ');
  return (
    <StackViewport
      slices={series.slices}
      index={index}
      onIndexChange={setIndex}
      onViewChange={setView}
      label={`${label} image viewer`}
      autoFocus
    >
      <ViewportOverlay slice={slice} index={index} count={series.slices.length} studyLabel={studyLabel} view={view} />
    </StackViewport>
  );
}
