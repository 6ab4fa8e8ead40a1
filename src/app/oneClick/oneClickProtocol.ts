// The messages between the app and the one-click worker (oneClickWorker.ts): a slice's stored values go in (a copy:
// the pixel cache keeps its own), an outline or the reason there is none comes back.
import type { Result } from '../../shared/result';
import type { LesionOutline, PixelPoint, SegmentFailure, SliceHu } from '../../segment/types';
import type { Suggestion, SuggestFailure } from './suggestLesion';

/** One click: the lesion at `seed` on `slice`. */
export interface SegmentRequest {
  readonly kind: 'segment';
  readonly slice: SliceHu;
  readonly seed: PixelPoint;
}

/**
 * The lesion measured at baseline (its slice and the centre of its measurement, with its diameters), looked for on a
 * follow-up slice round `centre` within `windowMm`.
 */
export interface SuggestRequest {
  readonly kind: 'suggest';
  readonly baseline: { readonly slice: SliceHu; readonly centre: PixelPoint; readonly longAxisMm: number; readonly shortAxisMm: number | undefined };
  readonly followUp: { readonly slice: SliceHu; readonly centre: PixelPoint };
  readonly windowMm: number;
}

export type OneClickRequest = SegmentRequest | SuggestRequest;

export type OneClickAnswer<R extends OneClickRequest> = R extends SegmentRequest
  ? Result<LesionOutline, SegmentFailure>
  : Result<Suggestion, SuggestFailure>;

export type OneClickMessage = OneClickRequest & { readonly id: number };

export type OneClickReply =
  | {
    readonly id: number;
    readonly ok: true;
    readonly value: Result<LesionOutline, SegmentFailure> | Result<Suggestion, SuggestFailure>;
    /** The worker's own time on it: the rest of a round trip is the copy of the slice and the two messages. */
    readonly workerMs: number;
  }
  /** The worker threw: a bug, reported as such. */
  | { readonly id: number; readonly ok: false; readonly message: string };
