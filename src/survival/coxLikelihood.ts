// The Cox partial log-likelihood with its score vector and information matrix (Cox 1972, JRSS B 34:187-220),
// for Breslow's (1974) or Efron's (1977, JASA 72:557-565) handling of tied event times, as R's coxph computes
// them (coxfit6.c). At a time t with d events D and risk set R (time >= t), with r_i = exp(x_i' beta):
//   S0 = sum_R r_i,  S1 = sum_R r_i x_i,  S2 = sum_R r_i x_i x_i'   and  D0, D1, D2 the same sums over D;
//   for k = 0 .. d - 1, with f = k / d under Efron and f = 0 under Breslow:
//     den = S0 - f D0,  mean = (S1 - f D1) / den
//     loglik += -log den,  score += -mean,  information += (S2 - f D2) / den - mean mean'
//   plus sum_D x_i' beta on the log-likelihood and sum_D x_i on the score.
// Efron's correction removes a growing share of the tied events' risk from the denominator; with no ties the
// two methods are the same.
import type { Ties } from './types';

/** Records sorted by time (records.ts canonicalOrder); `x` row i is record i's covariates. */
export interface CoxData {
  readonly time: readonly number[];
  readonly event: readonly boolean[];
  readonly x: readonly (readonly number[])[];
}

export interface CoxEvaluation {
  readonly logLikelihood: number;
  readonly score: number[];
  /** Minus the Hessian of the log-likelihood. */
  readonly information: number[][];
}

export function evaluateCox(data: CoxData, beta: readonly number[], ties: Ties): CoxEvaluation {
  const p = beta.length;
  const zeros = () => new Array<number>(p).fill(0);
  const square = () => Array.from({ length: p }, zeros);
  const score = zeros();
  const information = square();
  let logLikelihood = 0;
  // Risk-set sums, built from the last time backwards: everybody with time >= t.
  let s0 = 0;
  const s1 = zeros();
  const s2 = square();
  for (let end = data.time.length - 1; end >= 0; ) {
    const t = data.time[end] as number;
    let start = end;
    while (start > 0 && data.time[start - 1] === t) start--;
    let d = 0;
    let d0 = 0;
    const d1 = zeros();
    const d2 = square();
    for (let i = start; i <= end; i++) {
      const xi = data.x[i] as readonly number[];
      let eta = 0;
      for (let a = 0; a < p; a++) eta += (beta[a] as number) * (xi[a] as number);
      const r = Math.exp(eta);
      s0 += r;
      addScaled(s1, s2, xi, r);
      if (data.event[i]) {
        d++;
        d0 += r;
        addScaled(d1, d2, xi, r);
        logLikelihood += eta;
        for (let a = 0; a < p; a++) score[a] = (score[a] as number) + (xi[a] as number);
      }
    }
    for (let k = 0; k < d; k++) {
      const f = ties === 'efron' ? k / d : 0;
      const den = s0 - f * d0;
      logLikelihood -= Math.log(den);
      const mean = s1.map((v, a) => (v - f * (d1[a] as number)) / den);
      for (let a = 0; a < p; a++) {
        score[a] = (score[a] as number) - (mean[a] as number);
        const row = information[a] as number[];
        for (let b = 0; b < p; b++) {
          const second = ((s2[a] as number[])[b] as number) - f * ((d2[a] as number[])[b] as number);
          row[b] = (row[b] as number) + second / den - (mean[a] as number) * (mean[b] as number);
        }
      }
    }
    end = start - 1;
  }
  return { logLikelihood, score, information };
}

/** sum += w x and square += w x x'. */
function addScaled(sum: number[], square: number[][], x: readonly number[], w: number): void {
  for (let a = 0; a < x.length; a++) {
    sum[a] = (sum[a] as number) + w * (x[a] as number);
    const row = square[a] as number[];
    for (let b = 0; b < x.length; b++) row[b] = (row[b] as number) + w * (x[a] as number) * (x[b] as number);
  }
}
