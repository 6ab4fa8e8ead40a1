// Click to measure and Suggest, tied to the record: a click in a pane (or Suggest at a follow-up) is segmented in the
// one-click worker and offered as a proposal with its outline; Enter or a click elsewhere records it on the selected
// lesion through drawMeasurement, exactly as a drawn bidirectional measurement (undo, saving, a node's short axis);
// Esc discards it. A click where no lesion separates says why, in words, and draws nothing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CtInstance } from '../../dicom/ctInstance';
import type { ImagePointPx } from '../../tracking/types';
import type { ComparisonViewerProps } from '../../ui/viewer/ComparisonViewer';
import { brokenWords, notFoundWords, proposalWords, segmentRefusalWords, suggestRefusalWords } from '../../ui/viewer/oneClickWords';
import { measurementCaption } from '../../viewer/measurementLabel';
import type { MeasurementAxes } from '../../viewer/measurementShape';
import type { ProposedMeasurement } from '../../viewer/proposedMeasurement';
import { drawMeasurement } from '../tracking/drawMeasurement';
import type { RecordSession } from '../tracking/recordSession';
import { oneClickClient, sliceHu, warmUpSlice } from './oneClickClient';
import { proposalFromOutline, toPixelPoint } from './proposal';
import { insideOutline } from './insideOutline';
import { suggestTarget } from './suggestTarget';

/** The worker is started and warmed this long after the reading screen opens, out of the way of the first images. */
const WARM_UP_AFTER_MS = 3000;

/** How far from where the lesion was at baseline Suggest looks, in the plane. */
export const SUGGEST_WINDOW_MM = 20;

/** Marks for the bench and the browser's performance panel: click to outline received, and to outline painted. */
export const ONE_CLICK_MEASURE = 'recist:one-click';
export const ONE_CLICK_PAINTED = 'recist:one-click-painted';

interface Proposal {
  readonly paneKey: string;
  readonly slice: CtInstance;
  readonly measurement: ProposedMeasurement;
  readonly suggested: boolean;
}

type Status = ComparisonViewerProps['oneClickStatus'];

export type OneClickViewerProps = Pick<ComparisonViewerProps,
  'proposal' | 'oneClickStatus' | 'onSeedClicked' | 'onProposalEdited' | 'onProposalAccepted' | 'onProposalDiscarded' | 'onSuggest'>;

