// Text in the four corners of the image, as on a reading-room workstation: who, what, where, how displayed.
import { formatPersonName } from '../dicom/personName';
import { sliceLocationMm } from '../dicom/geometry';
import type { CtInstance } from '../dicom/ctInstance';
import type { ViewState } from '../viewer/viewState';
import { formatMm, formatWindow, formatZoom } from './format';

export interface ViewportOverlayProps {
  readonly slice: CtInstance;
  readonly index: number;
  readonly count: number;
  readonly studyLabel: string | undefined;
  readonly view: ViewState | undefined;
}

export function ViewportOverlay({ slice, index, count, studyLabel, view }: ViewportOverlayProps) {
  const location = sliceLocationMm(slice);
  const spacing = slice.pixelSpacingMm;
  return (
    <>
      <div className="overlay overlay--top-left">
        <div className="overlay__strong" data-testid="patient-name">{formatPersonName(slice.patient.name) || 'Unnamed patient'}</div>
        <div>ID {slice.patient.id || '—'}</div>
        <div>
          {studyLabel ? `${studyLabel} · ` : ''}
          <span data-testid="study-date">{slice.studyDate ?? 'date unknown'}</span>
        </div>
      </div>
      <div className="overlay overlay--top-right">
        <div className="overlay__strong" data-testid="series-description">{slice.seriesDescription || 'Unnamed series'}</div>
        <div>{[slice.modality, slice.seriesNumber !== undefined ? `Series ${slice.seriesNumber}` : ''].filter(Boolean).join(' · ')}</div>
        <div>
          {slice.columns} × {slice.rows}
          {spacing ? ` · ${spacing.column.toFixed(2)} × ${spacing.row.toFixed(2)} mm` : ' · no pixel spacing'}
        </div>
      </div>
      <div className="overlay overlay--bottom-left">
        <div className="overlay__strong" aria-label="slice position" data-testid="slice-counter" role="status">
          Slice {index + 1} / {count}
        </div>
        <div data-testid="slice-location">
          Loc {location !== undefined ? formatMm(location) : '—'}
          {slice.sliceThicknessMm !== undefined ? ` · Thk ${formatMm(slice.sliceThicknessMm)}` : ''}
        </div>
      </div>
      <div className="overlay overlay--bottom-right">
        <div className="overlay__strong" data-testid="window-level">
          {view ? formatWindow(view.windowWidth, view.windowCentre) : ' '}
        </div>
        <div>{view ? formatZoom(view.scale) : ' '}</div>
      </div>
    </>
  );
}
