// Upgrade steps between schema versions. Each runs once, inside Dexie's version-change transaction, when a browser
// opens a database written by an older version of the app; if it throws, the whole upgrade rolls back.
import type { Transaction } from 'dexie';

/** A measurement's image reference as version 1 wrote it: single-frame files only, so no frame number. */
interface ImageRefV1 {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  frameNumber?: number;
}

/** Version 2 reads multi-frame files: every image reference names its 1-based frame; v1 images were frame 1. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('measurements')
    .toCollection()
    .modify((row: { image?: ImageRefV1 }) => {
      // A row without an image is left as it is: restore reports it rather than the upgrade guessing one.
      if (row.image !== undefined && typeof row.image.frameNumber !== 'number') row.image.frameNumber = 1;
    });
}
