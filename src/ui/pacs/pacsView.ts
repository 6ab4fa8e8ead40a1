// What the PACS panel shows: plain data the app computes, so the components only render it and send intents.
import type { PacsSeries, PacsStudy, StudySearch } from '../../pacs/pacsTypes';

export interface PacsStudyView {
  readonly study: PacsStudy;
  /** CT series only (what the viewer reads); undefined while they are being listed. */
  readonly series: readonly PacsSeries[] | undefined;
  /** Why the series could not be listed. */
  readonly seriesError?: string;
}

export type PacsSearchState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'searching' }
  | { readonly kind: 'found'; readonly studies: readonly PacsStudyView[] }
  | { readonly kind: 'failed'; readonly message: string; readonly detail: string };

export type PacsRetrieveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'retrieving'; readonly what: string; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly what: string; readonly message: string; readonly detail: string };

/** One report of the outbox as listed. */
export interface OutboxView {
  readonly id: string;
  readonly what: string;
  readonly state: 'waiting' | 'refused' | 'sent';
  readonly detail: string;
}

/** A time point with both a read in this browser and a different one in the PACS: the reader chooses. */
export interface ReadConflictView {
  readonly studyInstanceUid: string;
  readonly what: string;
  readonly local: string;
  readonly pacs: string;
}

export interface PacsPanelProps {
  readonly baseUrl: string;
  readonly onBaseUrlChange: (url: string) => void;
  readonly onSearch: (search: StudySearch) => void;
  readonly search: PacsSearchState;
  readonly onOpenSeries: (series: PacsSeries, study: PacsStudy) => void;
  readonly retrieve: PacsRetrieveState;
  /** Series retrieved in this session (their UIDs). */
  readonly opened: ReadonlySet<string>;
  readonly outbox: readonly OutboxView[];
  readonly onSendOutbox: () => void;
  /** Why the last sign-off's report could not be written, in words. */
  readonly reportNotice: string | undefined;
  readonly sending: boolean;
  /** What reading back the patient's SRs found (a line), or undefined before any. */
  readonly readBack: string | undefined;
  readonly conflicts: readonly ReadConflictView[];
  readonly onChooseRead: (studyInstanceUid: string, keep: 'local' | 'pacs') => void;
}
