// Every schema version the app has shipped, as Dexie store strings. Never edit a shipped version: add a new one
// (and an upgrade step in migrations.ts when existing rows must change). First key = primary key; `[a+b]` = compound.

/** Version 1: the reader's record, every table read per patient by `patientId`. */
export const SCHEMA_V1 = {
  patients: 'id',
  timepoints: 'studyInstanceUid, patientId',
  lesions: 'id, patientId',
  findings: 'id, patientId, lesionId, studyInstanceUid',
  measurements: 'id, patientId, lesionId, studyInstanceUid',
} as const;

/**
 * Version 2: measurements gain `[lesionId+studyInstanceUid]` (a lesion's measurements at one time point, asked by
 * every measurement write) and the `images` table keeps a study's files. `[studyInstanceUid+byteLength]` lets
 * storedStudies sum sizes from the index alone, without loading megabytes of pixel data.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  measurements: 'id, patientId, lesionId, studyInstanceUid, [lesionId+studyInstanceUid]',
  images: '[studyInstanceUid+path], studyInstanceUid, [studyInstanceUid+byteLength]',
} as const;

/**
 * Version 3: `studyKeys` keeps the de-identification key (patient id -> study code and date offset) on this machine
 * only; `&code` makes every study code unique. Patients gain optional clinical fields (no index, no upgrade step:
 * rows without them stay valid).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  studyKeys: 'patientId, &code',
} as const;

/**
 * Version 4: time points read from radiology reports. Time points gain optional `report` (report date, accession
 * number, quoted sentence) and `assigned` (the reader's overall response with its reason); no new index and no
 * upgrade step: v3 rows without them are image time points, which is what they are.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
} as const;

/**
 * Version 5: `outbox` keeps each DICOM SR the app writes for the PACS until the PACS has it (and after, marked
 * sent). `state` is indexed to list what is still to send. A new table: existing rows do not change.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  outbox: 'id, state, patientId',
} as const;

/** The schema version this build writes; a backup from a later one is refused (backupFile.ts). */
export const CURRENT_SCHEMA_VERSION = 5;
