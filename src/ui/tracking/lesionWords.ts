// A lesion's value at a time point in a few words, as the checklist and its accessible names say it.
import type { LesionValue } from '../../tracking/lesionValue';
import type { LesionRow } from '../../tracking/types';

const mm = (value: number) => `${value.toFixed(1)} mm`;

export function valueWords(lesion: LesionRow, value: LesionValue, labelOf: (lesionId: string) => string): string {
  switch (value.state) {
    case undefined: return value.measurements.length > 0 ? measuredWords(lesion, value) : '—';
    case 'measured': return measuredWords(lesion, value);
    case 'too_small': return 'too small (5 mm)';
    case 'absent': return lesion.category === 'target' ? 'disappeared (0 mm)' : 'absent';
    case 'not_evaluable': return 'not evaluable';
    case 'merged': return value.mergedIntoLesionId ? `merged into ${labelOf(value.mergedIntoLesionId)}` : 'merged';
    case 'present': return value.measurements.length > 0 ? `present, ${measuredWords(lesion, value)}` : 'present';
    case 'progression': return 'unequivocal progression';
    case 'unequivocal': return value.measurements.length > 0 ? `unequivocal, ${measuredWords(lesion, value)}` : 'unequivocal';
    case 'equivocal': return value.measurements.length > 0 ? `equivocal, ${measuredWords(lesion, value)}` : 'equivocal';
  }
}

function measuredWords(lesion: LesionRow, value: LesionValue): string {
  if (value.measurements.length === 0) return 'not measured yet';
  if (value.totalMm === undefined) return lesion.nodal ? 'short axis missing' : 'not measured yet';
  const fragments = value.diametersMm.length > 1 ? `${value.diametersMm.map((d) => (d ?? 0).toFixed(1)).join(' + ')} = ` : '';
  return `${fragments}${mm(value.totalMm)}${lesion.nodal ? ' SA' : ''}`;
}

/** Said under a field whose saved value another tab changed while this tab's reader was typing in it. */
export const changedInAnotherTab = (theirs: string): string =>
  `Changed in another tab: '${theirs}' — yours is kept until you save (Enter, or leave the field).`;
