// Writes the phantom to disk: the three sample studies with their ground truth, manifest and README (the
// committed sample-dicom/), or one large baseline series for benchmarks. The only part of src/phantom that
// touches the file system.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNever } from '../shared/assertNever';
import { ctDataset } from './ctDataset';
import { encodePart10 } from './encodePart10';
import {
  buildGroundTruth,
  buildManifest,
  instanceFileName,
  SAMPLE_SERIES_DESCRIPTION,
  sampleScope,
  STUDY_DESCRIPTION,
} from './groundTruth';
import { seedFromName } from './prng';
import { renderSlice } from './renderSlice';
import { sampleReadme } from './sampleReadme';
import { largeGeometry, SAMPLE_GEOMETRY, type SeriesGeometry } from './seriesGeometry';
import { seriesIds } from './seriesIds';
import { SAMPLE_PATIENT, SAMPLE_STUDIES, studyByKey, type StudyDefinition } from './studies';

export type SampleOptions = { readonly kind: 'sample' } | { readonly kind: 'large'; readonly slices: number };

export const DEFAULT_LARGE_SLICES = 300;

export interface WriteSummary {
  readonly files: number;
  readonly bytes: number;
}

interface SeriesJob {
  readonly study: StudyDefinition;
  readonly scope: string;
  readonly seriesDescription: string;
  readonly geometry: SeriesGeometry;
  readonly dir: string;
}

/** Removes earlier slices, so a run with fewer slices leaves no stale files behind. */
function clearSlices(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (/^IM\d{4}\.dcm$/.test(name)) rmSync(join(dir, name));
  }
}

function writeSeries(job: SeriesJob): WriteSummary {
  clearSlices(job.dir);
  const ids = seriesIds(job.scope);
  let bytes = 0;
  job.geometry.sliceZ.forEach((z, index) => {
    const pixels = renderSlice(job.geometry, z, job.study, seedFromName(`${job.scope}/noise/${index}`));
    const file = encodePart10(
      ctDataset({
        patient: SAMPLE_PATIENT,
        study: job.study,
        studyDescription: STUDY_DESCRIPTION,
        seriesDescription: job.seriesDescription,
        ids,
        geometry: job.geometry,
        index,
        pixels,
      }),
    );
    writeFileSync(join(job.dir, instanceFileName(index + 1)), file);
    bytes += file.byteLength;
  });
  return { files: job.geometry.sliceZ.length, bytes };
}

function writeText(path: string, text: string): number {
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function writeSample(outDir: string): WriteSummary {
  let files = 0;
  let bytes = 0;
  for (const study of SAMPLE_STUDIES) {
    const written = writeSeries({
      study,
      scope: sampleScope(study),
      seriesDescription: SAMPLE_SERIES_DESCRIPTION,
      geometry: SAMPLE_GEOMETRY,
      dir: join(outDir, study.folder),
    });
    files += written.files;
    bytes += written.bytes;
  }
  bytes += writeText(join(outDir, 'ground-truth.json'), json(buildGroundTruth(SAMPLE_GEOMETRY)));
  bytes += writeText(join(outDir, 'manifest.json'), json(buildManifest(SAMPLE_GEOMETRY)));
  bytes += writeText(join(outDir, 'README.md'), sampleReadme(SAMPLE_GEOMETRY));
  return { files: files + 3, bytes };
}

function writeLarge(outDir: string, slices: number): WriteSummary {
  const geometry = largeGeometry(slices);
  return writeSeries({
    study: studyByKey('baseline'),
    scope: `${SAMPLE_PATIENT.id}/large-${slices}`,
    seriesDescription: `Abdomen ${geometry.sliceThicknessMm} mm (benchmark)`,
    geometry,
    dir: outDir,
  });
}

/** Writes the sample studies (default) or a large benchmark series into `outDir`. Same bytes on every run. */
export function writeSampleStudies(outDir: string, options: SampleOptions = { kind: 'sample' }): WriteSummary {
  mkdirSync(outDir, { recursive: true });
  switch (options.kind) {
    case 'sample':
      return writeSample(outDir);
    case 'large':
      return writeLarge(outDir, options.slices);
    default:
      return assertNever(options, 'sample kind');
  }
}
