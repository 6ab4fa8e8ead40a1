// One time point of one patient -> a DICOM Comprehensive SR holding a TID 1500 Imaging Measurement Report: one
// Measurement Group per lesion (TID 1501: tracking identifier and UID, time point, finding site, long and short axis
// with their polylines on the image, category and state), and the time point's RECIST 1.1 responses as qualitative
// evaluations. The tree, item by item, and every code are in docs/sr.md.
import { assessTracked } from '../export/assessTracked';
import type { TimepointAssessment } from '../recist/types';
import { toMmRounded } from '../recist/units';
import { uidFromName, fnv1a128 } from '../phantom/uid';
import { err, ok, type Result } from '../shared/result';
import { axesMm } from '../tracking/measurementValues';
import { isReportTimepoint, measurementSource } from '../tracking/source';
import { orderTimepoints } from '../tracking/timepoints';
import { compareLabels } from '../tracking/toPatientRecord';
import type { FindingRow, LesionRow, MeasurementRow } from '../tracking/types';
import {
  CODES, LOCAL_SCHEME, LOCAL_SCHEME_NAME, LOCAL_SCHEME_ORGANIZATION, NEW_LESION_CODES, NON_TARGET_RESPONSE_CODES,
  ORGAN_CODES, OVERALL_RESPONSE_CODES, RESPONSE_SOURCE_CODES, STATE_CODES, TARGET_RESPONSE_CODES, type Code,
} from './codes';
import { code, container, image, numeric, personName, polyline, referencedSop, text, uidRef, type ImageReference } from './contentItems';
import { seq, str, type DataSet, type Element } from './dataSet';
import { dicomDate, dicomMoment, personNameValue } from './dicomText';
import { TAGS } from './tags';
import { trackingUidOfLesion } from './trackingUid';
import type { MeasurementReportFile, MeasurementReportInput, SrWriteError } from './types';
import { encodeDataSet, writePart10 } from './writePart10';

export const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';
export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
export const ENHANCED_CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2.1';
/** The SR series' number in the study: high, so PACS viewers list it after the images. */
export const SR_SERIES_NUMBER = 900;
export const SR_SERIES_DESCRIPTION = 'RECIST 1.1 measurements';
export const SR_IMPLEMENTATION_CLASS_UID = uidFromName('recist-reader/sr/implementation');
export const SR_IMPLEMENTATION_VERSION = 'RECIST_READER_SR';
export const MANUFACTURER = 'recist-reader';
/** The record keeps no site name: said so, since the Verifying Organization must have a value. */
export const NO_ORGANIZATION = 'Not recorded';

interface ReferencedImage extends ImageReference {
  readonly seriesInstanceUid: string;
}

const byCreation = (a: MeasurementRow, b: MeasurementRow) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

function imageOf(m: MeasurementRow, sopClassUids: ReadonlyMap<string, string> | undefined): ReferencedImage | undefined {
  if (measurementSource(m) !== 'image') return undefined;
  const { sopInstanceUid, seriesInstanceUid, frameNumber } = m.image;
  const sopClassUid = sopClassUids?.get(sopInstanceUid) ?? (frameNumber > 1 ? ENHANCED_CT_IMAGE_STORAGE : CT_IMAGE_STORAGE);
  return { sopClassUid, sopInstanceUid, seriesInstanceUid, ...(frameNumber > 1 ? { frameNumber } : {}) };
}

/** Long axis, and short axis for a bidirectional one: NUM in mm, each INFERRED FROM its polyline when drawn on an image. */
function measurementItems(m: MeasurementRow, ref: ReferencedImage | undefined): DataSet[] {
  const axes = axesMm(m);
  const line = (segment: MeasurementRow['longAxis']) => (ref === undefined ? [] : [polyline('INFERRED FROM', [segment.start, segment.end], ref)]);
  const items = [numeric('CONTAINS', CODES.longAxis, axes.longAxisMm, CODES.millimetre, line(m.longAxis))];
  if (m.shortAxis !== undefined && axes.shortAxisMm !== undefined) {
    items.push(numeric('CONTAINS', CODES.shortAxis, axes.shortAxisMm, CODES.millimetre, line(m.shortAxis)));
  }
  return items;
}

const BASELINE_CATEGORY: Record<LesionRow['category'], Code> = {
  target: CODES.targetAtBaseline,
  'non-target': CODES.nonTargetAtBaseline,
  new: CODES.nonLesionAtBaseline,
};

interface TimepointContext {
  readonly label: string;
  readonly ordinal: number | undefined;
}

function timepointItems(tp: TimepointContext): DataSet[] {
  const items = [text('HAS OBS CONTEXT', CODES.timePoint, tp.label)];
  if (tp.ordinal !== undefined) {
    items.push(code('HAS OBS CONTEXT', CODES.timePointType, tp.ordinal === 0 ? CODES.baselineTimePoint : CODES.posttreatment));
    items.push(numeric('HAS OBS CONTEXT', CODES.timePointOrder, tp.ordinal + 1, CODES.noUnits));
  }
  return items;
}

