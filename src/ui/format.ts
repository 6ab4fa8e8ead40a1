// Numbers as the overlays print them: fixed decimals so digits do not jump while scrolling.

export const formatMm = (mm: number, decimals = 1): string => `${mm.toFixed(decimals)} mm`;

/** Window values are whole HU in every reading room; fractions only add noise. */
export const formatWindow = (width: number, centre: number): string =>
  `WW ${Math.round(width)} / WL ${Math.round(centre)}`;

export const formatZoom = (scale: number): string => `Zoom ${Math.round(scale * 100)}%`;

export const formatCount = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
