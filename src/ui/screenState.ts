// What the first screen shows: produced by src/app, rendered by src/ui.
import type { CtSeries } from '../dicom/ctSeries';
import type { ImportReport } from '../dicom/importReport';
import type { LoadError, SkippedFiles } from '../dicom/loadError';
import type { PatientNode } from '../dicom/studyTree';
import type { LoadProgressFeed } from './loadProgressFeed';

/** Where the displayed series came from, for the header and the status line. */
export type SeriesSource =
  | { readonly kind: 'sample'; readonly studyLabel: string; readonly studyDate: string; readonly fileCount: number }
  | { readonly kind: 'local'; readonly fileCount: number; readonly seriesCount: number; readonly skipped: SkippedFiles };

export interface LoadedSeries {
  readonly series: CtSeries;
  readonly source: SeriesSource;
}

export type ScreenState =
  | { readonly status: 'loading'; readonly progress: LoadProgressFeed }
  | {
      readonly status: 'ready';
      readonly loaded: LoadedSeries;
      /**
       * A newer load under way: what is on screen stays (under its progress) until that load is ready. Tearing the
       * screen down for a loading panel and building it again costs the new first image tens of milliseconds.
       */
      readonly pending?: LoadProgressFeed;
      /** The last load found nothing to show: what is on screen stays, and this is said over it. */
      readonly failedLoad?: FailedLoad;
    }
  | { readonly status: 'error'; readonly error: LoadError; readonly report?: ImportReport | undefined };

/** Why a load gave nothing to show, and for an import of files, which files and why each gave no image. */
export interface FailedLoad {
  readonly error: LoadError;
  readonly report: ImportReport | undefined;
}

/** What the last import found, for the study browser and the import report. */
export interface ImportedLibrary {
  readonly tree: readonly PatientNode[];
  readonly report: ImportReport;
}