/** A lesion's group(s): one, or one per fragment of a split lesion (same tracking identifier and UID). */
function lesionGroups(
  lesion: LesionRow, finding: FindingRow, measured: readonly MeasurementRow[], tp: TimepointContext,
  refOf: (m: MeasurementRow) => ReferencedImage | undefined,
): DataSet[] {
  const site = lesion.organ === 'other' ? undefined : ORGAN_CODES[lesion.organ];
  const qualitative: DataSet[] = [
    code('CONTAINS', CODES.baselineCategory, BASELINE_CATEGORY[lesion.category]),
    code('CONTAINS', CODES.lesionState, STATE_CODES[finding.state]),
    ...(finding.mergedIntoLesionId === undefined ? [] : [uidRef('CONTAINS', CODES.mergedInto, trackingUidOfLesion(finding.mergedIntoLesionId))]),
    ...(lesion.location.trim() === '' ? [] : [text('CONTAINS', CODES.lesionLocation, lesion.location)]),
  ];
  const group = (m: MeasurementRow | undefined) => container('CONTAINS', CODES.measurementGroup, [
    text('HAS OBS CONTEXT', CODES.trackingIdentifier, lesion.label),
    uidRef('HAS OBS CONTEXT', CODES.trackingUid, trackingUidOfLesion(lesion.id)),
    ...timepointItems(tp),
    code('CONTAINS', CODES.finding, CODES.lesion),
    ...(site === undefined ? [] : [code('HAS CONCEPT MOD', CODES.findingSite, site)]),
    ...(m === undefined ? [] : measurementItems(m, refOf(m))),
    ...qualitative,
  ], '1501');
  return measured.length === 0 ? [group(undefined)] : measured.map(group);
}

/** `reason`: the engine's explanation, or for a response the reader assigned, the reason they gave (verbatim, so it reads back as given). */
function responseItems(assessment: TimepointAssessment | undefined, assignedReason: string | undefined): DataSet[] {
  const items = [code('CONTAINS', CODES.responseEvaluationMethod, CODES.recist11)];
  if (assessment === undefined) return items;
  if (assessment.targetSum !== null) items.push(numeric('CONTAINS', CODES.sumOfDiameters, toMmRounded(assessment.targetSum), CODES.millimetre));
  if (assessment.targetResponse !== null) items.push(code('CONTAINS', CODES.targetResponse, TARGET_RESPONSE_CODES[assessment.targetResponse]));
  if (assessment.nonTargetResponse !== null) items.push(code('CONTAINS', CODES.nonTargetResponse, NON_TARGET_RESPONSE_CODES[assessment.nonTargetResponse]));
  if (assessment.newLesions !== null) items.push(code('CONTAINS', CODES.newLesions, NEW_LESION_CODES[assessment.newLesions]));
  if (assessment.overallResponse !== null) items.push(code('CONTAINS', CODES.overallResponse, OVERALL_RESPONSE_CODES[assessment.overallResponse]));
  if (assessment.responseSource !== null) items.push(code('CONTAINS', CODES.responseSource, RESPONSE_SOURCE_CODES[assessment.responseSource]));
  const reason = assessment.responseSource === 'assigned' && assignedReason !== undefined ? assignedReason : assessment.explanation;
  if (reason.trim() !== '') items.push(text('CONTAINS', CODES.responseReason, reason));
  return items;
}

/** Current Requested Procedure Evidence (PS3.3 C.17.2.3): every referenced image, by series. */
function evidence(studyInstanceUid: string, images: readonly ReferencedImage[]): Element[] {
  if (images.length === 0) return [];
  const bySeries = new Map<string, ReferencedImage[]>();
  for (const i of images) bySeries.set(i.seriesInstanceUid, [...(bySeries.get(i.seriesInstanceUid) ?? []), i]);
  return [seq(TAGS.CurrentRequestedProcedureEvidenceSequence.tag, [
    str(TAGS.StudyInstanceUID.tag, 'UI', studyInstanceUid),
    seq(TAGS.ReferencedSeriesSequence.tag, ...[...bySeries].map(([series, list]): DataSet => [
      str(TAGS.SeriesInstanceUID.tag, 'UI', series),
      seq(TAGS.ReferencedSOPSequence.tag, ...list.map((i): DataSet => [
        str(TAGS.ReferencedSOPClassUID.tag, 'UI', i.sopClassUid),
        str(TAGS.ReferencedSOPInstanceUID.tag, 'UI', i.sopInstanceUid),
      ])),
    ])),
  ])];
}

