// Lesion labels as radiologists write them: T1.. for targets, NT1.. for non-targets, N1.. for new lesions.
import type { LesionCategory } from '../recist/types';
import { assertNever } from '../shared/assertNever';

export function labelPrefix(category: LesionCategory): string {
  switch (category) {
    case 'target': return 'T';
    case 'non-target': return 'NT';
    case 'new': return 'N';
    default: return assertNever(category, 'lesion category');
  }
}

/**
 * The lowest free number of the category's prefix among the patient's labels: after T1, T2, T3 with T2 deleted,
 * the next target is T2 again, so the reader's list stays short and gapless where it can.
 */
export function nextFreeLabel(category: LesionCategory, taken: Iterable<string>): string {
  const prefix = labelPrefix(category);
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
