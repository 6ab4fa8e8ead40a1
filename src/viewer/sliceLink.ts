// Linked scrolling of two (or more) stacks by slice position. The link remembers where each stack was when it was
// switched on (radiologists first bring the same anatomy into view in each, then link), and from then on keeps
// those offsets: scrolling one stack moves the others to the slice nearest the same position plus their offset.
import type { CtInstance } from '../dicom/ctInstance';
import { sliceNormal } from '../dicom/geometry';
import { dot, type Vec3 } from '../dicom/vec3';

type Located = Pick<CtInstance, 'imagePositionPatientMm' | 'imageOrientationPatient'>;

/** Stacks whose normals differ by more than about 8 degrees are not the same kind of plane: link by index. */
const MIN_NORMAL_COSINE = 0.99;

/**
 * Each stack's slice positions along one common direction (the first stack's slice normal), in mm: the projected
 * ImagePositionPatient, comparable between series of the same patient (same frame of reference). Undefined when
 * any slice lacks position or orientation, or the stacks are not parallel, so positions would mean nothing.
 */
export function commonSlicePositionsMm(stacks: readonly (readonly Located[])[]): (readonly number[])[] | undefined {
  const orientation = stacks[0]?.[0]?.imageOrientationPatient;
  if (!orientation) return undefined;
  const normal = sliceNormal(orientation);
  const length = Math.hypot(...normal);
  if (length === 0) return undefined;
  const unit: Vec3 = [normal[0] / length, normal[1] / length, normal[2] / length];
  const positions: number[][] = [];
  for (const stack of stacks) {
    const out: number[] = [];
    for (const slice of stack) {
      const { imagePositionPatientMm: position, imageOrientationPatient: own } = slice;
      if (!position || !own) return undefined;
      const ownNormal = sliceNormal(own);
      const ownLength = Math.hypot(...ownNormal);
      if (ownLength === 0 || Math.abs(dot(ownNormal, unit)) / ownLength < MIN_NORMAL_COSINE) return undefined;
      out.push(dot(position, unit));
    }
    positions.push(out);
  }
  return positions;
}

/** Index of the position nearest `targetMm`; on a tie the lower index. Works for either order and any count. */
export function nearestSliceIndex(positionsMm: readonly number[], targetMm: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < positionsMm.length; i++) {
    const distance = Math.abs((positionsMm[i] as number) - targetMm);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/** A stack as the link sees it: how many slices, and where they lie (undefined: no usable geometry). */
export interface LinkedStack {
  readonly count: number;
  readonly positionsMm: readonly number[] | undefined;
}

/**
 * The link: per stack, its anchor at the moment of linking, a position in mm when every stack has positions, else
 * the slice index (a series without geometry can still be scrolled in step, slice for slice).
 */
export interface SliceLink {
  readonly by: 'position' | 'index';
  readonly anchors: ReadonlyMap<string, number>;
}

export function createSliceLink(stacks: ReadonlyMap<string, { readonly stack: LinkedStack; readonly index: number }>): SliceLink {
  const all = [...stacks.values()];
  const by = all.every(({ stack }) => stack.positionsMm !== undefined) ? 'position' : 'index';
  const anchors = new Map<string, number>();
  for (const [key, { stack, index }] of stacks) {
    anchors.set(key, by === 'position' ? (stack.positionsMm?.[index] as number) : index);
  }
  return { by, anchors };
}

/**
 * Where the `target` stack goes when the `source` stack moves to `sourceIndex`; undefined when either stack was
 * not part of the link (a stack opened after linking).
 */
export function followingIndex(
  link: SliceLink,
  source: { readonly key: string; readonly stack: LinkedStack; readonly index: number },
  target: { readonly key: string; readonly stack: LinkedStack },
): number | undefined {
  const sourceAnchor = link.anchors.get(source.key);
  const targetAnchor = link.anchors.get(target.key);
  if (sourceAnchor === undefined || targetAnchor === undefined || target.stack.count === 0) return undefined;
  if (link.by === 'position') {
    const sourceMm = source.stack.positionsMm?.[source.index];
    if (sourceMm === undefined || !target.stack.positionsMm) return undefined;
    return nearestSliceIndex(target.stack.positionsMm, sourceMm - sourceAnchor + targetAnchor);
  }
  return Math.min(target.stack.count - 1, Math.max(0, source.index - sourceAnchor + targetAnchor));
}
