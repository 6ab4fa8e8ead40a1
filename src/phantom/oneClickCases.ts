// Validation cases for one-click measurement: single axial slices (512 x 512 at 0.75 mm, the benchmark grid) with
// one lesion each whose outline is known exactly, set in the surroundings that make segmentation hard: low
// contrast liver lesions (15-40 HU darker than liver) near liver vessels, lesions against the liver's edge (inside
// it, and bulging out into fat), lymph nodes in fat beside the aorta, lung nodules with a vessel touching them;
// round, oval, lobulated and irregular; CT noise (correlated, 12 HU SD). Each case carries ten click points inside
// the lesion, as ten readers would click, and a click on normal tissue nearby, where no lesion should be found.
import { HU } from './anatomy/tissue';
import { HuCanvas, type PixelGrid } from './huCanvas';
import { addCorrelatedNoise } from './noise';
import { between, mulberry32, seedFromName, type Uniform } from './prng';
import { RadialShape, type Harmonic } from './radialShape';
import { SoftEllipse, type Shape } from './shapes';

export type OneClickCategory = 'liver round' | 'liver oval' | 'liver lobulated' | 'liver irregular' | 'liver edge' | 'lymph node' | 'lung nodule with vessel';

export const ONE_CLICK_CATEGORIES: readonly OneClickCategory[] = [
  'liver round', 'liver oval', 'liver lobulated', 'liver irregular', 'liver edge', 'lymph node', 'lung nodule with vessel',
];

export interface PointMm2 {
  readonly x: number;
  readonly y: number;
}

export interface OneClickCase {
  readonly id: string;
  readonly category: OneClickCategory;
  /** HU, row by row; pixel (column i, row j) has its centre at (i * spacing, j * spacing) mm. */
  readonly hu: Float32Array;
  readonly size: number;
  readonly spacingMm: number;
  /** Lesion minus its main surrounding tissue, HU. */
  readonly contrastHu: number;
  /** The true outline, densely sampled, in mm. */
  readonly outline: readonly PointMm2[];
  /** Ten points inside the lesion, in mm. */
  readonly clicks: readonly PointMm2[];
  /** A point on normal tissue 30 mm or more from the lesion: one click there should find no lesion. */
  readonly normalClick: PointMm2;
}

export const ONE_CLICK_GRID: PixelGrid = { columns: 512, rows: 512, pixelSpacingMm: 0.75, x0Mm: 0, y0Mm: 0 };
const NOISE_SD_HU = 12;
const LESION_EDGE_MM = 2;
const CENTRE = 192;
const CLICKS = 10;
/** Clicks fall within this share of the way from the lesion's centre to its edge. */
const CLICK_REACH = 0.5;
const OUTLINE_POINTS = 1440;

interface Lesion {
  readonly shape: Shape;
  readonly centre: PointMm2;
  /** Distance from the centre to the outline at an angle. */
  radiusAt(theta: number): number;
}

function ellipseLesion(cx: number, cy: number, a: number, b: number, angle: number): Lesion {
  return {
    shape: new SoftEllipse(cx, cy, a, b, angle, LESION_EDGE_MM),
    centre: { x: cx, y: cy },
    radiusAt: (theta) => {
      const t = theta - angle;
      return (a * b) / Math.hypot(b * Math.cos(t), a * Math.sin(t));
    },
  };
}

function radialLesion(cx: number, cy: number, radius: number, harmonics: readonly Harmonic[]): Lesion {
  const shape = new RadialShape(cx, cy, radius, harmonics, LESION_EDGE_MM);
  return { shape, centre: { x: cx, y: cy }, radiusAt: (theta) => shape.radiusAt(theta) };
}

const outlineOf = (l: Lesion): PointMm2[] =>
  Array.from({ length: OUTLINE_POINTS }, (_, k) => {
    const theta = (2 * Math.PI * k) / OUTLINE_POINTS;
    const r = l.radiusAt(theta);
    return { x: l.centre.x + r * Math.cos(theta), y: l.centre.y + r * Math.sin(theta) };
  });

function clicksIn(l: Lesion, uniform: Uniform): PointMm2[] {
  return Array.from({ length: CLICKS }, () => {
    const theta = between(uniform, 0, 2 * Math.PI);
    // Uniform over the inner area, not bunched at the centre.
    const rho = Math.sqrt(uniform()) * CLICK_REACH * l.radiusAt(theta);
    return { x: l.centre.x + rho * Math.cos(theta), y: l.centre.y + rho * Math.sin(theta) };
  });
}

function lobulated(uniform: Uniform): Harmonic[] {
  const order = 3 + Math.floor(uniform() * 2);
  return [
    { order, amplitude: between(uniform, 0.1, 0.16), phaseRad: between(uniform, 0, 2 * Math.PI) },
    { order: 2, amplitude: between(uniform, 0, 0.08), phaseRad: between(uniform, 0, 2 * Math.PI) },
  ];
}

