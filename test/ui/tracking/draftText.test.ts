// A field being typed in while another tab saves the same value: the typed text is kept and the other tab's value
// is remembered to be said; an untouched field follows; this tab's own save coming back is not another tab's.
import { describe, expect, it } from 'vitest';
import { followSaved, freshDraft, type Draft } from '../../../src/ui/tracking/draftText';

const same = (a: string, b: string) => a === b;
const notOurs = () => false;
const typed = (text: string): Draft => ({ ...freshDraft('L1', 'segment VIII'), text });

describe('followSaved', () => {
  it('an untouched field follows the saved value, silently', () => {
    expect(followSaved(freshDraft('L1', 'segment VIII'), 'L1', 'segment VII', notOurs, same)).toEqual(freshDraft('L1', 'segment VII'));
  });

  it('text being typed is kept when another tab saves, and the other tab\'s value is remembered', () => {
    expect(followSaved(typed('typed here'), 'L1', 'segment VII', notOurs, same))
      .toEqual({ key: 'L1', base: 'segment VII', text: 'typed here', elsewhere: 'segment VII' });
  });

  it('this field\'s own save coming back is not another tab\'s change', () => {
    expect(followSaved(typed('typed here, more'), 'L1', 'typed here', (v) => v === 'typed here', same).elsewhere).toBeUndefined();
  });

  it('another tab saving what is being typed leaves nothing to say', () => {
    expect(followSaved(typed('segment VII'), 'L1', 'segment VII', notOurs, same)).toEqual(freshDraft('L1', 'segment VII'));
  });

  it('texts that save to the same value count as the same ("41.0" and "41")', () => {
    const mm = (a: string, b: string) => Number(a) === Number(b);
    expect(followSaved({ ...freshDraft('T1', ''), text: '41.0' }, 'T1', '41', notOurs, mm)).toEqual(freshDraft('T1', '41'));
  });

  it('another lesion starts from its own saved value, whatever was typed for the last one', () => {
    expect(followSaved(typed('typed here'), 'L2', 'liver dome', notOurs, same)).toEqual(freshDraft('L2', 'liver dome'));
  });

  it('an unchanged saved value changes nothing', () => {
    const draft = typed('typed here');
    expect(followSaved(draft, 'L1', 'segment VIII', notOurs, same)).toBe(draft);
  });
});
