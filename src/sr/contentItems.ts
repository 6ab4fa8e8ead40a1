// SR content items (PS3.3 C.17.3) as data set items: one function per value type we write. An empty ContentSequence
// is left out (dciodvfy calls it an error), and every numeric value is written as DS text PS3.5 accepts.
import { seq, str, num, type DataSet, type Element } from './dataSet';
import type { Code } from './codes';
import { TAGS } from './tags';

export type Relationship = 'CONTAINS' | 'HAS OBS CONTEXT' | 'HAS CONCEPT MOD' | 'HAS PROPERTIES' | 'INFERRED FROM' | 'SELECTED FROM';

export const codeItem = (code: Code): DataSet => [
  str(TAGS.CodeValue.tag, 'SH', code.value),
  str(TAGS.CodingSchemeDesignator.tag, 'SH', code.scheme),
  str(TAGS.CodeMeaning.tag, 'LO', code.meaning),
];

const children = (content: readonly DataSet[]): Element[] => (content.length === 0 ? [] : [seq(TAGS.ContentSequence.tag, ...content)]);

function item(relationship: Relationship | undefined, valueType: string, name: Code, rest: readonly Element[], content: readonly DataSet[] = []): DataSet {
  return [
    ...(relationship === undefined ? [] : [str(TAGS.RelationshipType.tag, 'CS', relationship)]),
    str(TAGS.ValueType.tag, 'CS', valueType),
    seq(TAGS.ConceptNameCodeSequence.tag, codeItem(name)),
    ...rest,
    ...children(content),
  ];
}

export function container(relationship: Relationship | undefined, name: Code, content: readonly DataSet[], templateId?: string): DataSet {
  const template = templateId === undefined ? [] : [seq(TAGS.ContentTemplateSequence.tag, [
    str(TAGS.MappingResource.tag, 'CS', 'DCMR'),
    str(TAGS.TemplateIdentifier.tag, 'CS', templateId),
  ])];
  return item(relationship, 'CONTAINER', name, [str(TAGS.ContinuityOfContent.tag, 'CS', 'SEPARATE'), ...template], content);
}

export const code = (relationship: Relationship, name: Code, value: Code, content: readonly DataSet[] = []): DataSet =>
  item(relationship, 'CODE', name, [seq(TAGS.ConceptCodeSequence.tag, codeItem(value))], content);

export const text = (relationship: Relationship, name: Code, value: string): DataSet =>
  item(relationship, 'TEXT', name, [str(TAGS.TextValue.tag, 'UT', value)]);

export const uidRef = (relationship: Relationship, name: Code, value: string): DataSet =>
  item(relationship, 'UIDREF', name, [str(TAGS.UID.tag, 'UI', value)]);

export const personName = (relationship: Relationship, name: Code, value: string): DataSet =>
  item(relationship, 'PNAME', name, [str(TAGS.PersonName.tag, 'PN', value)]);

/** DS holds at most 16 characters: a length in mm to 0.1 mm, or a count, always fits. */
export function decimalString(value: number): string {
  const text = String(value);
  if (text.length > 16 || !Number.isFinite(value)) throw new Error(`${value} does not fit a DS value`);
  return text;
}

export const numeric = (relationship: Relationship, name: Code, value: number, unit: Code, content: readonly DataSet[] = []): DataSet =>
  item(relationship, 'NUM', name, [seq(TAGS.MeasuredValueSequence.tag, [
    seq(TAGS.MeasurementUnitsCodeSequence.tag, codeItem(unit)),
    str(TAGS.NumericValue.tag, 'DS', decimalString(value)),
  ])], content);

export interface ImageReference {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  /** Only for a multi-frame image (PS3.3 C.17.3.2.2: absent means every frame). */
  readonly frameNumber?: number;
}

export function referencedSop(ref: ImageReference): Element {
  return seq(TAGS.ReferencedSOPSequence.tag, [
    str(TAGS.ReferencedSOPClassUID.tag, 'UI', ref.sopClassUid),
    str(TAGS.ReferencedSOPInstanceUID.tag, 'UI', ref.sopInstanceUid),
    ...(ref.frameNumber === undefined ? [] : [str(TAGS.ReferencedFrameNumber.tag, 'IS', String(ref.frameNumber))]),
  ]);
}

/** An IMAGE item: a reference with no concept name (PS3.3 C.17.3: the name is optional for IMAGE). */
export const image = (relationship: Relationship, ref: ImageReference): DataSet => [
  str(TAGS.RelationshipType.tag, 'CS', relationship),
  str(TAGS.ValueType.tag, 'CS', 'IMAGE'),
  referencedSop(ref),
];

/** A SCOORD POLYLINE in image pixel coordinates (column, row pairs), SELECTED FROM the image it lies on. */
export const polyline = (relationship: Relationship, points: readonly { x: number; y: number }[], ref: ImageReference): DataSet => [
  str(TAGS.RelationshipType.tag, 'CS', relationship),
  str(TAGS.ValueType.tag, 'CS', 'SCOORD'),
  num(TAGS.GraphicData.tag, 'FL', ...points.flatMap((p) => [p.x, p.y])),
  str(TAGS.GraphicType.tag, 'CS', 'POLYLINE'),
  seq(TAGS.ContentSequence.tag, image('SELECTED FROM', ref)),
];
