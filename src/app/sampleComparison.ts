// The embedded sample as a comparison: the baseline and the first follow-up, loaded together so both panes appear
// at once, and the manifest's follow-ups to choose from. Each study loads through loadSampleStudy unchanged (it reads
// the small manifest again; loading is being reworked, and this file is the only place to change then).
import type { LoadError } from '../dicom/loadError';
import { parseStudyManifest } from '../dicom/studyManifest';
import { err, ok, type Result } from '../shared/result';
import type { LoadedSeries } from '../ui/screenState';
import { fetchJson } from './fetchBytes';
import { loadSampleStudy, SAMPLE_BASE_URL } from './loadSampleStudy';

export const BASELINE_FOLDER = 'baseline';

export interface SampleStudyChoice {
  readonly folder: string;
  readonly label: string;
  readonly studyDate: string;
}

export interface SampleComparison {
  readonly baseline: LoadedSeries;
  /** Every other study of the sample, in manifest (time) order. */
  readonly followUps: readonly SampleStudyChoice[];
  /** The follow-up shown first (the one chosen by the request, else the earliest); undefined with only a baseline. */
  readonly followUp: { readonly folder: string; readonly loaded: LoadedSeries } | undefined;
  /** The manifest's patient ID: whose follow-up choice is remembered. */
  readonly patientId: string;
  /** The manifest's start of treatment, for the lesion record's "days since treatment". */
  readonly treatmentDate: string | undefined;
}

export interface SampleComparisonRequest {
  readonly baseUrl?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Picks the follow-up to show first (a folder of `followUps`); the earliest when it answers undefined. */
  readonly chooseFollowUp?: (patientId: string, followUps: readonly SampleStudyChoice[]) => Promise<string | undefined>;
}

export async function loadSampleComparison(request: SampleComparisonRequest): Promise<Result<SampleComparison, LoadError>> {
  const baseUrl = request.baseUrl ?? SAMPLE_BASE_URL;
  const manifestUrl = `${baseUrl}manifest.json`;
  const json = await fetchJson(manifestUrl, request.signal);
  if (!json.ok) {
    return err({ code: json.error.kind === 'http' ? 'MANIFEST_UNAVAILABLE' : 'MANIFEST_INVALID', url: manifestUrl, detail: json.error.detail });
  }
  const manifest = parseStudyManifest(json.value);
  if (!manifest.ok) return err({ code: 'MANIFEST_INVALID', url: manifestUrl, detail: manifest.error });
  const followUps = manifest.value.studies
    .filter((s) => s.folder !== BASELINE_FOLDER)
    .map(({ folder, label, studyDate }) => ({ folder, label, studyDate }));
  const chosen = await request.chooseFollowUp?.(manifest.value.patient.id, followUps);
  const first = followUps.find((f) => f.folder === chosen) ?? followUps[0];

  // One progress line for both studies: images done of images in both.
  const progress = new Map<string, { done: number; total: number }>();
  const report = (folder: string) => (done: number, total: number) => {
    progress.set(folder, { done, total });
    let sumDone = 0;
    let sumTotal = 0;
    for (const p of progress.values()) {
      sumDone += p.done;
      sumTotal += p.total;
    }
    request.onProgress?.(sumDone, sumTotal);
  };
  const load = (folder: string) => loadSampleStudy({ folder, baseUrl, signal: request.signal, onProgress: report(folder) });
  const [baseline, followUp] = await Promise.all([load(BASELINE_FOLDER), first ? load(first.folder) : undefined]);
  if (!baseline.ok) return baseline;
  if (followUp && !followUp.ok) return followUp;
  return ok({
    baseline: baseline.value,
    followUps,
    followUp: first && followUp ? { folder: first.folder, loaded: followUp.value } : undefined,
    patientId: manifest.value.patient.id,
    treatmentDate: manifest.value.patient.treatmentDate,
  });
}
