// Seeded pseudo-random numbers. Everything random in the phantom (noise, bowel loops, lung vessels) comes from
// here, so a regeneration is byte-identical. The generators use only integer arithmetic, + and *: no
// Math.random, and no Math.log as Box-Muller would need.

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, good enough for image noise. */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard deviation of the sum of four uniforms minus 2 (Irwin-Hall, n = 4): sqrt(4 / 12). */
const IRWIN_HALL_4_SD = Math.sqrt(1 / 3);

/**
 * An approximately normal deviate with mean 0 and SD 1: the sum of four uniforms (Irwin-Hall). Its tails stop
 * at +-3.5 SD, which is harmless for image noise and avoids Box-Muller's transcendental functions.
 */
export function normalApprox(uniform: Uniform): number {
  return (uniform() + uniform() + uniform() + uniform() - 2) / IRWIN_HALL_4_SD;
}

/** A uniform number in [min, max). */
export function between(uniform: Uniform, min: number, max: number): number {
  return min + (max - min) * uniform();
}

/** FNV-1a, 32 bit, of a string: turns names ("baseline/slice/12") into independent seeds. */
export function seedFromName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A copy of `items` in a random order that only `seed` decides (Fisher-Yates with mulberry32). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const uniform = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
