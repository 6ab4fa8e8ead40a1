// The sample's `manifest.json`: which DICOM files make up which study. Validated here because it is input.
import { err, ok, type Result } from '../shared/result';

export interface ManifestStudy {
  readonly folder: string;
  readonly label: string;
  /** ISO `YYYY-MM-DD` as written in the manifest. */
  readonly studyDate: string;
  /** Paths relative to the manifest's folder. */
  readonly files: readonly string[];
}

export interface StudyManifest {
  readonly patient: { readonly id: string; readonly name: string; readonly treatmentDate: string | undefined };
  readonly studies: readonly ManifestStudy[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * A file entry must stay inside the sample folder: relative, no `..`, no scheme, no backslashes, so a manifest
 * cannot make the app fetch from elsewhere.
 */
export const isSafeRelativePath = (path: string): boolean =>
  path !== '' && !path.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.includes('\\')
  && path.split('/').every((part) => part !== '..' && part !== '.' && part !== '');

/** Returns the manifest, or a sentence-fragment saying what is wrong with it (for logs; the UI has its own words). */
export function parseStudyManifest(json: unknown): Result<StudyManifest, string> {
  if (!isObject(json)) return err('not a JSON object');
  const { patient, studies } = json;
  if (!isObject(patient) || !isString(patient.id) || !isString(patient.name)) {
    return err('patient.id and patient.name must be strings');
  }
  if (!Array.isArray(studies) || studies.length === 0) return err('studies must be a non-empty array');
  const parsed: ManifestStudy[] = [];
  for (const [i, study] of studies.entries()) {
    if (!isObject(study)) return err(`studies[${i}] is not an object`);
    const { folder, label, studyDate, files } = study;
    if (!isString(folder) || !isString(label) || !isString(studyDate)) {
      return err(`studies[${i}]: folder, label and studyDate must be strings`);
    }
    if (!Array.isArray(files) || files.length === 0 || !files.every(isString)) {
      return err(`studies[${i}].files must be a non-empty array of strings`);
    }
    const unsafe = files.find((f) => !isSafeRelativePath(f));
    if (unsafe !== undefined) return err(`studies[${i}].files has a path outside the sample folder: ${unsafe}`);
    parsed.push({ folder, label, studyDate, files });
  }
  const treatmentDate = isString(patient.treatmentDate) ? patient.treatmentDate : undefined;
  return ok({ patient: { id: patient.id, name: patient.name, treatmentDate }, studies: parsed });
}
