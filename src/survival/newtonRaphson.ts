// Newton-Raphson maximisation of a concave log-likelihood, step for step as R's coxph (coxfit6.c): start at
// beta = 0; after each step, stop when the log-likelihood changed by at most eps relative to the best so far;
// when it fell (or became non-finite), go back part of the way towards the last good beta (step halving,
// "newbeta = (newbeta + h beta) / (h + 1)" for the h-th halving in a row) instead of taking a new step.
import { ldlDecompose, ldlSolve, type LdlFactor } from './linearAlgebra';

export interface Evaluation {
  readonly logLikelihood: number;
  readonly score: readonly number[];
  /** Minus the Hessian; must be positive definite where the likelihood is strictly concave. */
  readonly information: readonly (readonly number[])[];
}

export interface NewtonOptions {
  /** R's coxph.control(iter.max = 20). */
  readonly maxIterations: number;
  /** R's coxph.control(eps = 1e-9): relative change of the log-likelihood that counts as converged. */
  readonly epsilon: number;
}

export type NewtonResult =
  | {
      readonly ok: true;
      readonly beta: number[];
      /** At `beta`. */
      readonly evaluation: Evaluation;
      readonly factor: LdlFactor;
      /** At the start (beta = 0), for the score test. */
      readonly initial: Evaluation;
      readonly initialFactor: LdlFactor;
      readonly iterations: number;
    }
  /** Singular at the start: `singular` are the indices of the parameters with a zero pivot. */
  | { readonly ok: false; readonly reason: 'singular'; readonly singular: readonly number[] }
  /**
   * Out of iterations, or the information became singular on the way: a parameter running off to infinity
   * (R would zero its pivot and report the coefficient as NA or possibly infinite).
   */
  | { readonly ok: false; readonly reason: 'not-converged'; readonly iterations: number };

const isFiniteEvaluation = (e: Evaluation): boolean =>
  Number.isFinite(e.logLikelihood) && e.score.every(Number.isFinite) && e.information.every((row) => row.every(Number.isFinite));

export function newtonRaphson(evaluate: (beta: readonly number[]) => Evaluation, start: readonly number[], options: NewtonOptions): NewtonResult {
  const initial = evaluate(start);
  const initialFactor = ldlDecompose(initial.information);
  if (!initialFactor.ok) return { ok: false, reason: 'singular', singular: initialFactor.singular };
  let beta = [...start];
  let best = initial.logLikelihood;
  let next = add(beta, ldlSolve(initialFactor, initial.score));
  let halving = 0;
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    const current = evaluate(next);
    const finite = isFiniteEvaluation(current);
    if (finite) {
      const factor = ldlDecompose(current.information);
      if (!factor.ok) return { ok: false, reason: 'not-converged', iterations: iteration };
      if (Math.abs(1 - best / current.logLikelihood) <= options.epsilon) {
        return { ok: true, beta: next, evaluation: current, factor, initial, initialFactor, iterations: iteration };
      }
      if (current.logLikelihood >= best) {
        halving = 0;
        best = current.logLikelihood;
        beta = next;
        next = add(next, ldlSolve(factor, current.score));
        continue;
      }
    }
    // The likelihood fell (or overflowed): the step overshot.
    halving++;
    next = next.map((b, i) => (b + halving * (beta[i] as number)) / (halving + 1));
  }
  return { ok: false, reason: 'not-converged', iterations: options.maxIterations };
}

const add = (a: readonly number[], b: readonly number[]): number[] => a.map((v, i) => v + (b[i] as number));