/** Text for a VR of limited length (SH 16, LO 64 characters): a value the images gave longer is cut, not refused; `\` separates values. */
const fit = (text: string, max: number) => text.replace(/\\/g, '/').slice(0, max);

/** DA from DA or ISO (YYYY-MM-DD); empty for anything else (the attribute is type 2). */
const asDicomDate = (text: string) => (/^\d{4}-?\d{2}-?\d{2}$/.test(text) ? text.replace(/-/g, '') : '');

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'patient';

/** Bytes -> a string for the name hash (fnv1a128 hashes UTF-16 code units; one unit per byte here). */
function bytesAsName(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

export function buildMeasurementReport(input: MeasurementReportInput): Result<MeasurementReportFile, SrWriteError> {
  const { patient: tracked, studyInstanceUid } = input;
  const row = tracked.timepoints.find((t) => t.studyInstanceUid === studyInstanceUid);
  if (row === undefined) return err({ code: 'NO_SUCH_TIMEPOINT', studyInstanceUid });
  if (isReportTimepoint(row)) return err({ code: 'REPORT_TIMEPOINT', studyInstanceUid });
  const findings = tracked.findings.filter((f) => f.studyInstanceUid === studyInstanceUid);
  const lesionById = new Map(tracked.lesions.map((l) => [l.id, l]));
  const recorded = findings
    .map((finding) => ({ finding, lesion: lesionById.get(finding.lesionId) }))
    .filter((r): r is { finding: FindingRow; lesion: LesionRow } => r.lesion !== undefined)
    .sort((a, b) => compareLabels(a.lesion.label, b.lesion.label));
  if (recorded.length === 0) return err({ code: 'NOTHING_RECORDED', studyInstanceUid });
  const lastChange = [...findings.map((f) => f.updatedAt), ...tracked.measurements.filter((m) => m.studyInstanceUid === studyInstanceUid).map((m) => m.updatedAt)]
    .reduce((latest, at) => (at > latest ? at : latest), '');
  const moment = dicomMoment(input.createdAt ?? row.signOff?.at ?? lastChange);
  if (moment === undefined) return err({ code: 'NO_DATE', studyInstanceUid });

  const ordered = orderTimepoints(tracked.timepoints, tracked.patient.treatmentDate).find((t) => t.row.studyInstanceUid === studyInstanceUid);
  const tp: TimepointContext = { label: ordered?.label ?? '', ordinal: ordered?.ordinal };
  const assessed = assessTracked(tracked);
  const engineIndex = assessed.engine.timepoints.findIndex((t) => t.row.studyInstanceUid === studyInstanceUid);
  const engineLabel = engineIndex < 0 ? undefined : assessed.engine.record.timepoints[engineIndex]?.label;
  const assessment = assessed.assessment?.timepoints.find((t) => t.label === engineLabel);

  const measurementsAt = [...tracked.measurements].filter((m) => m.studyInstanceUid === studyInstanceUid).sort(byCreation);
  const images = new Map<string, ReferencedImage>();
  const refOf = (m: MeasurementRow) => {
    const ref = imageOf(m, input.sopClassUids);
    if (ref !== undefined) images.set(`${ref.sopInstanceUid}|${ref.frameNumber ?? 1}`, ref);
    return ref;
  };
  const groups = recorded.flatMap(({ lesion, finding }) =>
    lesionGroups(lesion, finding, measurementsAt.filter((m) => m.lesionId === lesion.id), tp, refOf));

  const observers = input.observers ?? (row.signOff === undefined ? [] : [row.signOff.reader]);
  const imageList = [...images.values()];
  const library = imageList.length === 0 ? [] : [container('CONTAINS', CODES.imageLibrary, [
    container('CONTAINS', CODES.imageLibraryGroup, imageList.map((i) => image('CONTAINS', i))),
  ])];
  const root = container(undefined, CODES.imagingMeasurementReport, [
    code('HAS CONCEPT MOD', CODES.language, CODES.english),
    ...observers.map((o) => personName('HAS OBS CONTEXT', CODES.personObserverName, personNameValue(o))),
    code('HAS CONCEPT MOD', CODES.procedureReported, CODES.computedTomography),
    ...library,
    container('CONTAINS', CODES.imagingMeasurements, groups),
    container('CONTAINS', CODES.qualitativeEvaluations, responseItems(assessment, row.assigned?.reason)),
  ], '1500');

  const study = input.study ?? {};
  const signOff = row.signOff === undefined ? undefined : dicomMoment(row.signOff.at);
  const seriesInstanceUid = uidFromName(`recist-reader/sr/${studyInstanceUid}/series`);
  const body: Element[] = [
    str(TAGS.SpecificCharacterSet.tag, 'CS', 'ISO_IR 192'),
    str(TAGS.InstanceCreationDate.tag, 'DA', moment.date),
    str(TAGS.InstanceCreationTime.tag, 'TM', moment.time),
    str(TAGS.SOPClassUID.tag, 'UI', COMPREHENSIVE_SR),
    str(TAGS.StudyDate.tag, 'DA', dicomDate(row.studyDate)),
    str(TAGS.ContentDate.tag, 'DA', moment.date),
    str(TAGS.StudyTime.tag, 'TM', /^\d{2,6}(\.\d{1,6})?$/.test(study.studyTime ?? '') ? (study.studyTime ?? '') : ''),
    str(TAGS.ContentTime.tag, 'TM', moment.time),
    str(TAGS.AccessionNumber.tag, 'SH', fit(study.accessionNumber ?? '', 16)),
    str(TAGS.Modality.tag, 'CS', 'SR'),
    str(TAGS.Manufacturer.tag, 'LO', MANUFACTURER),
    str(TAGS.ReferringPhysicianName.tag, 'PN', personNameValue(study.referringPhysicianName ?? '')),
    seq(TAGS.CodingSchemeIdentificationSequence.tag, [
      str(TAGS.CodingSchemeDesignator.tag, 'SH', LOCAL_SCHEME),
      str(TAGS.CodingSchemeName.tag, 'ST', LOCAL_SCHEME_NAME),
      str(TAGS.CodingSchemeResponsibleOrganization.tag, 'ST', LOCAL_SCHEME_ORGANIZATION),
    ]),
    str(TAGS.TimezoneOffsetFromUTC.tag, 'SH', '+0000'),
    ...(row.studyDescription.trim() === '' ? [] : [str(TAGS.StudyDescription.tag, 'LO', fit(row.studyDescription, 64))]),
    str(TAGS.SeriesDescription.tag, 'LO', SR_SERIES_DESCRIPTION),
    seq(TAGS.ReferencedPerformedProcedureStepSequence.tag),
    str(TAGS.PatientName.tag, 'PN', personNameValue(tracked.patient.name)),
    str(TAGS.PatientID.tag, 'LO', fit(tracked.patient.id, 64)),
    str(TAGS.PatientBirthDate.tag, 'DA', asDicomDate(study.patientBirthDate ?? '')),
    str(TAGS.PatientSex.tag, 'CS', ['M', 'F', 'O'].includes(study.patientSex ?? '') ? (study.patientSex ?? '') : ''),
    str(TAGS.StudyInstanceUID.tag, 'UI', studyInstanceUid),
    str(TAGS.SeriesInstanceUID.tag, 'UI', seriesInstanceUid),
    str(TAGS.StudyID.tag, 'SH', fit(study.studyId ?? '', 16)),
    str(TAGS.SeriesNumber.tag, 'IS', String(SR_SERIES_NUMBER)),
    str(TAGS.InstanceNumber.tag, 'IS', '1'),
    str(TAGS.CompletionFlag.tag, 'CS', row.signOff === undefined ? 'PARTIAL' : 'COMPLETE'),
    str(TAGS.VerificationFlag.tag, 'CS', signOff === undefined ? 'UNVERIFIED' : 'VERIFIED'),
    ...(row.signOff === undefined || signOff === undefined ? [] : [seq(TAGS.VerifyingObserverSequence.tag, [
      str(TAGS.VerifyingOrganization.tag, 'LO', fit(input.organization?.trim() || NO_ORGANIZATION, 64)),
      str(TAGS.VerificationDateTime.tag, 'DT', signOff.dateTime),
      str(TAGS.VerifyingObserverName.tag, 'PN', personNameValue(row.signOff.reader)),
      seq(TAGS.VerifyingObserverIdentificationCodeSequence.tag),
    ])]),
    seq(TAGS.PerformedProcedureCodeSequence.tag),
    ...evidence(studyInstanceUid, imageList),
    ...root,
  ];
  // The instance UID names the content: the same record writes the same file, a changed one a new instance.
  const sopInstanceUid = uidFromName(`recist-reader/sr/${studyInstanceUid}/${fnv1a128(bytesAsName(encodeDataSet(body))).toString(16)}`);
  const bytes = writePart10(
    { sopClassUid: COMPREHENSIVE_SR, sopInstanceUid, implementationClassUid: SR_IMPLEMENTATION_CLASS_UID, implementationVersionName: SR_IMPLEMENTATION_VERSION },
    [...body, str(TAGS.SOPInstanceUID.tag, 'UI', sopInstanceUid)],
  );
  const label = tp.label === '' ? 'timepoint' : tp.label;
  return ok({
    bytes, sopClassUid: COMPREHENSIVE_SR, sopInstanceUid, seriesInstanceUid, studyInstanceUid,
    filename: `${safeName(tracked.patient.id)}_${row.studyDate}_${safeName(label)}.dcm`,
  });
}
