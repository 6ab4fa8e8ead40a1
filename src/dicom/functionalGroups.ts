// Per-frame attributes. Enhanced multi-frame images keep them in macro sequences inside each frame's item of the
// Per-frame Functional Groups Sequence, or once for all frames in the Shared one (PS3.3 C.7.6.16); classic images keep
// them at the top level. The most specific place wins.
import type { DataSet } from 'dicom-parser';
import type { ImageOrientation, PixelSpacingMm } from './ctInstance';
import {
  readDecimal, readImageOrientation, readImagePosition, readItem, readPixelSpacing, readRescale, readWindow,
} from './readAttributes';
import { TAG } from './tags';
import type { Vec3 } from './vec3';

export interface FrameAttributes {
  readonly imagePositionPatientMm: Vec3 | undefined;
  readonly imageOrientationPatient: ImageOrientation | undefined;
  readonly pixelSpacingMm: PixelSpacingMm | undefined;
  readonly sliceThicknessMm: number | undefined;
  readonly rescale: { readonly slope: number; readonly intercept: number };
  readonly window: { readonly centre: number; readonly width: number } | undefined;
}

const firstOf = <T>(sets: readonly DataSet[], read: (ds: DataSet) => T | undefined): T | undefined => {
  for (const ds of sets) {
    const value = read(ds);
    if (value !== undefined) return value;
  }
  return undefined;
};

/** Frame `frameIndex` (0-based) of a file with `numberOfFrames` frames. */
export function readFrameAttributes(ds: DataSet, frameIndex: number, numberOfFrames: number): FrameAttributes {
  const perFrame = readItem(ds, TAG.PerFrameFunctionalGroupsSequence, frameIndex);
  const shared = readItem(ds, TAG.SharedFunctionalGroupsSequence, 0);
  const inGroups = (macro: string): DataSet[] => [perFrame, shared]
    .map((group) => (group ? readItem(group, macro, 0) : undefined))
    .filter((item): item is DataSet => item !== undefined);
  const withTopLevel = (macro: string) => [...inGroups(macro), ds];
  // A top-level position belongs to the first frame only; without per-frame positions, frames stay in file order.
  const positions = numberOfFrames === 1 ? withTopLevel(TAG.PlanePositionSequence) : inGroups(TAG.PlanePositionSequence);
  const measures = withTopLevel(TAG.PixelMeasuresSequence);
  return {
    imagePositionPatientMm: firstOf(positions, readImagePosition),
    imageOrientationPatient: firstOf(withTopLevel(TAG.PlaneOrientationSequence), readImageOrientation),
    pixelSpacingMm: firstOf(measures, readPixelSpacing),
    sliceThicknessMm: firstOf(measures, (d) => readDecimal(d, TAG.SliceThickness)),
    // Absent rescale means identity (MR, and CT writers that omit it, which PS3.3 C.8.2.1 forbids but happens).
    rescale: firstOf(withTopLevel(TAG.PixelValueTransformationSequence), readRescale) ?? { slope: 1, intercept: 0 },
    window: firstOf(withTopLevel(TAG.FrameVOILUTSequence), readWindow),
  };
}
