import { describe, expect, it } from 'vitest';
import { viewAfterCommand, type ViewCommand } from '../../src/viewer/viewCommand';
import { fitScale } from '../../src/viewer/viewGeometry';
import type { ViewState } from '../../src/viewer/viewState';
import { matchingPreset, WINDOW_PRESETS, type WindowPresetId } from '../../src/viewer/windowPresets';
import { geometry, view } from './viewFixtures';

const G = geometry();
const INITIAL = view({ scale: fitScale(G), windowWidth: 350, windowCentre: 50 });
const CURRENT = view({ scale: 3, pan: { x: 12, y: -8 }, windowWidth: 1234, windowCentre: -77, invert: false });

describe('viewAfterCommand', () => {
  it.each<[string, ViewCommand, Partial<ViewState>]>([
    ['soft tissue: WW 400 / WL 40', { kind: 'preset', preset: 'softTissue' }, { windowWidth: 400, windowCentre: 40 }],
    ['liver: WW 150 / WL 90', { kind: 'preset', preset: 'liver' }, { windowWidth: 150, windowCentre: 90 }],
    ['lung: WW 1500 / WL -600', { kind: 'preset', preset: 'lung' }, { windowWidth: 1500, windowCentre: -600 }],
    ['bone: WW 1800 / WL 400', { kind: 'preset', preset: 'bone' }, { windowWidth: 1800, windowCentre: 400 }],
    ['brain: WW 80 / WL 40', { kind: 'preset', preset: 'brain' }, { windowWidth: 80, windowCentre: 40 }],
    ['fit: whole image, centred; window kept', { kind: 'fit' }, { scale: fitScale(G), pan: { x: 0, y: 0 } }],
    ['invert toggles', { kind: 'invert' }, { invert: true }],
  ])('%s', (_, command, changes) => {
    expect(viewAfterCommand(command, CURRENT, { initialView: INITIAL, geometry: G })).toEqual({ ...CURRENT, ...changes });
  });

  it('reset: the file window, fitted, not inverted (the initial view)', () => {
    expect(viewAfterCommand({ kind: 'reset' }, { ...CURRENT, invert: true }, { initialView: INITIAL, geometry: G })).toEqual(INITIAL);
  });

  it('invert twice is the identity', () => {
    const once = viewAfterCommand({ kind: 'invert' }, CURRENT, { initialView: INITIAL, geometry: G });
    expect(viewAfterCommand({ kind: 'invert' }, once, { initialView: INITIAL, geometry: G })).toEqual(CURRENT);
  });
});

describe('matchingPreset', () => {
  it.each<[number, number, WindowPresetId | undefined]>([
    [400, 40, 'softTissue'],
    [150.2, 89.7, 'liver'],
    [1500, -600, 'lung'],
    [401, 40, undefined],
  ])('WW %f / WL %f -> %s', (width, centre, expected) => expect(matchingPreset(width, centre)).toBe(expected));

  it('every preset has a positive width and a unique id', () => {
    expect(WINDOW_PRESETS.every((p) => p.width > 0)).toBe(true);
    expect(new Set(WINDOW_PRESETS.map((p) => p.id)).size).toBe(WINDOW_PRESETS.length);
  });
});
