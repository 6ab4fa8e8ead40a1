// Everything the cohort screen shows, for one table and one choice: the controls and their options, the warning,
// the figure, and the tables as text. The React screen renders this and nothing else.
import { assertNever } from '../shared/assertNever';
import { analyseCohort, groupSummaries, type CohortAnalysis } from './analyseCohort';
import type { CohortChoice, Endpoint, NumericUse, ResponseSplit, TimeUnit } from './cohortChoice';
import {
  ACCRUED_COLUMNS,
  ACCRUED_DURING_FOLLOW_UP_WARNING,
  describeExclusion,
  describeSelectionError,
  GUARANTEE_TIME_WARNING,
  type Words,
} from './cohortMessages';
import {
  analysisTitle,
  ENDPOINT_LABELS,
  groupingKey,
  groupingOptions,
  NUMERIC_USE_LABELS,
  numericUses,
  SPLIT_LABELS,
  timeFromLabel,
  type Option,
} from './cohortLabels';
import { numberLabel } from './covariateGroups';
import { formatDays, formatMonths, formatP, formatRatio, formatSignificant } from './formatStats';
import type { CohortTable } from './patientCsv';
import { kaplanMeierPlot, type PlotModel } from './plotModel';
import { selectPatients } from './selectPatients';
import { describeSurvivalError } from './survivalMessages';

export interface Select<T extends string> {
  readonly value: T;
  readonly options: readonly Option[];
}

export interface CohortControls {
  readonly endpoint: Select<Endpoint>;
  readonly grouping: Select<string>;
  /** For a response grouping. */
  readonly split: Select<ResponseSplit> | null;
  /** For a numeric covariate. */
  readonly use: Select<NumericUse> | null;
  readonly unit: Select<TimeUnit>;
}

export interface GroupRow {
  readonly group: string;
  readonly colour: string;
  readonly n: number;
  readonly events: number;
  readonly median: string;
  readonly ci: string;
  readonly medianMonths: string;
}

export interface AnalysisView {
  readonly analysis: CohortAnalysis;
  readonly plot: PlotModel | null;
  readonly analysed: number;
  /** "12 not evaluable (NE)", one per reason. */
  readonly excluded: readonly string[];
  readonly note: string | null;
  readonly groups: { readonly ok: true; readonly rows: readonly GroupRow[] } | { readonly ok: false; readonly message: string };
  readonly logRank: { readonly ok: true; readonly chiSquare: string; readonly df: string; readonly p: string } | { readonly ok: false; readonly message: string };
  readonly cox:
    | { readonly ok: true; readonly rows: readonly { label: string; hr: string; ci: string; p: string }[]; readonly tests: string; readonly n: string }
    | { readonly ok: false; readonly message: string };
}

export interface CohortView {
  readonly choice: CohortChoice;
  readonly controls: CohortControls;
  /** "Overall survival from the landmark (day 91), by response at the landmark: CR/PR vs SD vs PD". */
  readonly title: string;
  readonly warning: Words | null;
  readonly result: { readonly ok: true; readonly value: AnalysisView } | { readonly ok: false; readonly error: Words };
}

const options = <T extends string>(labels: Record<T, string>, only?: readonly T[]): Option[] =>
  (only ?? (Object.keys(labels) as T[])).map((value) => ({ value, label: labels[value] }));

function controls(table: CohortTable, choice: CohortChoice): CohortControls {
  const g = choice.grouping;
  const column = g.kind === 'covariate' ? table.covariates.find((c) => c.name === g.column) : undefined;
  return {
    endpoint: { value: choice.endpoint, options: options(ENDPOINT_LABELS) },
    grouping: { value: groupingKey(g), options: groupingOptions(table) },
    split: g.kind === 'covariate' ? null : { value: g.split, options: options(SPLIT_LABELS) },
    use: g.kind === 'covariate' && column?.kind === 'numeric' ? { value: g.use, options: options(NUMERIC_USE_LABELS, numericUses(column)) } : null,
    unit: { value: choice.timeUnit, options: [{ value: 'months', label: 'Months' }, { value: 'days', label: 'Days' }] },
  };
}

function warningOf(choice: CohortChoice): Words | null {
  const g = choice.grouping;
  switch (g.kind) {
    case 'landmark':
      return null;
    case 'best-response':
      return GUARANTEE_TIME_WARNING;
    case 'covariate':
      return ACCRUED_COLUMNS.has(g.column) ? ACCRUED_DURING_FOLLOW_UP_WARNING : null;
    default:
      return assertNever(g, 'grouping');
  }
}

