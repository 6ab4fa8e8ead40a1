// `window.__recistDebug.sliceHuStats(i)` for the benchmark: HU mean, min and max of slice i (display order) of the
// left pane's series, from the very stored values the viewer draws, so the bench can check them against the files.
import type { CtSeries } from '../../dicom/ctSeries';

export interface HuStats {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export function installDebugHook(shown: () => CtSeries | undefined): void {
  (window as unknown as { __recistDebug: unknown }).__recistDebug = {
    async sliceHuStats(index: number): Promise<HuStats | undefined> {
      const slice = shown()?.slices[index];
      if (!slice) return undefined;
      const decoded = await slice.pixels.load('display');
      if (!decoded.ok || decoded.value.kind !== 'greyscale') return undefined;
      const { pixels } = decoded.value;
      const { slope, intercept } = slice.rescale;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < pixels.length; i++) {
        const hu = (pixels[i] as number) * slope + intercept;
        sum += hu;
        if (hu < min) min = hu;
        if (hu > max) max = hu;
      }
      return { mean: sum / pixels.length, min, max };
    },
  };
}
