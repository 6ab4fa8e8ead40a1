// One patient's RECIST 1.1 assessment: every time point in date order, then best overall response and the
// progression date. Pure: the same records give the same result, on any machine, at any time.
import { checkBaseline } from './baselineChecks';
import { borderlineFlags, describeBorderline } from './borderline';
import { type FollowUpResponse, bestOverallResponse } from './bestOverallResponse';
import { mm } from './explain';
import { assessNewLesions } from './newLesions';
import { assessNonTargets } from './nonTargetResponse';
import { overallResponse } from './overallResponse';
import { PrContinuation } from './prContinuation';
import { type TargetHistory, assessTargets, isGoneValue } from './targetResponse';
import { targetValue } from './targetValue';
import {
  type AssessOptions,
  type BorderlineFlag,
  type ComponentResponse,
  type IsoDate,
  type PatientAssessment,
  type PatientRecord,
  type TimepointAssessment,
  type TimepointRecord,
  type TimepointResponse,
  type WarningCode,
  combineMeasurementSources,
} from './types';
import { type Micrometres, ZERO_MM, addMicrometres } from './units';
import { daysBetween } from '../shared/isoDate';

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
const NO_WARNINGS: readonly WarningCode[] = [];
const NO_FLAGS: readonly BorderlineFlag[] = [];

type Findings = Omit<TimepointAssessment, 'explanation'>;

/**
 * A follow-up's result whose explanation is written only when read, then kept: assessing a cohort for its labels
 * does not pay for megabytes of text, and a reader who looks sees exactly the same words.
 */
class FollowUpAssessment implements TimepointAssessment {
  readonly label: string;
  readonly scanDate: string;
  readonly daysFromBaseline: number;
  readonly isBaseline: boolean;
  readonly targetSum: Findings['targetSum'];
  readonly baselineSum: Findings['baselineSum'];
  readonly nadirSum: Findings['nadirSum'];
  readonly nadirDate: Findings['nadirDate'];
  readonly targetResponse: Findings['targetResponse'];
  readonly nonTargetResponse: Findings['nonTargetResponse'];
  readonly newLesions: Findings['newLesions'];
  readonly overallResponse: Findings['overallResponse'];
  readonly responseSource: Findings['responseSource'];
  readonly measurementSource: Findings['measurementSource'];
  readonly borderline: Findings['borderline'];
  readonly warnings: Findings['warnings'];
  #explain: (() => string) | null;
  #explanation = '';

  constructor(findings: Findings, explain: () => string) {
    this.label = findings.label;
    this.scanDate = findings.scanDate;
    this.daysFromBaseline = findings.daysFromBaseline;
    this.isBaseline = findings.isBaseline;
    this.targetSum = findings.targetSum;
    this.baselineSum = findings.baselineSum;
    this.nadirSum = findings.nadirSum;
    this.nadirDate = findings.nadirDate;
    this.targetResponse = findings.targetResponse;
    this.nonTargetResponse = findings.nonTargetResponse;
    this.newLesions = findings.newLesions;
    this.overallResponse = findings.overallResponse;
    this.responseSource = findings.responseSource;
    this.measurementSource = findings.measurementSource;
    this.borderline = findings.borderline;
    this.warnings = findings.warnings;
    this.#explain = explain;
  }

  get explanation(): string {
    if (this.#explain !== null) {
      this.#explanation = this.#explain();
      this.#explain = null;
    }
    return this.#explanation;
  }

  /** Plain data (JSON, structured clone, spreading) carries the explanation as a field. */
  toJSON(): TimepointAssessment {
    return { ...this, explanation: this.explanation };
  }
}

function baselineSumOf(baseline: TimepointRecord): Micrometres {
  return baseline.targets.reduce((sum, t) => {
    const v = targetValue(t);
    if (!v.known) throw new Error(`baseline target ${t.lesionId} has no value; the input reader must refuse it`);
    return addMicrometres(sum, v.value);
  }, ZERO_MM);
}