export function useOneClick(session: RecordSession): OneClickViewerProps {
  const [proposal, setProposalState] = useState<Proposal | undefined>(undefined);
  const [status, setStatus] = useState<Status>(undefined);
  const current = useRef<Proposal | undefined>(undefined);
  // Each request is numbered: an answer to one that a later click or key has overtaken is dropped.
  const request = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      oneClickClient().run({ kind: 'segment', slice: warmUpSlice(), seed: { row: 48, col: 48 } })
        .catch((thrown: unknown) => console.error('recist: one-click warm-up failed', thrown));
    }, WARM_UP_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  const setProposal = useCallback((next: Proposal | undefined) => {
    current.current = next;
    setProposalState(next);
  }, []);

  /** Who the proposal is for: the selected lesion ("T1"), else the lesion drawing would make ("new target"). */
  const forWhom = useCallback((slice: CtInstance): string => {
    const { tracked, derived, selectedLesionId } = session.latest.current;
    const lesion = tracked?.lesions.find((l) => l.id === selectedLesionId);
    if (lesion) return lesion.label;
    const tp = derived?.ordered.find((o) => o.row.studyInstanceUid === slice.studyInstanceUid);
    return tp?.ordinal === 0 ? 'new target' : 'new lesion';
  }, [session]);

  const offer = useCallback((next: Proposal) => {
    setProposal(next);
    const { measurement } = next;
    setStatus({ tone: 'info', text: proposalWords(forWhom(next.slice), measurementCaption('', measurement, measurement.pixelSpacingMm), next.suggested) });
  }, [forWhom, setProposal]);

  const accept = useCallback(() => {
    const p = current.current;
    if (!p) return;
    request.current++;
    setProposal(undefined);
    setStatus(undefined);
    // Its pane may have been given another series meanwhile (another follow-up chosen): then it is not recorded.
    const onScreen = session.latest.current.panes.some((pane) => pane.key === p.paneKey && pane.series.slices.includes(p.slice));
    if (!onScreen) return;
    const { longAxis, shortAxis } = p.measurement;
    void drawMeasurement({ slice: p.slice, tool: 'bidirectional', longAxis, shortAxis }, session);
  }, [session, setProposal]);

  const discard = useCallback(() => {
    request.current++;
    setProposal(undefined);
    setStatus(undefined);
  }, [setProposal]);

  const segmentAt = useCallback(async (paneKey: string, slice: CtInstance, point: ImagePointPx) => {
    const mine = ++request.current;
    const start = performance.now();
    setStatus({ tone: 'info', text: 'Outlining the lesion…' });
    const hu = await sliceHu(slice);
    if (mine !== request.current) return;
    if (!hu.ok) {
      setStatus({ tone: 'error', text: `No lesion could be separated here: ${hu.error}.` });
      return;
    }
    const result = await oneClickClient().run({ kind: 'segment', slice: hu.value, seed: toPixelPoint(point) });
    if (mine !== request.current) return;
    performance.measure(ONE_CLICK_MEASURE, { start });
    if (!result.ok) {
      setProposal(undefined);
      setStatus({ tone: 'error', text: segmentRefusalWords(result.error) });
      return;
    }
    if (!slice.pixelSpacingMm) return;
    offer({ paneKey, slice, measurement: proposalFromOutline(result.value, { ...slice, pixelSpacingMm: slice.pixelSpacingMm }, `Proposed ${forWhom(slice)}`), suggested: false });
    // Painted: React commits the proposal before the next frame.
    requestAnimationFrame(() => performance.measure(ONE_CLICK_PAINTED, { start }));
  }, [forWhom, offer, setProposal]);

  const onSeedClicked = useCallback((paneKey: string, slice: CtInstance, point: ImagePointPx) => {
    const p = current.current;
    // With a proposal on screen, a click inside its outline outlines again from there; a click elsewhere accepts it.
    if (p) {
      const onIt = p.paneKey === paneKey && p.slice === slice && insideOutline(toPixelPoint(point), p.measurement.contour.map(toPixelPoint));
      if (!onIt) return accept();
    }
    segmentAt(paneKey, slice, point).catch((thrown: unknown) => {
      setStatus({ tone: 'error', text: brokenWords('Click to measure', thrown) });
    });
  }, [accept, segmentAt]);

  const onProposalEdited = useCallback((axes: Required<MeasurementAxes>) => {
    const p = current.current;
    if (!p) return;
    const next = { ...p, measurement: { ...p.measurement, longAxis: axes.longAxis, shortAxis: axes.shortAxis } };
    offer(next);
  }, [offer]);

  const onSuggest = useCallback(() => {
    const { tracked, derived, selectedLesionId, panes } = session.latest.current;
    if (!tracked || !derived) return;
    const lesion = tracked.lesions.find((l) => l.id === selectedLesionId);
    const plan = suggestTarget({
      lesionId: lesion?.id,
      ordered: derived.ordered,
      panes,
      baselineMeasurements: (id, uid) => derived.index.measurements(id, uid),
    });
    if (!plan.ok) {
      setStatus({ tone: 'error', text: suggestRefusalWords(plan.error.code, lesion?.label) });
      return;
    }
    const label = lesion?.label ?? 'the lesion';
    const { baselineSlice, followUpSlice, followUpPaneKey } = plan.value;
    const mine = ++request.current;
    setProposal(undefined);
    setStatus({ tone: 'info', text: `Looking for ${label} near where it was at baseline…` });
    void (async () => {
      const [base, follow] = await Promise.all([sliceHu(baselineSlice), sliceHu(followUpSlice)]);
      if (mine !== request.current) return;
      if (!base.ok || !follow.ok) {
        setStatus({ tone: 'error', text: `${label} cannot be looked for: ${!base.ok ? base.error : !follow.ok ? follow.error : ''}.` });
        return;
      }
      const result = await oneClickClient().run({
        kind: 'suggest',
        baseline: { slice: base.value, centre: toPixelPoint(plan.value.baselineCentre), longAxisMm: plan.value.longAxisMm, shortAxisMm: plan.value.shortAxisMm },
        followUp: { slice: follow.value, centre: toPixelPoint(plan.value.followUpCentre) },
        windowMm: SUGGEST_WINDOW_MM,
      });
      if (mine !== request.current) return;
      if (!result.ok || !followUpSlice.pixelSpacingMm) {
        setStatus({ tone: 'error', text: notFoundWords(label, SUGGEST_WINDOW_MM) });
        return;
      }
      const measurement = proposalFromOutline(result.value.outline, { ...followUpSlice, pixelSpacingMm: followUpSlice.pixelSpacingMm }, `Suggested ${label}`);
      offer({ paneKey: followUpPaneKey, slice: followUpSlice, measurement, suggested: true });
      const { longAxis } = measurement;
      session.viewer.current?.reveal(followUpPaneKey, measurement.image, { x: (longAxis.start.x + longAxis.end.x) / 2, y: (longAxis.start.y + longAxis.end.y) / 2 });
    })().catch((thrown: unknown) => {
      setStatus({ tone: 'error', text: brokenWords('Suggest', thrown) });
    });
  }, [session, offer, setProposal]);

  const shown = useMemo(() => (proposal ? { paneKey: proposal.paneKey, measurement: proposal.measurement } : undefined), [proposal]);
  return {
    proposal: shown,
    oneClickStatus: status,
    onSeedClicked,
    onProposalEdited,
    onProposalAccepted: accept,
    onProposalDiscarded: discard,
    onSuggest,
  };
}
