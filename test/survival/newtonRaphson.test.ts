// The Newton-Raphson loop on its own: convergence by relative change of the log-likelihood, and step halving
// when a full step overshoots and the log-likelihood falls.
import { describe, expect, it } from 'vitest';
import { newtonRaphson, type Evaluation } from '../../src/survival/newtonRaphson';

/** -log cosh(b - 3): concave with its maximum at 3, but so flat far away that a full Newton step from 0 lands near b = 100. */
function logCosh(beta: readonly number[]): Evaluation {
  const t = (beta[0] as number) - 3;
  const logCoshT = Math.abs(t) + Math.log1p(Math.exp(-2 * Math.abs(t))) - Math.LN2;
  return { logLikelihood: -logCoshT - 1, score: [-Math.tanh(t)], information: [[1 / Math.cosh(t) ** 2]] };
}

describe('Newton-Raphson as coxph', () => {
  it('halves back from an overshooting step and still converges to the maximum', () => {
    const visited: number[] = [];
    const result = newtonRaphson((b) => (visited.push(b[0] as number), logCosh(b)), [0], { maxIterations: 20, epsilon: 1e-9 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.beta[0]).toBeCloseTo(3, 4);
    expect(visited[1]).toBeGreaterThan(90); // the full step from 0 overshoots ...
    expect(visited[2]).toBeCloseTo((visited[1] as number) / 2, 10); // ... so the next try is halfway back
  });

  it('reports non-convergence after maxIterations', () => {
    // The log-likelihood of a coefficient running off to infinity: -log(1 + exp(-b)) keeps rising.
    const monotone = (b: readonly number[]): Evaluation => {
      const e = Math.exp(-(b[0] as number));
      return { logLikelihood: -Math.log1p(e) - 1, score: [e / (1 + e)], information: [[e / (1 + e) ** 2]] };
    };
    expect(newtonRaphson(monotone, [0], { maxIterations: 5, epsilon: 1e-12 })).toEqual({ ok: false, reason: 'not-converged', iterations: 5 });
  });

  it('stops at once on a quadratic, where one Newton step is exact', () => {
    const quadratic = (b: readonly number[]): Evaluation => ({
      logLikelihood: -1 - ((b[0] as number) - 2) ** 2,
      score: [-2 * ((b[0] as number) - 2)],
      information: [[2]],
    });
    const result = newtonRaphson(quadratic, [0], { maxIterations: 20, epsilon: 1e-9 });
    expect(result.ok && [result.beta, result.iterations]).toEqual([[2], 2]);
  });
});