function irregular(uniform: Uniform): Harmonic[] {
  return [2, 3, 4, 5, 6].map((order) => ({ order, amplitude: between(uniform, 0.02, 0.3 / order), phaseRad: between(uniform, 0, 2 * Math.PI) }));
}

interface Scene {
  readonly canvas: HuCanvas;
  readonly contrastHu: number;
  readonly normalClick: PointMm2;
}

/** A liver (a large ellipse in fat) with vessels; a lesion 15-40 HU darker than liver goes in it. */
function liverScene(uniform: Uniform, lesion: Lesion, lesionHu: number): Omit<Scene, 'contrastHu'> {
  const canvas = new HuCanvas(ONE_CLICK_GRID, HU.fat);
  canvas.paint(new SoftEllipse(CENTRE, CENTRE, 115, 85, 0), HU.liver);
  // Vessels round the lesion, a few millimetres from its edge, and one across the liver.
  for (let k = 0; k < 3; k++) {
    const theta = between(uniform, 0, 2 * Math.PI);
    const gap = between(uniform, 2, 6);
    const radius = between(uniform, 2, 5);
    const reach = lesion.radiusAt(theta) + gap + radius;
    const vx = lesion.centre.x + reach * Math.cos(theta);
    const vy = lesion.centre.y + reach * Math.sin(theta);
    if (new SoftEllipse(CENTRE, CENTRE, 105, 75, 0).alpha(vx, vy) === 1) canvas.paint(new SoftEllipse(vx, vy, radius * between(uniform, 1, 2.5), radius, theta + Math.PI / 2), HU.liverVessel);
  }
  canvas.paint(lesion.shape, lesionHu);
  // Normal liver: across the liver from the lesion, clear of the vessels placed round it.
  const away = Math.atan2(CENTRE - lesion.centre.y, CENTRE - lesion.centre.x);
  const at = (reach: number) => ({ x: CENTRE + 1.3 * reach * Math.cos(away), y: CENTRE + reach * Math.sin(away) });
  const normalClick = [40, 55, 65].map(at).find((p) => !nearLesion(lesion, p)) ?? at(65);
  return { canvas, normalClick };
}

/** Within reach of the lesion or of the vessels set round it. */
const nearLesion = (l: Lesion, p: PointMm2) => Math.hypot(p.x - l.centre.x, p.y - l.centre.y) < l.radiusAt(Math.atan2(p.y - l.centre.y, p.x - l.centre.x)) + 35;

function liverCase(category: OneClickCategory, uniform: Uniform): { lesion: Lesion; scene: Scene } {
  const contrastHu = -Math.round(between(uniform, 15, 40));
  const angle = between(uniform, 0, Math.PI);
  const inLiver = (reach: number) => {
    const theta = between(uniform, 0, 2 * Math.PI);
    const rho = between(uniform, 0, 1) * (70 - reach);
    return { x: CENTRE + 1.3 * rho * Math.cos(theta), y: CENTRE + rho * Math.sin(theta) };
  };
  let lesion: Lesion;
  switch (category) {
    case 'liver round': {
      const r = between(uniform, 5, 20);
      const c = inLiver(r);
      lesion = ellipseLesion(c.x, c.y, r, r, 0);
      break;
    }
    case 'liver oval': {
      const a = between(uniform, 7, 22);
      const b = a / between(uniform, 1.3, 2);
      const c = inLiver(a);
      lesion = ellipseLesion(c.x, c.y, a, b, angle);
      break;
    }
    case 'liver lobulated': {
      const r = between(uniform, 8, 18);
      const c = inLiver(r * 1.3);
      lesion = radialLesion(c.x, c.y, r, lobulated(uniform));
      break;
    }
    case 'liver irregular': {
      const r = between(uniform, 8, 18);
      const c = inLiver(r * 1.3);
      lesion = radialLesion(c.x, c.y, r, irregular(uniform));
      break;
    }
    case 'liver edge': {
      // Against the liver's lateral edge: just inside it, or bulging out into the fat by up to a third.
      const r = between(uniform, 7, 18);
      const out = between(uniform, -0.05, 0.35) * 2 * r;
      const theta = between(uniform, -0.5, 0.5) + (uniform() < 0.5 ? 0 : Math.PI);
      const edge = (115 * 85) / Math.hypot(85 * Math.cos(theta), 115 * Math.sin(theta));
      const rho = edge - r + out;
      lesion = ellipseLesion(CENTRE + rho * Math.cos(theta), CENTRE + rho * Math.sin(theta), r, r / between(uniform, 1, 1.4), theta + Math.PI / 2);
      break;
    }
    default:
      throw new Error(`${category} is not a liver case`);
  }
  const scene = liverScene(uniform, lesion, HU.liver + contrastHu);
  return { lesion, scene: { ...scene, contrastHu } };
}

