// What to ask when a handle drag pulled a measurement below the floor (tracking/measurementFloor): the drag is
// already reverted, so the reader's answer is the only way it becomes anything. A 0 mm line is never the answer: a
// lesion that has gone is recorded as disappeared ('absent'); where that state does not exist (the baseline, a new
// lesion) or would be wrong (one fragment of a split lesion), the measurement itself can go.
import type { LesionCategory } from '../../recist/types';
import type { MeasuredAxis } from '../../tracking/measurementFloor';

export interface CollapsedMeasurement {
  readonly label: string;
  readonly category: LesionCategory;
  readonly nodal: boolean;
  readonly atBaseline: boolean;
  /** The lesion's measurements at this time point, this one included (more than one: a split lesion). */
  readonly fragments: number;
  readonly axis: MeasuredAxis;
  /** What the drag would have made of that axis, rounded to the tenth shown. */
  readonly lengthMm: number;
}

export type CollapseAnswer =
  /** OK records the lesion as disappeared at this time point (its measurements there go with it). */
  | { readonly kind: 'ask'; readonly text: string; readonly onYes: 'record-absent' | 'delete-measurement' }
  /** Nothing to decide: the line is kept as it was, and the reader is told why. */
  | { readonly kind: 'tell'; readonly text: string };

const KEPT = 'Cancel keeps the measurement as it was.';

export function collapseQuestion(m: CollapsedMeasurement): CollapseAnswer {
  const mm = `${m.lengthMm.toFixed(1)} mm`;
  // A lesion's size is its long axis, a node's its short axis (RECIST 1.1, 3.1.3): only that axis going to nothing
  // can mean the lesion went; any other short axis at 0 mm is just not a measurement.
  const diameter = m.axis === 'longAxis' || m.nodal;
  if (!diameter) {
    return { kind: 'tell', text: `${m.label}: a short axis of ${mm} is not a measurement, so the measurement was kept as it was. Drag the short axis out to the lesion's edges, or measure it with the long-axis tool (M).` };
  }
  const axisWords = m.axis === 'shortAxis' ? ' short axis' : '';
  if (m.fragments > 1) {
    return { kind: 'ask', text: `${m.label}:${axisWords} ${mm} — delete this fragment? The lesion's other fragments stay. ${KEPT}`, onYes: 'delete-measurement' };
  }
  if (m.atBaseline || m.category === 'new') {
    return { kind: 'ask', text: `${m.label}:${axisWords} ${mm} — delete this measurement? ${KEPT}`, onYes: 'delete-measurement' };
  }
  return {
    kind: 'ask',
    text: `${m.label}:${axisWords} ${mm} — record as disappeared? OK records ${m.label} as disappeared at this time point. ${KEPT}`,
    onYes: 'record-absent',
  };
}
