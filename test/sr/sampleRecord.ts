// The sample patient (sample-dicom/ground-truth.json) as the reader's record: every lesion measured bidirectionally
// on its ground-truth slice and endpoints, non-target NT1 present, new lesion N1 at 6 months, each follow-up signed
// off. Real study, series and SOP Instance UIDs, so SRs written from it reference the sample's images.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrackedPatient } from '../../src/tracking/toPatientRecord';
import type { FindingRow, FindingState, LesionRow, MeasurementRow, Organ, TimepointRow } from '../../src/tracking/types';

interface TruthLesion {
  id: string;
  role: 'target' | 'non-target' | 'new';
  organ: Organ;
  nodal: boolean;
  location: string;
  longAxisEndpointsMm: [number, number][];
  shortAxisEndpointsMm: [number, number][];
  sopInstanceUid: string;
}
interface TruthStudy {
  key: string;
  label: string;
  studyDate: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  pixelSpacingMm: number;
  columns: number;
  sumOfTargetDiametersMm: number;
  lesions: TruthLesion[];
}
interface Truth {
  patient: { id: string; name: string; treatmentDate: string };
  studies: TruthStudy[];
}

export const SAMPLE_DIR = fileURLToPath(new URL('../../sample-dicom', import.meta.url));
export const truth = JSON.parse(readFileSync(resolve(SAMPLE_DIR, 'ground-truth.json'), 'utf8')) as Truth;

/** LPS mm in the axial slice -> image pixel coordinates (0,0 = top left corner of the first pixel); IPP is the centre of the first pixel. */
function pixel(study: TruthStudy, [x, y]: [number, number]) {
  const origin = -((study.columns - 1) / 2) * study.pixelSpacingMm; // the phantom centres its field of view on 0,0
  return { x: (x - origin) / study.pixelSpacingMm + 0.5, y: (y - origin) / study.pixelSpacingMm + 0.5 };
}

export const READER = 'Roe, Jane';

export function sampleRecord(): TrackedPatient {
  const patientId = truth.patient.id;
  const [family = '', given = ''] = truth.patient.name.split('^');
  const timepoints: TimepointRow[] = truth.studies.map((s, i) => ({
    studyInstanceUid: s.studyInstanceUid, patientId, studyDate: s.studyDate, studyDescription: `CT abdomen (${s.label})`, excluded: false,
    signOff: { reader: READER, at: `${s.studyDate}T16:${String(10 + i).padStart(2, '0')}:00.000Z`, overallResponse: '', explanation: '' },
  }));
  const lesions = new Map<string, LesionRow>();
  const findings: FindingRow[] = [];
  const measurements: MeasurementRow[] = [];
  truth.studies.forEach((study, si) => {
    for (const l of study.lesions) {
      const id = `lesion-${l.id.toLowerCase()}-0000-4000-8000-000000000000`;
      if (!lesions.has(id)) {
        lesions.set(id, {
          id, patientId, label: l.id, category: l.role, organ: l.organ, nodal: l.nodal, location: l.location,
          firstStudyInstanceUid: study.studyInstanceUid, createdAt: `${study.studyDate}T15:00:00.000Z`,
        });
      }
      const state: FindingState = l.role === 'target' ? 'measured' : l.role === 'non-target' ? 'present' : 'unequivocal';
      findings.push({ id: `${id}|${study.studyInstanceUid}`, patientId, lesionId: id, studyInstanceUid: study.studyInstanceUid, state, updatedAt: `${study.studyDate}T15:30:00.000Z` });
      if (l.role === 'non-target') continue;
      const [l0, l1] = l.longAxisEndpointsMm;
      const [s0, s1] = l.shortAxisEndpointsMm;
      if (!l0 || !l1 || !s0 || !s1) throw new Error(`ground truth of ${l.id} lacks endpoints`);
      const at = `${study.studyDate}T15:${String(10 + measurements.length).padStart(2, '0')}:00.000Z`;
      measurements.push({
        id: `m-${si}-${l.id}`, patientId, lesionId: id, studyInstanceUid: study.studyInstanceUid,
        image: { studyInstanceUid: study.studyInstanceUid, seriesInstanceUid: study.seriesInstanceUid, sopInstanceUid: l.sopInstanceUid, frameNumber: 1 },
        tool: 'bidirectional',
        longAxis: { start: pixel(study, l0), end: pixel(study, l1) },
        shortAxis: { start: pixel(study, s0), end: pixel(study, s1) },
        pixelSpacingMm: { row: study.pixelSpacingMm, column: study.pixelSpacingMm },
        createdAt: at, updatedAt: at,
      });
    }
  });
  return {
    patient: { id: patientId, name: `${family}, ${given}`, treatmentDate: truth.patient.treatmentDate },
    timepoints, lesions: [...lesions.values()], findings, measurements,
  };
}
