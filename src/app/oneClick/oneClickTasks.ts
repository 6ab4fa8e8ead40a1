// What the one-click worker does with a request: a click's segmentation, or a follow-up suggestion whose priors come
// from the baseline lesion segmented again at the centre of its measurement (its HU and band; its size is the
// reader's measurement). Pure, so tests run it without a worker.
import { segmentLesion } from '../../segment/segmentLesion';
import type { OneClickAnswer, OneClickReply, OneClickRequest, SegmentRequest, SuggestRequest } from './oneClickProtocol';
import { suggestLesion, type LesionPriors } from './suggestLesion';

export function runOneClick(request: SegmentRequest): OneClickAnswer<SegmentRequest>;
export function runOneClick(request: SuggestRequest): OneClickAnswer<SuggestRequest>;
export function runOneClick(request: OneClickRequest): Extract<OneClickReply, { ok: true }>['value'];
export function runOneClick(request: OneClickRequest): Extract<OneClickReply, { ok: true }>['value'] {
  switch (request.kind) {
    case 'segment':
      return segmentLesion(request.slice, request.seed);
    case 'suggest': {
      const { baseline, followUp, windowMm } = request;
      const atBaseline = segmentLesion(baseline.slice, baseline.centre);
      // The reader's measurement is the size; the segmentation adds the density when the baseline lesion separates.
      const priors: LesionPriors = atBaseline.ok
        ? { longAxisMm: baseline.longAxisMm, lesionHu: atBaseline.value.lesionHu, band: atBaseline.value.band }
        : { longAxisMm: baseline.longAxisMm };
      return suggestLesion(followUp.slice, followUp.centre, priors, windowMm);
    }
  }
}
