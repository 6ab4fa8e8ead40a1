// Follow-up from the origin and from the landmark (day 91), OS and PFS: who is at risk, and the restarted clock.
import { describe, expect, it } from 'vitest';
import { timeFromLandmark, timeFromOrigin } from '../../src/cohort/endpointTime';
import { os, table, type Cells } from './fixtures';

const rowOf = (cells: Cells) => table([cells]).rows[0] ?? (() => { throw new Error('no row'); })();
const L = 91;

describe('time from the origin', () => {
  it('is the exported OS or PFS; unknown when either cell is empty', () => {
    expect(timeFromOrigin(rowOf({ ...os(300, true), pfs_days: '120', pfs_event: '1' }), 'os')).toEqual({ time: 300, event: true });
    expect(timeFromOrigin(rowOf({ pfs_days: '120', pfs_event: '1' }), 'pfs')).toEqual({ time: 120, event: true });
    expect(timeFromOrigin(rowOf({ os_days: '' }), 'os')).toEqual({ excluded: 'UNKNOWN_ENDPOINT' });
  });
});

describe('OS from the landmark', () => {
  it.each<[string, Cells, object]>([
    ['alive at the landmark: landmark_os_days and landmark_os_event', os(300, true), { time: 209, event: true }],
    ['died on the landmark day: at risk, time 0', os(91, true), { time: 0, event: true }],
    ['died before the landmark: not at risk', os(60, true), { excluded: 'NOT_AT_RISK_AT_LANDMARK' }],
    ['lost before the landmark: not at risk', os(80, false), { excluded: 'NOT_AT_RISK_AT_LANDMARK' }],
    ['at-risk status unknown', { landmark_at_risk: '' }, { excluded: 'UNKNOWN_ENDPOINT' }],
  ])('%s', (_, cells, expected) => {
    expect(timeFromLandmark(rowOf(cells), 'os', L)).toEqual(expected);
  });
});

describe('PFS from the landmark: at risk and progression-free at day 91, time pfs_days - 91', () => {
  it.each<[string, Cells, object]>([
    ['progressed after the landmark', { pfs_days: '200', pfs_event: '1' }, { time: 109, event: true }],
    ['censored after the landmark', { pfs_days: '150', pfs_event: '0' }, { time: 59, event: false }],
    ['censored on the landmark day: progression-free then, time 0', { pfs_days: '91', pfs_event: '0' }, { time: 0, event: false }],
    ['progressed on the landmark day', { pfs_days: '91', pfs_event: '1' }, { excluded: 'EVENT_BY_LANDMARK' }],
    ['progressed before the landmark', { pfs_days: '49', pfs_event: '1', landmark_response: 'PD' }, { excluded: 'EVENT_BY_LANDMARK' }],
    ['censored before the landmark: status there unknown', { pfs_days: '45', pfs_event: '0' }, { excluded: 'CENSORED_BEFORE_LANDMARK' }],
    ['not alive at the landmark', { ...os(70, true), pfs_days: '70', pfs_event: '1' }, { excluded: 'NOT_AT_RISK_AT_LANDMARK' }],
    ['PFS unknown', { pfs_days: '', pfs_event: '' }, { excluded: 'UNKNOWN_ENDPOINT' }],
  ])('%s', (_, cells, expected) => {
    expect(timeFromLandmark(rowOf(cells), 'pfs', L)).toEqual(expected);
  });
});
