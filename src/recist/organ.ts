// Which organ a lesion counts against for "at most 2 targets per organ" (RECIST 1.1, 4.2; FAQ):
// all lymph nodes together are one organ, and paired organs (lungs, kidneys, ovaries, adrenals) count as one.
import type { LesionIdentity } from './types';

const SIDE_WORDS = /\b(left|right|bilateral|both|l|r)\b\.?/g;
const PAIRED: Record<string, string> = {
  lung: 'lung',
  lungs: 'lung',
  kidney: 'kidney',
  kidneys: 'kidney',
  ovary: 'ovary',
  ovaries: 'ovary',
  adrenal: 'adrenal',
  adrenals: 'adrenal',
  'adrenal gland': 'adrenal',
  'adrenal glands': 'adrenal',
};

// A cohort names the same few organs thousands of times: normalise each spelling once.
const groups = new Map<string, string>();

export function organGroup(lesion: LesionIdentity): string {
  if (lesion.nodal) return 'lymph node';
  const known = groups.get(lesion.organ);
  if (known !== undefined) return known;
  const name = lesion.organ.toLowerCase().replace(SIDE_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const group = PAIRED[name] ?? name;
  if (groups.size < 10_000) groups.set(lesion.organ, group);
  return group;
}
