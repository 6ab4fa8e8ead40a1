// The statistics of one selection, each part a value or its error (one failing part does not hide the others):
// Kaplan-Meier per group (log CI, R's default), the log-rank test across the groups, and a Cox model (Efron ties)
// of the groups (treatment coding, the first group the reference) or of a continuous covariate.
import { ok, type Result } from '../shared/result';
import { coxPh, type CoxModel } from '../survival/coxPh';
import { treatmentCoding } from '../survival/design';
import { kaplanMeierByGroup, type KaplanMeierCurve } from '../survival/kaplanMeier';
import { logRank, type LogRankTest } from '../survival/logRank';
import type { SurvivalError, SurvivalRecord } from '../survival/types';
import type { CohortSelection } from './selectPatients';

export interface CoxTerm {
  /** The covariate name in the model. */
  readonly name: string;
  /** What its hazard ratio compares: "SD vs CR/PR", or "age (per 1 unit)". */
  readonly label: string;
}

/** Why a test is not shown, when that is not an error. */
export type NotApplicable = { readonly notApplicable: 'CONTINUOUS' | 'ONE_GROUP' };

export interface CohortAnalysis {
  readonly selection: CohortSelection;
  readonly curves: Result<KaplanMeierCurve[], SurvivalError>;
  readonly logRank: Result<LogRankTest, SurvivalError> | NotApplicable;
  readonly cox: { readonly terms: readonly CoxTerm[]; readonly model: Result<CoxModel, SurvivalError> } | NotApplicable;
}

export function analyseCohort(selection: CohortSelection): CohortAnalysis {
  const records: SurvivalRecord[] = selection.patients.map((p) => p.record);
  const levels = selection.levels;
  const curves = kaplanMeierByGroup(records, { levels });
  if (selection.continuous !== null) {
    const name = selection.continuous;
    return {
      selection,
      curves,
      logRank: { notApplicable: 'CONTINUOUS' },
      cox: { terms: [{ name, label: `${name} (per 1 unit)` }], model: coxPh(records, { covariates: [name] }) },
    };
  }
  if (levels.length < 2) return { selection, curves, logRank: { notApplicable: 'ONE_GROUP' }, cox: { notApplicable: 'ONE_GROUP' } };
  // Indicator names are the group labels themselves (no prefix): the model's own names stay readable.
  const coding = treatmentCoding('', levels);
  const coded = records.map((r) => ({ ...r, covariates: coding.encode(r.group as string) }));
  return {
    selection,
    curves,
    logRank: logRank(records, { levels }),
    cox: {
      terms: coding.names.map((name) => ({ name, label: `${name} vs ${coding.reference}` })),
      model: coxPh(coded, { covariates: coding.names }),
    },
  };
}

/** One row of the group table: Kaplan-Meier n, events and median with its CI, and the log-rank O and E. */
export interface GroupSummary {
  readonly group: string;
  readonly n: number;
  readonly events: number;
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly observed: number | null;
  readonly expected: number | null;
}

export function groupSummaries(analysis: CohortAnalysis): Result<GroupSummary[], SurvivalError> {
  if (!analysis.curves.ok) return analysis.curves;
  const test = 'ok' in analysis.logRank && analysis.logRank.ok ? analysis.logRank.value : null;
  return ok(analysis.curves.value.map((c) => {
    const g = test?.groups.find((x) => x.group === c.group);
    return {
      group: c.group ?? '',
      n: c.n,
      events: c.events,
      ...c.median,
      observed: g?.observed ?? null,
      expected: g?.expected ?? null,
    };
  }));
}
