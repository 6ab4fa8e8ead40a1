// Cox proportional hazards regression, as R's coxph(Surv(time, event) ~ covariates, ties = "efron" | "breslow"):
// Newton-Raphson on the partial likelihood (coxLikelihood.ts, newtonRaphson.ts), then per coefficient the hazard
// ratio exp(beta), its standard error from the inverse information, the Wald z and p, and the 95 % interval
// exp(beta +- z se); for the model the likelihood-ratio, Wald and score (log-rank) tests on p df
// (Therneau & Grambsch, Modeling Survival Data, 2000, section 3.4).
import { err, ok, type Result } from '../shared/result';
import { evaluateCox, type CoxData } from './coxLikelihood';
import { chiSquareSurvival, normalQuantile } from './distributions';
import { ldlInverse, ldlSolve, quadraticForm } from './linearAlgebra';
import { newtonRaphson } from './newtonRaphson';
import { canonicalOrder, checkRecords } from './records';
import type { ChiSquareTest, SurvivalError, SurvivalRecord, Ties } from './types';

export interface CoxOptions {
  /** Names in each record's `covariates`, in the order of the coefficient table. */
  readonly covariates: readonly string[];
  readonly ties?: Ties;
  /** Default 20, as coxph.control(). */
  readonly maxIterations?: number;
  /** Default 1e-9, as coxph.control(). */
  readonly epsilon?: number;
  /** Of the hazard ratios' intervals; default 0.95. */
  readonly confidenceLevel?: number;
}

export interface CoxCoefficient {
  readonly name: string;
  /** log hazard ratio per unit of the covariate. */
  readonly coef: number;
  readonly hazardRatio: number;
  readonly se: number;
  readonly z: number;
  /** Two-sided Wald p-value. */
  readonly p: number;
  /** Confidence limits of the hazard ratio. */
  readonly lower: number;
  readonly upper: number;
}

export interface CoxModel {
  readonly n: number;
  readonly events: number;
  readonly ties: Ties;
  readonly confidenceLevel: number;
  readonly coefficients: readonly CoxCoefficient[];
  /** Covariance matrix of the coefficients (inverse information). */
  readonly variance: readonly (readonly number[])[];
  readonly logLikelihood: { readonly null: number; readonly fitted: number };
  readonly likelihoodRatio: ChiSquareTest;
  readonly wald: ChiSquareTest;
  /** The score test at beta = 0; with one factor covariate it is the log-rank test. */
  readonly score: ChiSquareTest;
  readonly iterations: number;
}

const test = (statistic: number, df: number): ChiSquareTest => ({ statistic, df, pValue: chiSquareSurvival(statistic, df) });

export function coxPh(records: readonly SurvivalRecord[], options: CoxOptions): Result<CoxModel, SurvivalError> {
  const names = options.covariates;
  const ties = options.ties ?? 'efron';
  const level = options.confidenceLevel ?? 0.95;
  const checked = checkRecords(records);
  if (!checked.ok) return checked;
  if (names.length === 0) return err({ code: 'NO_COVARIATES' });
  for (let i = 0; i < records.length; i++) {
    const missing = names.find((c) => !Number.isFinite((records[i] as SurvivalRecord).covariates?.[c]));
    if (missing !== undefined) return err({ code: 'MISSING_COVARIATE', index: i, covariate: missing });
  }
  const events = records.filter((r) => r.event).length;
  if (events === 0) return err({ code: 'NO_EVENTS' });

  const sorted = canonicalOrder(records, names);
  const raw = sorted.map((r) => names.map((c) => r.covariates?.[c] as number));
  const { x, scale } = centreAndScale(raw);
  const data: CoxData = { time: sorted.map((r) => r.time), event: sorted.map((r) => r.event), x };
  const fit = newtonRaphson((beta) => evaluateCox(data, beta, ties), names.map(() => 0), {
    maxIterations: options.maxIterations ?? 20,
    epsilon: options.epsilon ?? 1e-9,
  });
  if (!fit.ok) {
    if (fit.reason === 'not-converged') return err({ code: 'NOT_CONVERGED', iterations: fit.iterations });
    // Singular at beta = 0: collinear or constant covariates.
    return err({ code: 'SINGULAR_INFORMATION', names: fit.singular.map((i) => names[i] as string) });
  }

  // Back from the scaled covariates: beta = b s, var = S V S (S = diag(s)).
  const scaledVariance = ldlInverse(fit.factor);
  const variance = scaledVariance.map((row, i) => row.map((v, j) => v * (scale[i] as number) * (scale[j] as number)));
  const z = normalQuantile(1 - (1 - level) / 2);
  const coefficients = names.map((name, i): CoxCoefficient => {
    const coef = (fit.beta[i] as number) * (scale[i] as number);
    const se = Math.sqrt((variance[i] as number[])[i] as number);
    return {
      name,
      coef,
      hazardRatio: Math.exp(coef),
      se,
      z: coef / se,
      p: chiSquareSurvival((coef / se) ** 2, 1),
      lower: Math.exp(coef - z * se),
      upper: Math.exp(coef + z * se),
    };
  });
  const p = names.length;
  const initialScore = fit.initial.score;
  return ok({
    n: records.length,
    events,
    ties,
    confidenceLevel: level,
    coefficients,
    variance,
    logLikelihood: { null: fit.initial.logLikelihood, fitted: fit.evaluation.logLikelihood },
    likelihoodRatio: test(2 * (fit.evaluation.logLikelihood - fit.initial.logLikelihood), p),
    // The tests are invariant to the scaling, so they are computed on the scaled problem.
    wald: test(quadraticForm(fit.evaluation.information, fit.beta), p),
    score: test(dot(initialScore, ldlSolve(fit.initialFactor, initialScore)), p),
    iterations: fit.iterations,
  });
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((sum, v, i) => sum + v * (b[i] as number), 0);

/**
 * As coxph: each covariate not coded -1/0/1 is centred on its mean and divided by its mean absolute deviation,
 * which keeps exp(x' beta) in range and makes the singularity tolerance independent of units. Newton-Raphson is
 * invariant to this change of variables, so the fit is the same; only `scale` is needed to undo it.
 */
function centreAndScale(raw: readonly (readonly number[])[]): { x: number[][]; scale: number[] } {
  const n = raw.length;
  const p = raw[0]?.length ?? 0;
  const x = raw.map((row) => [...row]);
  const scale = new Array<number>(p).fill(1);
  for (let j = 0; j < p; j++) {
    if (raw.every((row) => row[j] === -1 || row[j] === 0 || row[j] === 1)) continue;
    const mean = raw.reduce((sum, row) => sum + (row[j] as number), 0) / n;
    let deviation = 0;
    for (const row of x) {
      row[j] = (row[j] as number) - mean;
      deviation += Math.abs(row[j] as number);
    }
    const s = deviation > 0 ? n / deviation : 1;
    scale[j] = s;
    for (const row of x) row[j] = (row[j] as number) * s;
  }
  return { x, scale };
}
