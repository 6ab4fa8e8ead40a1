// Background decoding of stacks: nearest to where the reader is first, as far as a memory budget goes.
import type { CtInstance } from '../../dicom/ctInstance';

/** Stored bytes of a slice once decoded (colour is RGB, 8 bits a sample). */
export const decodedBytesOf = (slice: CtInstance): number =>
  slice.rows * slice.columns * slice.samplesPerPixel * (slice.bitsAllocated / 8);

/** A stack's slices nearest to `fromIndex` first (ties: towards the start). */
export const nearestFirst = (slices: readonly CtInstance[], fromIndex: number): CtInstance[] =>
  slices.map((slice, i) => ({ slice, distance: Math.abs(i - fromIndex), i }))
    .sort((a, b) => a.distance - b.distance || a.i - b.i)
    .map(({ slice }) => slice);

/** Several stacks taken in turns (slice 1 of each, then slice 2 of each, ...), so every pane starts at once. */
export function inTurns(stacks: readonly (readonly CtInstance[])[]): CtInstance[] {
  const out: CtInstance[] = [];
  const longest = Math.max(0, ...stacks.map((s) => s.length));
  for (let i = 0; i < longest; i++) for (const stack of stacks) if (i < stack.length) out.push(stack[i] as CtInstance);
  return out;
}

/**
 * Asks each slice, in this order, for its pixels at prefetch urgency, until `budgetBytes` would be exceeded.
 * Resolves true once all are decoded (or failed, and are drawn blank), false when the budget stopped it short.
 * A worker bug rejects.
 */
export async function prefetchInOrder(slices: readonly CtInstance[], budgetBytes: number): Promise<boolean> {
  let planned = 0;
  const loads: Promise<unknown>[] = [];
  for (const slice of slices) {
    planned += decodedBytesOf(slice);
    if (planned > budgetBytes) break;
    loads.push(slice.pixels.load('prefetch'));
  }
  await Promise.all(loads);
  return loads.length === slices.length;
}
