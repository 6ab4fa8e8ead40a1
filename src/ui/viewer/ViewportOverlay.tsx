// Text in the four corners of the image, as on a reading-room workstation: who and when (top left), what series
// and how calibrated (top right), where in the stack (bottom left), how it is displayed (bottom right).
import type { CtInstance } from '../../dicom/ctInstance';
import { sliceLocationMm } from '../../dicom/geometry';
import { formatPersonName } from '../../dicom/personName';
import { measuringNotes, type SeriesNote } from '../../dicom/seriesNotes';
import type { ViewState } from '../../viewer/viewState';
import { formatMm, formatWindow, formatZoom } from '../format';
import { describeSeriesNoteBriefly } from '../messages';

export interface ViewportOverlayProps {
  readonly slice: CtInstance;
  readonly index: number;
  readonly count: number;
  /** "Baseline", "3-month follow-up": the time point, when the study's place in the timeline is known. */
  readonly timePoint: string | undefined;
  readonly view: ViewState | undefined;
  /** The series' notes: those that bear on measuring (uneven spacing, repeated positions) are said over the image. */
  readonly notes?: readonly SeriesNote[];
}

export function ViewportOverlay({ slice, index, count, timePoint, view, notes = [] }: ViewportOverlayProps) {
  const location = sliceLocationMm(slice);
  const spacing = slice.pixelSpacingMm;
  const monochrome1 = slice.photometricInterpretation === 'MONOCHROME1';
  // Inverted relative to how the file asks to be shown (MONOCHROME1 already displays low values white).
  const inverted = view !== undefined && view.invert !== monochrome1;
  const flags = [monochrome1 ? 'MONOCHROME1' : '', inverted ? 'Inverted' : ''].filter(Boolean).join(' · ');
  return (
    <>
      <div className="overlay overlay--top-left">
        <div className="overlay__strong" data-testid="patient-name">{formatPersonName(slice.patient.name) || 'Unnamed patient'}</div>
        <div>ID {slice.patient.id || '—'}</div>
        <div>
          {timePoint && <span className="overlay__unit" data-testid="time-point">{timePoint}</span>}
          {timePoint ? ' · ' : ''}
          <span className="overlay__unit" data-testid="study-date">{slice.studyDate ?? 'date unknown'}</span>
        </div>
      </div>
      <div className="overlay overlay--top-right">
        <div className="overlay__strong" data-testid="series-description">{slice.seriesDescription || 'Unnamed series'}</div>
        <div>{[slice.modality, slice.seriesNumber !== undefined ? `Series ${slice.seriesNumber}` : ''].filter(Boolean).join(' · ')}</div>
        <div data-testid="pixel-spacing">
          <span className="overlay__unit">{slice.columns} × {slice.rows}</span> · {spacing
            ? <span className="overlay__unit">{spacing.column.toFixed(2)} × {spacing.row.toFixed(2)} mm</span>
            // No PixelSpacing: nothing measured on this image is in millimetres (STYLE.md, principle 2).
            : <span className="overlay__warning">uncalibrated</span>}
          {/* ImagerPixelSpacing is calibrated at the detector: lengths in the patient are magnified. */}
          {slice.calibration.kind === 'imager-pixel-spacing' && (
            <span className="overlay__warning" data-testid="detector-calibration"> · detector calibration</span>
          )}
        </div>
        {measuringNotes(notes).map((note) => (
          <div key={note.kind} className="overlay__warning" data-testid="series-warning">{describeSeriesNoteBriefly(note)}</div>
        ))}
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
        {flags && <div className="overlay__flag" data-testid="display-flags">{flags}</div>}
        <div className="overlay__strong" data-testid="window-level">
          {view ? formatWindow(view.windowWidth, view.windowCentre) : ' '}
        </div>
        <div data-testid="zoom">{view ? formatZoom(view.scale) : ' '}</div>
      </div>
    </>
  );
}
