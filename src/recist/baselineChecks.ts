// Baseline conformance (RECIST-RULES.md, "Baseline: what may be a target"). The reader decides; the engine
// only warns and never drops a lesion.
import { organGroup } from './organ';
import { targetValue } from './targetValue';
import { isMeasurableTarget } from './thresholds';
import type { TimepointRecord, WarningCode } from './types';

export const MAX_TARGETS = 5;
export const MAX_TARGETS_PER_ORGAN = 2;

export interface BaselineFinding {
  readonly code: WarningCode;
  readonly message: string;
}

export function checkBaseline(baseline: TimepointRecord): BaselineFinding[] {
  const findings: BaselineFinding[] = [];
  const targets = baseline.targets;
  if (targets.length > MAX_TARGETS) {
    findings.push({ code: 'TOO_MANY_TARGETS', message: `${targets.length} target lesions (at most ${MAX_TARGETS})` });
  }
  const perOrgan = new Map<string, string[]>();
  for (const t of targets) {
    const group = organGroup(t);
    perOrgan.set(group, [...(perOrgan.get(group) ?? []), t.lesionId]);
  }
  for (const [organ, ids] of perOrgan) {
    if (ids.length > MAX_TARGETS_PER_ORGAN) {
      findings.push({
        code: 'TOO_MANY_TARGETS_PER_ORGAN',
        message: `${ids.length} targets in ${organ} (${ids.join(', ')}; at most ${MAX_TARGETS_PER_ORGAN} per organ)`,
      });
    }
  }
  for (const t of targets) {
    const v = targetValue(t);
    const measuredOk = v.known && t.fragments.every((f) => f.state === 'measured') && isMeasurableTarget(v.value, t.nodal);
    if (!measuredOk) {
      const need = t.nodal ? 'a node needs a short axis >= 15 mm' : 'needs a long axis >= 10 mm';
      findings.push({ code: 'TARGET_NOT_MEASURABLE', message: `${t.lesionId} is not measurable at baseline (${need})` });
    }
  }
  for (const nt of baseline.nonTargets) {
    if (nt.state !== 'present') {
      findings.push({
        code: 'NONTARGET_ABSENT_AT_BASELINE',
        message: `non-target ${nt.lesionId} is recorded as ${nt.state} at baseline`,
      });
    }
  }
  if (targets.length === 0 && baseline.nonTargets.length === 0) {
    findings.push({ code: 'NO_BASELINE_DISEASE', message: 'no target or non-target lesion at baseline' });
  }
  return findings;
}
