// The follow-up pane of the sample comparison: which follow-up is shown, loading another when the reader picks it
// in the pane's header. The pane keeps showing the previous follow-up until the chosen one is ready.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeLoadError } from '../ui/messages';
import type { LoadedSeries } from '../ui/screenState';
import type { ComparisonPane } from '../ui/viewer/ComparisonViewer';
import { FollowUpSelect } from '../ui/viewer/FollowUpSelect';
import { rememberFollowUp } from './followUpToOpen';
import { loadSampleStudy } from './loadSampleStudy';
import type { SampleComparison, SampleStudyChoice } from './sampleComparison';

interface FollowUpState {
  readonly choices: readonly SampleStudyChoice[];
  readonly shown: { readonly folder: string; readonly loaded: LoadedSeries };
  readonly pending: string | undefined;
  readonly problem: string | undefined;
}

export interface SampleFollowUp {
  /** The follow-up pane(s) for the ComparisonViewer: none until a comparison has loaded. */
  readonly panes: readonly ComparisonPane[];
  /** Called with each freshly loaded sample comparison. */
  readonly start: (comparison: SampleComparison) => void;
}

/** `record`: the database of the reader reading now, whose follow-up choice is remembered. */
export function useSampleFollowUp(record: string): SampleFollowUp {
  const [state, setState] = useState<FollowUpState | undefined>(undefined);
  const loading = useRef<AbortController | null>(null);
  const patientId = useRef<string | undefined>(undefined);
  useEffect(() => () => loading.current?.abort(), []);

  const start = useCallback((comparison: SampleComparison) => {
    loading.current?.abort();
    patientId.current = comparison.patientId;
    setState(comparison.followUp
      ? { choices: comparison.followUps, shown: comparison.followUp, pending: undefined, problem: undefined }
      : undefined);
  }, []);

  const choose = useCallback((folder: string) => {
    // The follow-up being read opens again after a reload.
    if (patientId.current !== undefined) rememberFollowUp(record, patientId.current, folder);
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    setState((s) => s && { ...s, pending: folder, problem: undefined });
    loadSampleStudy({ folder, signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      setState((s) => s && (result.ok
        ? { ...s, shown: { folder, loaded: result.value }, pending: undefined }
        : { ...s, pending: undefined, problem: describeLoadError(result.error).message }));
    }, (thrown: unknown) => {
      if (!controller.signal.aborted) throw thrown;
    });
  }, [record]);

  if (!state) return { panes: [], start };
  const { shown, choices, pending, problem } = state;
  const label = shown.loaded.source.kind === 'sample' ? shown.loaded.source.studyLabel : shown.folder;
  return {
    start,
    panes: [{
      key: `followup:${shown.folder}:${shown.loaded.series.seriesInstanceUid}`,
      series: shown.loaded.series,
      title: label,
      timePoint: label,
      header: (
        <FollowUpSelect
          options={choices.map((c) => ({ value: c.folder, label: c.label }))}
          value={pending ?? shown.folder}
          onChange={choose}
          busy={pending !== undefined}
          problem={problem}
        />
      ),
    }],
  };
}
