// The interaction logic of the viewer is pure (STYLE.md, tldraw): state machines and view maths import neither the
// renderer nor React, so each rule is testable without a canvas. Only the adapter and the components touch those.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const VIEWER = fileURLToPath(new URL('../../src/viewer/', import.meta.url));
const PURE = [
  'pointerDrag.ts', 'windowLevelDrag.ts', 'zoomGesture.ts', 'viewGeometry.ts', 'viewCommand.ts', 'windowPresets.ts',
  'sliceLink.ts', 'stackNavigation.ts', 'viewState.ts', 'measureTool.ts', 'bidirectional.ts', 'measurementHit.ts',
  'measurementLabel.ts', 'measurementShape.ts', 'measurementLayerStore.ts', 'viewerTool.ts', 'proposedMeasurement.ts',
];
const importsOf = (file: string) =>
  [...readFileSync(`${VIEWER}${file}`, 'utf8').matchAll(/^\s*import\s+[^'"]*['"]([^'"]+)['"]/gm)].map(([, from]) => from ?? '');

it.each(PURE)('viewer/%s imports no renderer, React or DOM-bound module', (file) => {
  // ../tracking/types: the record's point and segment types (types only, no code); ../tracking/measurementFloor: the
  // shortest measurement, plain arithmetic shared with the store.
  const allowed = (m: string) => m.startsWith('./') || m.startsWith('../dicom/') || m.startsWith('../shared/') || m === '../tracking/types'
    || m === '../tracking/measurementFloor';
  expect(importsOf(file).filter((m) => !allowed(m))).toEqual([]);
  expect(importsOf(file).filter((m) => /viewportAdapter|imageLoader|cornerstoneImage|StackViewport|usePointerTools|MeasurementLayer\b/.test(m))).toEqual([]);
});