export function assessPatient(patient: PatientRecord, options: AssessOptions): PatientAssessment {
  const timepoints = [...patient.timepoints].sort((a, b) => (a.scanDate < b.scanDate ? -1 : a.scanDate > b.scanDate ? 1 : 0));
  const baseline = timepoints[0];
  if (baseline === undefined) throw new Error(`patient ${patient.patientId} has no time point`);
  if (baseline.assigned) throw new Error(`patient ${patient.patientId}: a baseline has no response to assign; the input reader must refuse it`);
  const hasTargets = baseline.targets.length > 0;
  const hasNonTargets = baseline.nonTargets.length > 0;
  const findings = checkBaseline(baseline);
  const baselineSum = baselineSumOf(baseline);

  const baselineRow: TimepointAssessment = {
    label: baseline.label,
    scanDate: baseline.scanDate,
    daysFromBaseline: 0,
    isBaseline: true,
    targetSum: hasTargets ? baselineSum : null,
    baselineSum: hasTargets ? baselineSum : null,
    nadirSum: null,
    nadirDate: null,
    targetResponse: null,
    nonTargetResponse: null,
    newLesions: null,
    overallResponse: null,
    responseSource: null,
    measurementSource: baseline.measurementSource ?? null,
    borderline: NO_FLAGS,
    warnings: unique(findings.map((f) => f.code)),
    explanation: [
      hasTargets
        ? `Baseline: sum ${mm(baselineSum)} of ${baseline.targets.length} target${baseline.targets.length === 1 ? '' : 's'}`
        : 'Baseline: no target lesion',
      `${baseline.nonTargets.length} non-target`,
      ...findings.map((f) => f.message),
    ].join('; '),
  };

  const rows: TimepointAssessment[] = [baselineRow];
  let nadir = { sum: baselineSum, date: baseline.scanDate };
  let previousOverall: TimepointResponse | null = null;
  let gone: ReadonlySet<string> = new Set(
    baseline.targets.filter((t) => {
      const v = targetValue(t);
      return v.known && isGoneValue(v.value, t.nodal);
    }).map((t) => t.lesionId),
  );
  let nonTargetsGone: ReadonlySet<string> = new Set();
  const pr = new PrContinuation(options);
  const equivocalSince = new Map<string, IsoDate>();
  const progressionDates: IsoDate[] = [];

  for (const tp of timepoints.slice(1)) {
    const days = daysBetween(baseline.scanDate, tp.scanDate);
    if (tp.assigned) {
      // The reader's response stands for the whole time point: it enters the sequence of overall responses (best
      // response, confirmation, SD duration, progression date) and leaves the lesion history (nadir, continuing PR)
      // as the last measured time point left it, since it carries no measurement; an assigned CR also says that
      // every lesion has gone.
      const assigned = tp.assigned;
      if (assigned.response === 'PD') progressionDates.push(tp.scanDate);
      rows.push({
        label: tp.label,
        scanDate: tp.scanDate,
        daysFromBaseline: days,
        isBaseline: false,
        targetSum: null,
        baselineSum: hasTargets ? baselineSum : null,
        nadirSum: hasTargets ? nadir.sum : null,
        nadirDate: hasTargets ? nadir.date : null,
        targetResponse: null,
        nonTargetResponse: null,
        newLesions: null,
        overallResponse: assigned.response,
        responseSource: 'assigned',
        measurementSource: null,
        borderline: NO_FLAGS,
        warnings: NO_WARNINGS,
        explanation: `${assigned.response} (assigned by the reader from the report: "${assigned.reason}")`,
      });
      previousOverall = assigned.response;
      // An assigned CR says every lesion has gone: a lesion seen again after it is a reappearance, and PD (FAQ).
      if (assigned.response === 'CR') {
        gone = new Set(baseline.targets.map((t) => t.lesionId));
        nonTargetsGone = new Set(baseline.nonTargets.map((t) => t.lesionId));
      }
      continue;
    }
    const history: TargetHistory = { baselineSum, nadir, previousOverall, gone, prReached: pr.reached, prPolicy: options.prPolicy };
    const target = hasTargets ? assessTargets(baseline.targets, tp.targets, history) : null;
    const nonTarget = hasNonTargets ? assessNonTargets(baseline.nonTargets, tp.nonTargets, previousOverall, nonTargetsGone) : null;
    const newLesions = assessNewLesions(tp.newLesions);
    const targetResponse: ComponentResponse = target?.response ?? 'NA';
    const nonTargetResponse: ComponentResponse = nonTarget?.response ?? 'NA';
    const overall = overallResponse({ target: targetResponse, nonTarget: nonTargetResponse, newLesions: newLesions.finding });

    for (const id of newLesions.equivocal) if (!equivocalSince.has(id)) equivocalSince.set(id, tp.scanDate);
    const backDated = newLesions.unequivocal.flatMap((id) => {
      const since = equivocalSince.get(id);
      return since !== undefined && since < tp.scanDate ? [{ id, since }] : [];
    });
    if (overall.response === 'PD') progressionDates.push(tp.scanDate);
    progressionDates.push(...backDated.map((b) => b.since));

    const targetIncomplete = target !== null && target.notAssessed.length > 0;
    const nonTargetIncomplete = nonTarget !== null && nonTarget.incomplete;
    const warnings: readonly WarningCode[] =
      targetIncomplete || nonTargetIncomplete || newLesions.warnings.length > 0
        ? [
            ...(targetIncomplete ? (['TARGET_NOT_ASSESSED'] as const) : []),
            ...(nonTargetIncomplete ? (['NONTARGET_NOT_ASSESSED'] as const) : []),
            ...newLesions.warnings,
          ]
        : NO_WARNINGS;

    const borderline =
      target !== null && target.sum !== null
        ? borderlineFlags({ baselineTargets: baseline.targets, observations: tp.targets, sum: target.sum, baselineSum, nadirSum: nadir.sum }, options.borderline)
        : NO_FLAGS;
    rows.push(
      new FollowUpAssessment(
        {
          label: tp.label,
          scanDate: tp.scanDate,
          daysFromBaseline: days,
          isBaseline: false,
          targetSum: target?.sum ?? null,
          baselineSum: hasTargets ? baselineSum : null,
          nadirSum: hasTargets ? nadir.sum : null,
          nadirDate: hasTargets ? nadir.date : null,
          targetResponse,
          nonTargetResponse,
          newLesions: newLesions.finding,
          overallResponse: overall.response,
          responseSource: 'computed',
          measurementSource: tp.measurementSource ?? null,
          borderline,
          warnings,
        },
        () =>
          [
            `${overall.response} (${overall.rule})`,
            target ? target.explain() : 'no target lesion',
            nonTarget ? nonTarget.explain() : 'no non-target lesion',
            newLesions.explain() || 'no new lesion',
            ...(borderline.length > 0 ? [`Borderline: ${borderline.map(describeBorderline).join('; ')}`] : []),
            ...backDated.map((b) => `${b.id} was equivocal on ${b.since}: progression dates from that scan`),
          ].join('. '),
      ),
    );

    if (target) {
      if (target.sum !== null && target.sum < nadir.sum) nadir = { sum: target.sum, date: tp.scanDate };
      gone = target.gone;
      pr.record(target.response, target.continuingPr, days);
    }
    if (nonTarget) nonTargetsGone = nonTarget.gone;
    previousOverall = overall.response;
  }

  const progressionDate = progressionDates.length > 0 ? progressionDates.reduce((a, b) => (b < a ? b : a)) : null;
  const followUps: FollowUpResponse[] = rows
    .filter((r) => !r.isBaseline)
    .map((r) => ({ scanDate: r.scanDate, daysFromBaseline: r.daysFromBaseline, response: r.overallResponse as TimepointResponse }));
  const best = bestOverallResponse(followUps, progressionDate, options, hasTargets ? 'SD' : 'NON-CR/NON-PD');
  const lastScan = timepoints[timepoints.length - 1] as TimepointRecord;
  const patientWarnings: WarningCode[] = unique([
    ...rows.flatMap((r) => r.warnings),
    ...(timepoints.length === 1 ? (['NO_FOLLOWUP'] as const) : []),
  ]);
  return {
    patientId: patient.patientId,
    ...(patient.reader === undefined ? {} : { reader: patient.reader }),
    baselineDate: baseline.scanDate,
    lastScanDate: lastScan.scanDate,
    timepoints: rows,
    bestOverallResponse: best.response,
    bestResponseDate: best.date,
    progressionDate,
    measurementSource: combineMeasurementSources(rows.map((r) => r.measurementSource)),
    warnings: patientWarnings,
    bestResponseExplanation: best.explanation,
  };
}
