// Where slices lie in the patient: the one place that turns DICOM geometry into order and millimetres.
import type { CtInstance, ImageOrientation } from './ctInstance';
import { cross, dot, type Vec3 } from './vec3';

type SliceGeometry = Pick<CtInstance,
  'file' | 'imagePositionPatientMm' | 'imageOrientationPatient' | 'instanceNumber' | 'frameNumber'>;

export type SliceOrder = 'imagePosition' | 'instanceNumber';

/** The slice normal: row direction x column direction (PS3.3 C.7.6.2.1.1). Points to the patient's head for axial. */
export const sliceNormal = (orientation: ImageOrientation): Vec3 => cross(orientation.row, orientation.column);

/**
 * The slice's signed distance along its own normal, in mm: for an axial slice with the usual orientation this is
 * its z (the same number scanners write into the optional, and not always reliable, SliceLocation attribute).
 */
export function sliceLocationMm(slice: SliceGeometry): number | undefined {
  const { imagePositionPatientMm: position, imageOrientationPatient: orientation } = slice;
  return position && orientation ? dot(position, sliceNormal(orientation)) : undefined;
}

/**
 * Orders a series' slices by their position along the slice normal, from the far end of the normal backwards:
 * head to feet for axial CT, as radiologists scroll and as cornerstone3D's sortImageIdsAndGetSpacing orders them.
 * InstanceNumber is only a fallback when a slice lacks position or orientation: scanners and anonymisers do not
 * keep it in spatial order. Ties keep a stable order by InstanceNumber, then file name, then frame number, so the
 * frames of a multi-frame file without per-frame positions stay in file order.
 */
export function sortSlices<T extends SliceGeometry>(slices: readonly T[]): { slices: T[]; orderedBy: SliceOrder } {
  const first = slices[0]?.imageOrientationPatient;
  const byInstance = (a: T, b: T) =>
    (a.instanceNumber ?? Infinity) - (b.instanceNumber ?? Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || a.frameNumber - b.frameNumber;

  const located = first && slices.every((s) => s.imagePositionPatientMm && s.imageOrientationPatient);
  if (!located) return { slices: [...slices].sort(byInstance), orderedBy: 'instanceNumber' };

  // One normal for the whole stack (the first slice's): a series is one stack of parallel planes.
  const normal = sliceNormal(first);
  const distance = (s: T) => dot(s.imagePositionPatientMm ?? [0, 0, 0], normal);
  const sorted = [...slices].sort((a, b) => distance(b) - distance(a) || byInstance(a, b));
  return { slices: sorted, orderedBy: 'imagePosition' };
}
