// One DICOM file kept in the database so a study can be read again without picking its files.

export interface StoredImageRow {
  readonly studyInstanceUid: string;
  /** The file's path as it was picked (relative to the chosen folder); unique within the study. */
  readonly path: string;
  readonly bytes: ArrayBuffer;
  /** bytes.byteLength, kept in an index so sizes can be summed without reading any file's bytes. */
  readonly byteLength: number;
}
