// CT window presets in HU (width / level), the values reading rooms use. Liver: the portal-venous liver window
// (WW 150 / WL 90), which puts enhanced parenchyma (~60 HU) mid-grey and hypodense lesions (~20 HU) near black.
// Bone: WW 1800 / WL 400 (Radiopaedia "CT windowing"), wide enough for cortex without losing cancellous texture.

export type WindowPresetId = 'softTissue' | 'liver' | 'lung' | 'bone' | 'brain';

export interface WindowPreset {
  readonly id: WindowPresetId;
  readonly label: string;
  readonly width: number;
  readonly centre: number;
}

export const WINDOW_PRESETS: readonly WindowPreset[] = [
  { id: 'softTissue', label: 'Soft tissue', width: 400, centre: 40 },
  { id: 'liver', label: 'Liver', width: 150, centre: 90 },
  { id: 'lung', label: 'Lung', width: 1500, centre: -600 },
  { id: 'bone', label: 'Bone', width: 1800, centre: 400 },
  { id: 'brain', label: 'Brain', width: 80, centre: 40 },
];

export function windowPreset(id: WindowPresetId): WindowPreset {
  const preset = WINDOW_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no window preset ${id}`);
  return preset;
}

/** The preset the window equals (whole HU, as the overlay shows it), if any: the toolbar marks it. */
export function matchingPreset(width: number, centre: number): WindowPresetId | undefined {
  return WINDOW_PRESETS.find((p) => p.width === Math.round(width) && p.centre === Math.round(centre))?.id;
}
