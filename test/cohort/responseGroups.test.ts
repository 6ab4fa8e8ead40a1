// The rules that turn RECIST responses into analysis groups.
import { describe, expect, it } from 'vitest';
import { responseGroup } from '../../src/cohort/responseGroups';
import type { Response } from '../../src/cohort/patientCsv';

describe('response groups', () => {
  it.each<[Response | null, string, string]>([
    ['CR', 'CR/PR', 'Responders (CR/PR)'],
    ['PR', 'CR/PR', 'Responders (CR/PR)'],
    ['SD', 'SD', 'Non-responders'],
    ['NON-CR/NON-PD', 'SD', 'Non-responders'],
    ['PD', 'PD', 'Non-responders'],
    ['NE', 'excluded NOT_EVALUABLE', 'Non-responders'],
    [null, 'excluded NO_RESPONSE', 'excluded NO_RESPONSE'],
  ])('%s: "%s" in CR/PR vs SD vs PD, "%s" in responders vs non-responders', (response, three, two) => {
    const name = (g: ReturnType<typeof responseGroup>) => ('group' in g ? g.group : `excluded ${g.excluded}`);
    expect(name(responseGroup(response, 'cr-pr/sd/pd'))).toBe(three);
    expect(name(responseGroup(response, 'responders'))).toBe(two);
  });
});