export function cohortView(table: CohortTable, choice: CohortChoice): CohortView {
  const base = { choice, controls: controls(table, choice), warning: warningOf(choice) };
  const selection = selectPatients(table, choice);
  if (!selection.ok) {
    const origin = choice.grouping.kind === 'landmark' && table.landmarkDays !== null ? { kind: 'landmark' as const, days: table.landmarkDays } : { kind: 'origin' as const };
    const { title, subtitle } = analysisTitle(choice, origin);
    return { ...base, title: `${title}, ${subtitle}`, result: { ok: false, error: describeSelectionError(selection.error, choice.endpoint, table.landmarkDays) } };
  }
  const s = selection.value;
  const analysis = analyseCohort(s);
  const lines = s.patients.map((p) => p.line);
  const why = (error: Parameters<typeof describeSurvivalError>[0]) => describeSurvivalError(error, lines);
  const { title, subtitle } = analysisTitle(choice, s.origin);
  const plot = analysis.curves.ok
    ? kaplanMeierPlot({ curves: analysis.curves.value, unit: choice.timeUnit, title, subtitle, yLabel: ENDPOINT_LABELS[choice.endpoint], timeFrom: timeFromLabel(s.origin) })
    : null;
  const colour = (group: string) => plot?.curves.find((c) => c.group === group)?.colour ?? 'currentColor';
  const summaries = groupSummaries(analysis);
  const landmarkDays = s.origin.kind === 'landmark' ? s.origin.days : table.landmarkDays;
  const column = choice.grouping.kind === 'covariate' ? choice.grouping.column : '';
  return {
    ...base,
    title: `${title}, ${subtitle}`,
    result: {
      ok: true,
      value: {
        analysis,
        plot,
        analysed: s.patients.length,
        excluded: s.excluded.map((e) => describeExclusion(e.reason, e.count, choice.endpoint, landmarkDays)),
        note: s.median === null ? null : `Split at the median of ${column} among the patients analysed: ${numberLabel(s.median)}.`,
        groups: summaries.ok
          ? {
              ok: true,
              rows: summaries.value.map((g) => ({
                group: g.group,
                colour: colour(g.group),
                n: g.n,
                events: g.events,
                median: formatDays(g.median),
                ci: `${formatDays(g.lower)}–${formatDays(g.upper)}`,
                medianMonths: formatMonths(g.median),
              })),
            }
          : { ok: false, message: `Kaplan-Meier: ${why(summaries.error)}` },
        logRank: logRankView(analysis, why),
        cox: coxView(analysis, why),
      },
    },
  };
}

type Why = (error: Parameters<typeof describeSurvivalError>[0]) => string;

function logRankView(analysis: CohortAnalysis, why: Why): AnalysisView['logRank'] {
  const t = analysis.logRank;
  if ('notApplicable' in t) {
    return { ok: false, message: t.notApplicable === 'CONTINUOUS' ? 'No log-rank test: a continuous covariate has no groups to compare; see the Cox model.' : 'No log-rank test: there is only one group.' };
  }
  if (!t.ok) return { ok: false, message: `Log-rank test: ${why(t.error)}` };
  return { ok: true, chiSquare: formatSignificant(t.value.statistic), df: String(t.value.df), p: formatP(t.value.pValue) };
}

function coxView(analysis: CohortAnalysis, why: Why): AnalysisView['cox'] {
  const c = analysis.cox;
  if ('notApplicable' in c) return { ok: false, message: 'No Cox model: there is only one group.' };
  if (!c.model.ok) return { ok: false, message: `Cox model: ${why(c.model.error)}` };
  const m = c.model.value;
  const test = (name: string, t: typeof m.wald) => `${name} ${formatSignificant(t.statistic)} on ${t.df} df, p = ${formatP(t.pValue)}`;
  return {
    ok: true,
    n: `n = ${m.n}, ${m.events} events, Efron ties`,
    rows: m.coefficients.map((k) => ({
      label: c.terms.find((t) => t.name === k.name)?.label ?? k.name,
      hr: formatRatio(k.hazardRatio),
      ci: `${formatRatio(k.lower)}–${formatRatio(k.upper)}`,
      p: formatP(k.p),
    })),
    tests: [test('Likelihood ratio', m.likelihoodRatio), test('Wald', m.wald), test('Score (log-rank)', m.score)].join(' · '),
  };
}
