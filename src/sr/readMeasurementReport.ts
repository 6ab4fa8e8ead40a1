// A TID 1500 Imaging Measurement Report -> the lesions, measurements, states and responses it holds (types.ts,
// ReadReport). Ours come back whole; of another tool's SR we take what maps onto the record: its measurement groups
// with a tracking identifier, long / short axis (or length) in mm and their polylines.
import { dicomDateToIso } from '../dicom/dicomDate';
import type { LesionCategory } from '../recist/types';
import { uidFromName } from '../phantom/uid';
import { err, ok, type Result } from '../shared/result';
import type { Organ, Segment } from '../tracking/types';
import {
  CODES, keyOfCode, NEW_LESION_CODES, NON_TARGET_RESPONSE_CODES, ORGAN_CODES, OVERALL_RESPONSE_CODES, RESPONSE_SOURCE_CODES,
  sameCode, STATE_CODES, TARGET_RESPONSE_CODES, type Code,
} from './codes';
import { contentItem, itemsOf, stringOf, type ContentItem } from './contentTree';
import type { DataSet } from './dataSet';
import { displayName, isoFromDicom, isoFromDicomDateTime } from './dicomText';
import { readPart10 } from './readPart10';
import { TAGS } from './tags';
import type { ReadAxis, ReadLesion, ReadMeasurement, ReadReport, ReadResponses, SrReadError } from './types';

const SR_CLASS_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';
/** Length (410668003, SCT): what OHIF and dcmjs write for a plain length measurement; read as a long axis. */
const LENGTH: Code = { value: '410668003', scheme: 'SCT', meaning: 'Length' };

const named = (items: readonly ContentItem[], name: Code) => items.filter((i) => sameCode(i.name, name));
const first = (items: readonly ContentItem[], name: Code) => named(items, name)[0];

const CATEGORY_OF_BASELINE: Readonly<Record<string, LesionCategory>> = { '112074': 'target', '112075': 'non-target', '112076': 'new' };

function organOf(items: readonly ContentItem[]): Organ {
  const site = first(items, CODES.findingSite)?.code;
  return keyOfCode(ORGAN_CODES, site) ?? 'other';
}

/** The polyline an axis was inferred from, and the image it was selected from. */
function axisOf(item: ContentItem): { axis: ReadAxis; image: ContentItem['image'] } | undefined {
  if (item.number === undefined) return undefined;
  const scoord = item.children.find((c) => c.valueType === 'SCOORD' && c.graphicType === 'POLYLINE' && (c.points?.length ?? 0) >= 4);
  const p = scoord?.points ?? [];
  const segment: Segment | undefined = scoord === undefined ? undefined
    : { start: { x: p[0] ?? 0, y: p[1] ?? 0 }, end: { x: p[p.length - 2] ?? 0, y: p[p.length - 1] ?? 0 } };
  const image = scoord?.children.find((c) => c.valueType === 'IMAGE')?.image;
  return { axis: { mm: item.number, ...(segment ? { segment } : {}) }, image };
}

interface Group {
  readonly trackingUid: string;
  readonly lesion: Omit<ReadLesion, 'measurements'>;
  readonly measurement: ReadMeasurement | undefined;
}

function groupOf(group: ContentItem, index: number, sop: string, seriesOf: (sopInstanceUid: string) => string, studyUid: string): Group {
  const items = group.children;
  const trackingUid = first(items, CODES.trackingUid)?.text || uidFromName(`recist-reader/sr-group/${sop}/${index}`);
  const baseline = first(items, CODES.baselineCategory)?.code;
  // Another tool's group has no baseline category: a lesion it measured is taken as a target.
  const category = (baseline?.scheme === 'DCM' ? CATEGORY_OF_BASELINE[baseline.value] : undefined) ?? 'target';
  const long = first(items, CODES.longAxis) ?? first(items, LENGTH);
  const short = first(items, CODES.shortAxis);
  const longAxis = long === undefined ? undefined : axisOf(long);
  const shortAxis = short === undefined ? undefined : axisOf(short);
  const ref = longAxis?.image ?? shortAxis?.image;
  const measurement: ReadMeasurement | undefined = longAxis === undefined ? undefined : {
    tool: shortAxis === undefined ? 'long-axis' : 'bidirectional',
    longAxis: longAxis.axis,
    ...(shortAxis === undefined ? {} : { shortAxis: shortAxis.axis }),
    ...(ref === undefined ? {} : {
      image: {
        studyInstanceUid: studyUid, seriesInstanceUid: seriesOf(ref.sopInstanceUid), sopInstanceUid: ref.sopInstanceUid,
        frameNumber: ref.frameNumber ?? 1, sopClassUid: ref.sopClassUid,
      },
    }),
  };
  const organ = organOf(items);
  const stateCode = first(items, CODES.lesionState)?.code;
  const merged = first(items, CODES.mergedInto)?.text;
  return {
    trackingUid,
    lesion: {
      trackingUid,
      label: first(items, CODES.trackingIdentifier)?.text || `M${index + 1}`,
      category,
      organ,
      nodal: organ === 'lymph node',
      location: first(items, CODES.lesionLocation)?.text ?? '',
      // Another tool's group has no state: a measured length is a measured lesion.
      state: keyOfCode(STATE_CODES, stateCode) ?? (measurement === undefined ? undefined : 'measured'),
      ...(merged ? { mergedIntoTrackingUid: merged } : {}),
    },
    measurement,
  };
}

