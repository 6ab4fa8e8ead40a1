// Sizes that change along the body axis (body width, psoas thickness, lung extent) as piecewise-linear
// profiles of z: easy to read as a table and to tune against the picture.

/** [z in mm, value] pairs; z may be in any order. */
export type ProfilePoints = readonly (readonly [number, number])[];

/** A function of z through the points, constant beyond the first and last. */
export function profile(points: ProfilePoints): (z: number) => number {
  const sorted = [...points].sort((p, q) => p[0] - q[0]);
  return (z: number) => {
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (first === undefined || last === undefined) throw new Error('A profile needs at least one point');
    if (z <= first[0]) return first[1];
    if (z >= last[0]) return last[1];
    for (let i = 1; i < sorted.length; i++) {
      const upper = sorted[i] as readonly [number, number];
      const lower = sorted[i - 1] as readonly [number, number];
      if (z <= upper[0]) return lower[1] + ((upper[1] - lower[1]) * (z - lower[0])) / (upper[0] - lower[0]);
    }
    return last[1];
  };
}
