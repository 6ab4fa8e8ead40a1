// Which studies of this browser's record came from the PACS, kept in this browser: a time point of such a study
// signed off after a reload (its images kept in the browser, say) still has its SR written and sent, not only
// one signed off in the page session that opened it.
import type { PacsStudy } from '../../pacs/pacsTypes';

const STUDIES_KEY = 'recist.pacsStudiesOpened';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const isText = (v: unknown): v is string => typeof v === 'string';

/** A stored entry is used only when it still has the shape the report needs; anything else is dropped. */
function asStudy(value: unknown): PacsStudy | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isText(v.studyInstanceUid) || v.studyInstanceUid === '' || !isText(v.patientId) || !isText(v.accessionNumber)) return undefined;
  return {
    studyInstanceUid: v.studyInstanceUid,
    patientId: v.patientId,
    patientName: isText(v.patientName) ? v.patientName : '',
    date: isText(v.date) ? v.date : undefined,
    description: isText(v.description) ? v.description : '',
    accessionNumber: v.accessionNumber,
    modalities: Array.isArray(v.modalities) ? v.modalities.filter(isText) : [],
    instanceCount: typeof v.instanceCount === 'number' ? v.instanceCount : undefined,
  };
}

export function readPacsStudiesOpened(storage: KeyValueStore | undefined = globalThis.localStorage): readonly PacsStudy[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STUDIES_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.flatMap((s) => asStudy(s) ?? []) : [];
  } catch {
    return [];
  }
}

/** The list with `study` in it (once, the newest copy), written back to the browser. */
export function rememberPacsStudy(
  study: PacsStudy,
  list: readonly PacsStudy[],
  storage: KeyValueStore | undefined = globalThis.localStorage,
): readonly PacsStudy[] {
  const next = [...list.filter((s) => s.studyInstanceUid !== study.studyInstanceUid), study];
  try {
    storage?.setItem(STUDIES_KEY, JSON.stringify(next));
  } catch {
    // Storage refused (private mode): the list holds for this page only.
  }
  return next;
}