/** Groups of one lesion (a split lesion writes one per fragment) -> one lesion with its measurements in order. */
function lesionsOf(groups: readonly Group[]): ReadLesion[] {
  const byUid = new Map<string, { lesion: Group['lesion']; measurements: ReadMeasurement[] }>();
  for (const g of groups) {
    const seen = byUid.get(g.trackingUid) ?? { lesion: g.lesion, measurements: [] };
    if (g.measurement !== undefined) seen.measurements.push(g.measurement);
    byUid.set(g.trackingUid, seen);
  }
  return [...byUid.values()].map(({ lesion, measurements }) => ({ ...lesion, measurements }));
}

function responsesOf(root: readonly ContentItem[]): ReadResponses | undefined {
  const evaluations = first(root, CODES.qualitativeEvaluations)?.children ?? [];
  const method = first(evaluations, CODES.responseEvaluationMethod)?.code;
  if (!sameCode(method, CODES.recist11)) return undefined;
  const sum = first(evaluations, CODES.sumOfDiameters)?.number;
  return {
    method: 'RECIST 1.1',
    target: keyOfCode(TARGET_RESPONSE_CODES, first(evaluations, CODES.targetResponse)?.code),
    nonTarget: keyOfCode(NON_TARGET_RESPONSE_CODES, first(evaluations, CODES.nonTargetResponse)?.code),
    newLesions: keyOfCode(NEW_LESION_CODES, first(evaluations, CODES.newLesions)?.code),
    overall: keyOfCode(OVERALL_RESPONSE_CODES, first(evaluations, CODES.overallResponse)?.code),
    source: keyOfCode(RESPONSE_SOURCE_CODES, first(evaluations, CODES.responseSource)?.code),
    reason: first(evaluations, CODES.responseReason)?.text ?? '',
    sumOfDiametersMm: sum,
  };
}

/** SOP Instance UID -> its series, from the evidence sequence (an IMAGE item names no series). */
function seriesIndex(ds: DataSet): Map<string, string> {
  const out = new Map<string, string>();
  for (const study of itemsOf(ds, TAGS.CurrentRequestedProcedureEvidenceSequence.tag)) {
    for (const series of itemsOf(study, TAGS.ReferencedSeriesSequence.tag)) {
      const seriesUid = stringOf(series, TAGS.SeriesInstanceUID.tag);
      for (const sop of itemsOf(series, TAGS.ReferencedSOPSequence.tag)) out.set(stringOf(sop, TAGS.ReferencedSOPInstanceUID.tag), seriesUid);
    }
  }
  return out;
}

function signOffOf(ds: DataSet): ReadReport['signOff'] {
  if (stringOf(ds, TAGS.VerificationFlag.tag) !== 'VERIFIED') return undefined;
  const verifier = itemsOf(ds, TAGS.VerifyingObserverSequence.tag)[0];
  if (verifier === undefined) return undefined;
  const at = isoFromDicomDateTime(stringOf(verifier, TAGS.VerificationDateTime.tag));
  return at === undefined ? undefined : { reader: displayName(stringOf(verifier, TAGS.VerifyingObserverName.tag)), at };
}

export function readMeasurementReport(bytes: Uint8Array): Result<ReadReport, SrReadError> {
  const file = readPart10(bytes);
  if (!file.ok) return file;
  const ds = file.value.dataSet;
  const sopClassUid = stringOf(ds, TAGS.SOPClassUID.tag);
  if (!sopClassUid.startsWith(SR_CLASS_PREFIX)) return err({ code: 'NOT_SR', sopClassUid });
  const root = contentItem(ds);
  if (root.valueType !== 'CONTAINER' || !sameCode(root.name, CODES.imagingMeasurementReport)) {
    return err({ code: 'NOT_TID1500', title: root.name?.meaning ?? '(no title)' });
  }
  const studyInstanceUid = stringOf(ds, TAGS.StudyInstanceUID.tag);
  const sopInstanceUid = stringOf(ds, TAGS.SOPInstanceUID.tag);
  if (studyInstanceUid === '' || sopInstanceUid === '') return err({ code: 'DAMAGED', detail: 'the SR has no Study or SOP Instance UID' });
  const series = seriesIndex(ds);
  const measurements = first(root.children, CODES.imagingMeasurements)?.children ?? [];
  const groups = named(measurements, CODES.measurementGroup)
    .map((g, i) => groupOf(g, i, sopInstanceUid, (sop) => series.get(sop) ?? '', studyInstanceUid));
  const timepointLabel = groups.length === 0 ? '' : (first(named(measurements, CODES.measurementGroup)[0]?.children ?? [], CODES.timePoint)?.text ?? '');
  const completion = stringOf(ds, TAGS.CompletionFlag.tag) === 'COMPLETE' ? 'COMPLETE' : 'PARTIAL';
  const contentDateTime = isoFromDicom(stringOf(ds, TAGS.ContentDate.tag), stringOf(ds, TAGS.ContentTime.tag), stringOf(ds, TAGS.TimezoneOffsetFromUTC.tag)) ?? '';
  return ok({
    sopClassUid,
    sopInstanceUid,
    seriesInstanceUid: stringOf(ds, TAGS.SeriesInstanceUID.tag),
    studyInstanceUid,
    patient: { id: stringOf(ds, TAGS.PatientID.tag), name: displayName(stringOf(ds, TAGS.PatientName.tag)) },
    studyDate: dicomDateToIso(stringOf(ds, TAGS.StudyDate.tag)) ?? '',
    studyDescription: stringOf(ds, TAGS.StudyDescription.tag),
    timepointLabel,
    observers: named(root.children, CODES.personObserverName).map((o) => displayName(o.text ?? '')),
    signOff: signOffOf(ds),
    completion,
    contentDateTime,
    lesions: lesionsOf(groups),
    responses: responsesOf(root.children),
  });
}
