// What became of each chosen file: how many gave images, and one line per file (or frame) that did not, with why.
import type { DicomError, DicomErrorCode } from './dicomError';
import type { CtSeries } from './ctSeries';
import type { SkippedFiles } from './loadError';
import type { SeriesNote } from './seriesNotes';

export interface ImportProblem {
  readonly file: string;
  readonly code: DicomErrorCode;
  /** Technical detail (parser message, UID, byte counts); the UI words the code. */
  readonly detail: string | undefined;
  /**
   * Set when a frame failed to decode after the file was imported (its header was fine): the file's other frames
   * still show, and this one is drawn blank. `count` is the file's NumberOfFrames.
   */
  readonly frame: { readonly number: number; readonly count: number } | undefined;
}

/** Something odd about a series that was loaded (it is shown, with this said on it). */
export interface SeriesNotice {
  readonly seriesInstanceUid: string;
  readonly description: string;
  readonly note: SeriesNote;
}

export interface ImportReport {
  /** Files looked at (everything in the chosen folders, recursively). */
  readonly filesSeen: number;
  /** Files that gave at least one slice. */
  readonly filesWithImages: number;
  readonly slices: number;
  /** In the order they happened: header problems first (file order), decode problems as they occur. */
  readonly problems: readonly ImportProblem[];
  /** Each series' notes (mixed orientations, duplicated positions, uneven spacing, extra pixel data), series by series. */
  readonly notices: readonly SeriesNotice[];
}

export const emptyReport = (filesSeen = 0): ImportReport => ({ filesSeen, filesWithImages: 0, slices: 0, problems: [], notices: [] });

export const noticesOf = (series: readonly CtSeries[]): SeriesNotice[] =>
  series.flatMap((s) => s.notes.map((note) => ({ seriesInstanceUid: s.seriesInstanceUid, description: s.description, note })));

export const problemOf = (error: DicomError, frame?: { number: number; count: number }): ImportProblem =>
  ({ file: error.file, code: error.code, detail: error.detail, frame });

/** A late problem (a frame that did not decode) added once: the same frame failing twice is one line. */
export function withProblem(report: ImportReport, problem: ImportProblem): ImportReport {
  const seen = report.problems.some((p) =>
    p.file === problem.file && p.frame?.number === problem.frame?.number && p.code === problem.code);
  return seen ? report : { ...report, problems: [...report.problems, problem] };
}

/** Files (not frames) left out, per reason: a frame that failed after import does not make its file skipped. */
export function skippedByCode(report: ImportReport): SkippedFiles {
  const counts: Partial<Record<DicomErrorCode, number>> = {};
  for (const { code, frame } of report.problems) {
    if (frame === undefined) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}
