// Writes to lesions: create, correct, delete. Labels, the nodal flag and the first finding are set here and only
// here, so every lesion in the database obeys the same rules.
import type { LesionCategory } from '../recist/types';
import type { Result } from '../shared/result';
import { ORGANS, type FindingRow, type LesionRow, type Organ } from '../tracking/types';
import { nowIso } from './clock';
import type { RecistDatabase } from './database';
import { findingId } from './findingId';
import { firstFindingState } from './findingRules';
import { LESION_CATEGORIES } from './findingStates';
import { nextFreeLabel } from './lesionLabels';
import { findingsMergedInto, removeMergesInto, translateFindings } from './lesionFindings';
import { requireLesion, requirePatient } from './lookups';
import { requireNoneLocked, requireUnlockedOf, studiesOfLesion } from './locks';
import { invalid, type StoreError } from './storeError';
import { fail, writeTransaction } from './storeTransaction';

export interface NewLesion {
  readonly patientId: string;
  readonly category: LesionCategory;
  readonly organ: Organ;
  readonly location: string;
  readonly firstStudyInstanceUid: string;
}

export interface LesionChanges {
  readonly organ?: Organ;
  readonly location?: string;
  readonly category?: LesionCategory;
}

// The inputs' types already say this; checked again because the values come from UI pick lists and stored drafts.
function checkCategoryAndOrgan(category: LesionCategory | undefined, organ: Organ | undefined): void {
  if (category !== undefined && !LESION_CATEGORIES.includes(category)) fail(invalid('MALFORMED_INPUT', `category "${String(category)}"`));
  if (organ !== undefined && !ORGANS.includes(organ)) fail(invalid('MALFORMED_INPUT', `organ "${String(organ)}"`));
}

const isNodal = (organ: Organ): boolean => organ === 'lymph node';

async function labelsOfPatient(db: RecistDatabase, patientId: string, except?: string): Promise<string[]> {
  const lesions = await db.lesions.where('patientId').equals(patientId).toArray();
  return lesions.filter((l) => l.id !== except).map((l) => l.label);
}

/**
 * Records a lesion at its first time point, with the next free label of its category and its first finding
 * (non-target 'present', new lesion 'unequivocal'; a target has none until measured).
 */
export function createLesion(db: RecistDatabase, input: NewLesion): Promise<Result<LesionRow, StoreError>> {
  return writeTransaction(db, [db.patients, db.timepoints, db.lesions, db.findings], async () => {
    checkCategoryAndOrgan(input.category, input.organ);
    await requirePatient(db, input.patientId);
    await requireUnlockedOf(db, input.firstStudyInstanceUid, input.patientId);
    const lesion: LesionRow = {
      id: crypto.randomUUID(),
      patientId: input.patientId,
      label: nextFreeLabel(input.category, await labelsOfPatient(db, input.patientId)),
      category: input.category,
      organ: input.organ,
      nodal: isNodal(input.organ),
      location: input.location,
      firstStudyInstanceUid: input.firstStudyInstanceUid,
      createdAt: nowIso(),
    };
    await db.lesions.add(lesion);
    const state = firstFindingState(input.category);
    if (state !== undefined) {
      const finding: FindingRow = {
        id: findingId(lesion.id, lesion.firstStudyInstanceUid),
        patientId: lesion.patientId,
        lesionId: lesion.id,
        studyInstanceUid: lesion.firstStudyInstanceUid,
        state,
        updatedAt: lesion.createdAt,
      };
      await db.findings.put(finding);
    }
    return lesion;
  });
}

/**
 * Corrects a lesion's organ, location or category. Nodal follows the organ. A new category gives the next free
 * label of that category and rewrites its findings (see findingRules.translatedState); a target that others were
 * merged into loses those merges. Refused while any time point the lesion (or a merge into it) is recorded at is signed off.
 */
export function updateLesion(db: RecistDatabase, id: string, changes: LesionChanges): Promise<Result<LesionRow, StoreError>> {
  return writeTransaction(db, [db.timepoints, db.lesions, db.findings, db.measurements], async () => {
    checkCategoryAndOrgan(changes.category, changes.organ);
    const before = await requireLesion(db, id);
    const category = changes.category ?? before.category;
    const organ = changes.organ ?? before.organ;
    const recategorised = category !== before.category;
    const merges = recategorised && before.category === 'target' ? await findingsMergedInto(db, before) : [];
    await requireNoneLocked(db, [...(await studiesOfLesion(db, before)), ...merges.map((f) => f.studyInstanceUid)]);
    const lesion: LesionRow = {
      ...before,
      organ,
      nodal: isNodal(organ),
      location: changes.location ?? before.location,
      category,
      label: recategorised ? nextFreeLabel(category, await labelsOfPatient(db, before.patientId, id)) : before.label,
    };
    await db.lesions.put(lesion);
    if (recategorised) {
      await translateFindings(db, lesion, category);
      if (before.category === 'target') await removeMergesInto(db, before);
    }
    return lesion;
  });
}

/** Deletes the lesion with all its findings and measurements, and any merges of other targets into it. */
export function deleteLesion(db: RecistDatabase, id: string): Promise<Result<LesionRow, StoreError>> {
  return writeTransaction(db, [db.timepoints, db.lesions, db.findings, db.measurements], async () => {
    const lesion = await requireLesion(db, id);
    const merges = await findingsMergedInto(db, lesion);
    await requireNoneLocked(db, [...(await studiesOfLesion(db, lesion)), ...merges.map((f) => f.studyInstanceUid)]);
    await removeMergesInto(db, lesion);
    await db.findings.where('lesionId').equals(id).delete();
    await db.measurements.where('lesionId').equals(id).delete();
    await db.lesions.delete(id);
    return lesion;
  });
}
