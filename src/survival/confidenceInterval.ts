// Pointwise confidence limits of a Kaplan-Meier curve, as R's survfit computes them (survival:::survfit_confint).
// `logSe` is the standard error of log S(t) (equivalently of the cumulative hazard): the square root of
// Greenwood's sum, sum d / (n (n - d)) (Greenwood 1926; Kalbfleisch & Prentice 2002, section 1.4).
import { assertNever } from '../shared/assertNever';
import type { ConfidenceType } from './types';

export interface ConfidenceLimits {
  /** null where R gives NA: no interval at S = 0 (any type) or S = 1 ('log-log'). */
  readonly lower: number | null;
  readonly upper: number | null;
}

const NONE: ConfidenceLimits = { lower: null, upper: null };

/** z is the normal quantile of the level, e.g. 1.959964 for 95 %. */
export function confidenceLimits(survival: number, logSe: number, z: number, type: ConfidenceType): ConfidenceLimits {
  switch (type) {
    case 'log': {
      // exp(log S -+ z se), the upper limit capped at 1 (Kalbfleisch & Prentice; R's default).
      if (survival === 0) return NONE;
      const logS = Math.log(survival);
      return { lower: Math.exp(logS - z * logSe), upper: Math.min(Math.exp(logS + z * logSe), 1) };
    }
    case 'log-log': {
      // On log(-log S), where the Greenwood variance of log S becomes se^2 / (log S)^2 (Kalbfleisch & Prentice,
      // eq. 1.16): limits S^exp(+-z se / log S), always inside (0, 1).
      if (survival === 0 || survival === 1) return NONE;
      const logS = Math.log(survival);
      const shift = (z * logSe) / logS;
      const loglog = Math.log(-logS);
      return { lower: Math.exp(-Math.exp(loglog - shift)), upper: Math.exp(-Math.exp(loglog + shift)) };
    }
    case 'plain': {
      // S -+ z se(S) with se(S) = S se(log S), clipped to [0, 1].
      const half = z * logSe * survival;
      if (!Number.isFinite(half)) return NONE;
      return { lower: Math.max(survival - half, 0), upper: Math.min(survival + half, 1) };
    }
    default:
      return assertNever(type, 'confidence type');
  }
}