/** A node in retroperitoneal fat beside the aorta (touching it in some cases) and the psoas. */
function nodeCase(uniform: Uniform): { lesion: Lesion; scene: Scene } {
  const canvas = new HuCanvas(ONE_CLICK_GRID, HU.fat);
  const aortaR = 11;
  canvas.paint(new SoftEllipse(CENTRE, CENTRE, aortaR, aortaR, 0), HU.aorta);
  canvas.paint(new SoftEllipse(CENTRE + 45, CENTRE + 25, 22, 14, 1.1), HU.muscle);
  const shortR = between(uniform, 5, 12);
  const longR = shortR * between(uniform, 1.1, 1.8);
  const gap = uniform() < 0.4 ? 0 : between(uniform, 1, 4);
  const theta = between(uniform, Math.PI * 0.6, Math.PI * 1.4);
  const reach = aortaR + gap + shortR;
  const cx = CENTRE + reach * Math.cos(theta);
  const cy = CENTRE + reach * Math.sin(theta);
  const lesion = ellipseLesion(cx, cy, longR, shortR, theta + Math.PI / 2);
  canvas.paint(lesion.shape, HU.muscle - 10);
  return { lesion, scene: { canvas, contrastHu: HU.muscle - 10 - HU.fat, normalClick: { x: CENTRE + 10, y: CENTRE + 45 } } };
}

/** A nodule in lung with a vessel running into it or along it. */
function lungCase(uniform: Uniform): { lesion: Lesion; scene: Scene } {
  const canvas = new HuCanvas(ONE_CLICK_GRID, HU.lung);
  const r = between(uniform, 4, 14);
  const round = uniform() < 0.5;
  const lesion = round ? ellipseLesion(CENTRE, CENTRE, r, r, 0) : radialLesion(CENTRE, CENTRE, r, lobulated(uniform));
  const vesselR = between(uniform, 1, 2.5);
  const theta = between(uniform, 0, 2 * Math.PI);
  // The vessel's centre line passes the nodule tangentially (touching) or ends in it.
  const tangent = uniform() < 0.5;
  const dist = lesion.radiusAt(theta) + (tangent ? vesselR * 0.6 : 0);
  const along = tangent ? theta + Math.PI / 2 : theta;
  const length = 35;
  const offset = tangent ? 0 : length;
  const vx = CENTRE + dist * Math.cos(theta) + offset * Math.cos(along);
  const vy = CENTRE + dist * Math.sin(theta) + offset * Math.sin(along);
  canvas.paint(new SoftEllipse(vx, vy, length, vesselR, along), HU.lungVessel);
  // Other vessels cut across, as dots.
  for (let k = 0; k < 6; k++) {
    const t = between(uniform, 0, 2 * Math.PI);
    const d = r * 1.5 + between(uniform, 8, 40);
    canvas.paint(new SoftEllipse(CENTRE + d * Math.cos(t), CENTRE + d * Math.sin(t), between(uniform, 1, 3), between(uniform, 1, 2.5), t), HU.lungVessel);
  }
  canvas.paint(lesion.shape, 30);
  return { lesion, scene: { canvas, contrastHu: 30 - HU.lung, normalClick: { x: CENTRE - 50, y: CENTRE - 50 } } };
}

function buildCase(category: OneClickCategory, index: number): OneClickCase {
  const id = `${category} ${index + 1}`;
  const uniform = mulberry32(seedFromName(`one-click ${id}`));
  const { lesion, scene } = category === 'lymph node' ? nodeCase(uniform) : category === 'lung nodule with vessel' ? lungCase(uniform) : liverCase(category, uniform);
  const hu = scene.canvas.hu;
  addCorrelatedNoise(hu, ONE_CLICK_GRID.columns, ONE_CLICK_GRID.rows, NOISE_SD_HU, seedFromName(`one-click noise ${id}`));
  return {
    id,
    category,
    hu,
    size: ONE_CLICK_GRID.columns,
    spacingMm: ONE_CLICK_GRID.pixelSpacingMm,
    contrastHu: scene.contrastHu,
    outline: outlineOf(lesion),
    clicks: clicksIn(lesion, uniform),
    normalClick: scene.normalClick,
  };
}

/** Case `index` (0-based) of a category: the same lesion as in `oneClickCases`, without building the others. */
export const oneClickCase = (category: OneClickCategory, index: number): OneClickCase => buildCase(category, index);

/** `perCategory` cases of each category, the same every run. */
export function oneClickCases(perCategory: number): OneClickCase[] {
  return ONE_CLICK_CATEGORIES.flatMap((category) => Array.from({ length: perCategory }, (_, i) => buildCase(category, i)));
}
