// The survival module's input and error model. Estimators follow R's `survival` package (Therneau), whose
// results the tests reproduce; each file cites the formula it implements.

/** One patient: follow-up time (any unit, the same for everybody) and whether it ended in the event. */
export interface SurvivalRecord {
  /** Time from origin (e.g. baseline) to the event or to censoring; finite and >= 0. */
  readonly time: number;
  /** true: the event (progression, death) was observed at `time`; false: censored at `time`. */
  readonly event: boolean;
  /** Treatment arm or any other grouping, for Kaplan-Meier per group and the log-rank test. */
  readonly group?: string;
  /** Numeric covariates of the Cox model, by name (a factor enters as 0/1 indicators, see design.ts). */
  readonly covariates?: Readonly<Record<string, number>>;
}

/** Expected failures of the estimators, as values (STYLE.md principle 3). `index` is the record's position. */
export type SurvivalError =
  | { readonly code: 'NO_RECORDS' }
  | { readonly code: 'INVALID_TIME'; readonly index: number; readonly time: number }
  | { readonly code: 'NO_EVENTS' }
  | { readonly code: 'MISSING_GROUP'; readonly index: number }
  | { readonly code: 'UNKNOWN_GROUP'; readonly index: number; readonly group: string }
  | { readonly code: 'EMPTY_GROUP'; readonly group: string }
  /** The log-rank test needs two groups with somebody at risk at an event time. */
  | { readonly code: 'TOO_FEW_GROUPS'; readonly groups: number }
  | { readonly code: 'NO_COVARIATES' }
  | { readonly code: 'MISSING_COVARIATE'; readonly index: number; readonly covariate: string }
  /**
   * The information (or log-rank variance) matrix is singular: covariates are collinear or constant, so their
   * effects cannot be told apart (`names` are the covariates, or groups, R would set to NA).
   */
  | { readonly code: 'SINGULAR_INFORMATION'; readonly names: readonly string[] }
  /** Newton-Raphson ran out of iterations, typically because a coefficient is infinite (monotone likelihood). */
  | { readonly code: 'NOT_CONVERGED'; readonly iterations: number };

export type SurvivalErrorCode = SurvivalError['code'];

/**
 * Pointwise confidence intervals for S(t), as survfit's `conf.type`: 'log' (R's default) is exp(log S +- z se),
 * 'log-log' is on log(-log S), 'plain' is S +- z se(S).
 */
export type ConfidenceType = 'log' | 'log-log' | 'plain';

/** Handling of tied event times in the Cox partial likelihood; 'efron' is R's default. */
export type Ties = 'efron' | 'breslow';

/** A chi-square test statistic with its degrees of freedom and upper-tail p-value. */
export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}
