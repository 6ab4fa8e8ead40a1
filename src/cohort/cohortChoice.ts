// What the reader chooses on the cohort screen: the endpoint, how patients are grouped, and the time axis.

export type Endpoint = 'os' | 'pfs';

/** How RECIST responses form groups. */
export type ResponseSplit = 'cr-pr/sd/pd' | 'responders';

/** A numeric covariate: split at its median, one group per value, or one continuous term of the Cox model. */
export type NumericUse = 'median' | 'values' | 'continuous';

export type Grouping =
  /** The response at the landmark, survival measured from the landmark (the default, free of guarantee-time bias). */
  | { readonly kind: 'landmark'; readonly split: ResponseSplit }
  /** The best overall response, survival from the origin: biased, shown only with the warning. */
  | { readonly kind: 'best-response'; readonly split: ResponseSplit }
  | { readonly kind: 'covariate'; readonly column: string; readonly use: NumericUse };

export type TimeUnit = 'days' | 'months';

export interface CohortChoice {
  readonly endpoint: Endpoint;
  readonly grouping: Grouping;
  readonly timeUnit: TimeUnit;
}

export const DEFAULT_CHOICE: CohortChoice = {
  endpoint: 'os',
  grouping: { kind: 'landmark', split: 'cr-pr/sd/pd' },
  timeUnit: 'months',
};

/** At most this many groups on one plot: more is unreadable, and usually a continuous value read as a factor. */
export const MAX_GROUPS = 8;

/** Days per month on the time axis: the Julian year over 12. */
export const DAYS_PER_MONTH = 365.25 / 12;
