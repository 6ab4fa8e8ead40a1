// An SR data set's content tree (PS3.3 C.17.3) as plain values, for the reader: each item's relationship, value
// type, concept name and value, with its children. What a value type carries that we do not read stays out.
import type { DataSet, Element } from './dataSet';
import type { Code } from './codes';
import { TAGS } from './tags';

export interface ImageRefItem {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  /** Absent: the whole image (single frame). */
  readonly frameNumber: number | undefined;
}

export interface ContentItem {
  readonly relationship: string;
  readonly valueType: string;
  readonly name: Code | undefined;
  /** CODE */
  readonly code?: Code;
  /** TEXT, UIDREF, PNAME */
  readonly text?: string;
  /** NUM */
  readonly number?: number;
  readonly unit?: Code;
  /** SCOORD */
  readonly graphicType?: string;
  readonly points?: readonly number[];
  /** IMAGE */
  readonly image?: ImageRefItem;
  readonly children: readonly ContentItem[];
}

export const element = (ds: DataSet, t: number): Element | undefined => ds.find((e) => e.tag === t);

export function stringOf(ds: DataSet, t: number): string {
  const e = element(ds, t);
  return e !== undefined && e.vr !== 'SQ' && e.vr !== 'OB' && e.vr !== 'UN' && typeof e.value[0] === 'string' ? e.value.join('\\') : '';
}

export function itemsOf(ds: DataSet, t: number): readonly DataSet[] {
  const e = element(ds, t);
  return e?.vr === 'SQ' ? e.value : [];
}

function numbersOf(ds: DataSet, t: number): readonly number[] {
  const e = element(ds, t);
  if (e === undefined) return [];
  if (e.vr === 'FL' || e.vr === 'FD' || e.vr === 'SL' || e.vr === 'SS' || e.vr === 'UL' || e.vr === 'US') return e.value;
  // An implicit-VR file read without knowing GraphicData's VR keeps its bytes: FL, four bytes a value.
  if (e.vr === 'UN' || e.vr === 'OB') {
    const view = new DataView(e.value.buffer, e.value.byteOffset, e.value.byteLength);
    return Array.from({ length: Math.floor(e.value.length / 4) }, (_, i) => view.getFloat32(i * 4, true));
  }
  return [];
}

export function codeOf(ds: DataSet | undefined): Code | undefined {
  if (ds === undefined) return undefined;
  const value = stringOf(ds, TAGS.CodeValue.tag);
  const scheme = stringOf(ds, TAGS.CodingSchemeDesignator.tag);
  return value === '' && scheme === '' ? undefined : { value, scheme, meaning: stringOf(ds, TAGS.CodeMeaning.tag) };
}

export function imageRefOf(ds: DataSet): ImageRefItem | undefined {
  const ref = itemsOf(ds, TAGS.ReferencedSOPSequence.tag)[0];
  if (ref === undefined) return undefined;
  const frame = stringOf(ref, TAGS.ReferencedFrameNumber.tag).split('\\')[0] ?? '';
  return {
    sopClassUid: stringOf(ref, TAGS.ReferencedSOPClassUID.tag),
    sopInstanceUid: stringOf(ref, TAGS.ReferencedSOPInstanceUID.tag),
    frameNumber: /^\d+$/.test(frame) ? Number(frame) : undefined,
  };
}

/** One content item and its descendants. */
export function contentItem(ds: DataSet): ContentItem {
  const valueType = stringOf(ds, TAGS.ValueType.tag);
  const base = {
    relationship: stringOf(ds, TAGS.RelationshipType.tag),
    valueType,
    name: codeOf(itemsOf(ds, TAGS.ConceptNameCodeSequence.tag)[0]),
    children: itemsOf(ds, TAGS.ContentSequence.tag).map(contentItem),
  };
  switch (valueType) {
    case 'CODE': return { ...base, code: codeOf(itemsOf(ds, TAGS.ConceptCodeSequence.tag)[0]) };
    case 'TEXT': return { ...base, text: stringOf(ds, TAGS.TextValue.tag) };
    case 'UIDREF': return { ...base, text: stringOf(ds, TAGS.UID.tag) };
    case 'PNAME': return { ...base, text: stringOf(ds, TAGS.PersonName.tag) };
    case 'NUM': {
      const measured = itemsOf(ds, TAGS.MeasuredValueSequence.tag)[0];
      const text = measured === undefined ? '' : stringOf(measured, TAGS.NumericValue.tag).trim();
      const number = text === '' ? undefined : Number(text);
      const unit = measured === undefined ? undefined : codeOf(itemsOf(measured, TAGS.MeasurementUnitsCodeSequence.tag)[0]);
      return { ...base, ...(number !== undefined && Number.isFinite(number) ? { number } : {}), ...(unit ? { unit } : {}) };
    }
    case 'SCOORD': return { ...base, graphicType: stringOf(ds, TAGS.GraphicType.tag), points: numbersOf(ds, TAGS.GraphicData.tag) };
    case 'IMAGE': {
      const image = imageRefOf(ds);
      return image === undefined ? base : { ...base, image };
    }
    default: return base;
  }
}
