// Each patient's follow-up time and event for the chosen endpoint, from the origin or from the landmark.
//
// From the origin: os_days/os_event or pfs_days/pfs_event as exported.
// From the landmark L (landmark analysis, Anderson, Cain & Gelber, J Clin Oncol 1983;1:710-9): only patients still
// at risk at L are analysed, grouped by what was known at L, and the clock restarts at L.
//  - OS: landmark_at_risk = 1 (alive at day L); time landmark_os_days (= os_days - L), event landmark_os_event.
//  - PFS: at risk (landmark_at_risk = 1) AND progression-free at L: no PFS event up to and including day L
//    (progression or death on day L is "by the landmark"), and PFS follow-up reaching L (a patient censored before L
//    has an unknown status there). Time pfs_days - L, event pfs_event. A patient censored exactly at L is
//    progression-free at L and enters with time 0.
import { assertNever } from '../shared/assertNever';
import type { Endpoint } from './cohortChoice';
import type { CohortRow } from './patientCsv';

export type TimeExclusion = 'UNKNOWN_ENDPOINT' | 'NOT_AT_RISK_AT_LANDMARK' | 'EVENT_BY_LANDMARK' | 'CENSORED_BEFORE_LANDMARK';

export type EndpointTime = { readonly time: number; readonly event: boolean } | { readonly excluded: TimeExclusion };

const known = (time: number | null, event: boolean | null): EndpointTime =>
  time === null || event === null ? { excluded: 'UNKNOWN_ENDPOINT' } : { time, event };

export function timeFromOrigin(row: CohortRow, endpoint: Endpoint): EndpointTime {
  switch (endpoint) {
    case 'os':
      return known(row.osDays, row.osEvent);
    case 'pfs':
      return known(row.pfsDays, row.pfsEvent);
    default:
      return assertNever(endpoint, 'endpoint');
  }
}

export function timeFromLandmark(row: CohortRow, endpoint: Endpoint, landmarkDays: number): EndpointTime {
  if (row.landmarkAtRisk === null) return { excluded: 'UNKNOWN_ENDPOINT' };
  if (!row.landmarkAtRisk) return { excluded: 'NOT_AT_RISK_AT_LANDMARK' };
  switch (endpoint) {
    case 'os':
      return known(row.landmarkOsDays, row.landmarkOsEvent);
    case 'pfs': {
      const { pfsDays, pfsEvent } = row;
      if (pfsDays === null || pfsEvent === null) return { excluded: 'UNKNOWN_ENDPOINT' };
      if (pfsEvent && pfsDays <= landmarkDays) return { excluded: 'EVENT_BY_LANDMARK' };
      if (!pfsEvent && pfsDays < landmarkDays) return { excluded: 'CENSORED_BEFORE_LANDMARK' };
      return { time: pfsDays - landmarkDays, event: pfsEvent };
    }
    default:
      return assertNever(endpoint, 'endpoint');
  }
}
