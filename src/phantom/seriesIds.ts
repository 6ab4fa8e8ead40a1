// The UIDs of one series, all derived from a scope name ('RR-0001/baseline'), so they never change.
import { uidFromName } from './uid';

export const SERIES_NUMBER = 2;

export interface SeriesIds {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly frameOfReferenceUid: string;
  sopInstanceUid(instanceNumber: number): string;
}

export function seriesIds(scope: string): SeriesIds {
  return {
    studyInstanceUid: uidFromName(`recist-reader/${scope}/study`),
    seriesInstanceUid: uidFromName(`recist-reader/${scope}/series/${SERIES_NUMBER}`),
    frameOfReferenceUid: uidFromName(`recist-reader/${scope}/frame-of-reference`),
    sopInstanceUid: (instanceNumber) =>
      uidFromName(`recist-reader/${scope}/series/${SERIES_NUMBER}/instance/${instanceNumber}`),
  };
}

/** Names the files and the File Meta of everything the phantom writes. */
export const IMPLEMENTATION_CLASS_UID = uidFromName('recist-reader/phantom/implementation');
/** At most 16 characters (SH). */
export const IMPLEMENTATION_VERSION_NAME = 'RR_PHANTOM_1';
