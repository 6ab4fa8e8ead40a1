// How an image's calibration is said next to its spacing; undefined when there is nothing to warn about.
import type { Calibration } from '../../dicom/ctInstance';
import { assertNever } from '../../shared/assertNever';

export function describeCalibration(calibration: Calibration): string | undefined {
  switch (calibration.kind) {
    case 'pixel-spacing': return undefined;
    // ImagerPixelSpacing is at the detector: lengths in the patient are smaller by the geometric magnification.
    case 'imager-pixel-spacing': return 'detector calibration (ImagerPixelSpacing)';
    case 'uncalibrated': return 'uncalibrated (no pixel spacing: lengths in pixels)';
    default: return assertNever(calibration, 'calibration');
  }
}
