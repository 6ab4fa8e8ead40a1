// Every code the SR writes is documented in docs/sr.md, and the local scheme gives each code value one meaning.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CODES, LOCAL_SCHEME, NEW_LESION_CODES, NON_TARGET_RESPONSE_CODES, ORGAN_CODES, OVERALL_RESPONSE_CODES, RESPONSE_SOURCE_CODES,
  STATE_CODES, TARGET_RESPONSE_CODES, type Code,
} from '../../src/sr/codes';

const ALL: Code[] = [CODES, ORGAN_CODES, STATE_CODES, TARGET_RESPONSE_CODES, NON_TARGET_RESPONSE_CODES, NEW_LESION_CODES, OVERALL_RESPONSE_CODES, RESPONSE_SOURCE_CODES]
  .flatMap((table) => Object.values(table));
const doc = readFileSync(resolve(__dirname, '../../docs/sr.md'), 'utf8');

describe('SR codes', () => {
  it.each(ALL.map((c) => [`${c.value} (${c.scheme}) ${c.meaning}`, c] as const))('%s is in docs/sr.md', (_, c) => {
    expect(doc).toContain(`| ${c.value} | ${c.scheme} |`);
  });

  it('a local code value means one thing wherever it is used', () => {
    const meanings = new Map<string, Set<string>>();
    for (const c of ALL.filter((c) => c.scheme === LOCAL_SCHEME)) meanings.set(c.value, (meanings.get(c.value) ?? new Set()).add(c.meaning));
    expect([...meanings].filter(([, m]) => m.size > 1)).toEqual([]);
  });

  it('local codes fit a Code Value (SH, 16 characters) and the scheme a 99-prefixed private designator', () => {
    expect(LOCAL_SCHEME).toMatch(/^99[A-Z]+$/);
    expect(ALL.filter((c) => c.value.length > 16)).toEqual([]);
  });
});
