// Categorical covariates for the Cox model, coded as R codes a factor by default (treatment contrasts,
// contr.treatment): the first level is the reference, and every other level gets a 0/1 indicator named
// covariate + level, e.g. "celltypesmallcell". Each coefficient is then the log hazard ratio against the reference.

export interface TreatmentCoding {
  /** Indicator names, one per non-reference level. */
  readonly names: readonly string[];
  readonly reference: string;
  readonly levels: readonly string[];
  /** The indicators of one value (which must be one of the levels). */
  readonly encode: (value: string) => Record<string, number>;
}

export function treatmentCoding(covariate: string, levels: readonly string[]): TreatmentCoding {
  const [reference, ...others] = levels;
  if (reference === undefined) throw new RangeError(`treatmentCoding(${covariate}): no levels`);
  if (new Set(levels).size !== levels.length) throw new RangeError(`treatmentCoding(${covariate}): repeated levels`);
  const names = others.map((level) => `${covariate}${level}`);
  return {
    names,
    reference,
    levels: [...levels],
    encode: (value) => {
      if (!levels.includes(value)) throw new RangeError(`treatmentCoding(${covariate}): "${value}" is not a level`);
      return Object.fromEntries(others.map((level, i) => [names[i] as string, value === level ? 1 : 0]));
    },
  };
}
