// What the PACS panel lists: studies and series as QIDO-RS describes them, before any image is retrieved.

export interface PacsStudy {
  readonly studyInstanceUid: string;
  readonly patientId: string;
  readonly patientName: string;
  /** ISO YYYY-MM-DD, undefined when the PACS gave no valid StudyDate. */
  readonly date: string | undefined;
  readonly description: string;
  readonly accessionNumber: string;
  readonly modalities: readonly string[];
  readonly instanceCount: number | undefined;
}

export interface PacsSeries {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly modality: string;
  readonly description: string;
  readonly seriesNumber: number | undefined;
  readonly instanceCount: number | undefined;
}

/** One instance of a series, in the order the viewer stacks them (worked out from the series metadata). */
export interface PacsInstance {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
}

/** The search form: every field optional, all given ones must match. */
export interface StudySearch {
  readonly patientId?: string;
  /** Matched as DICOM does: `*` wildcards; a plain word matches names starting with it. */
  readonly patientName?: string;
  /** ISO dates, inclusive. */
  readonly dateFrom?: string;
  readonly dateTo?: string;
  readonly accessionNumber?: string;
}
