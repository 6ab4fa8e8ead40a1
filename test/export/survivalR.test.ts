// The exported patient table in R's survival package, as the README shows it: read.csv, Surv, survfit by landmark
// response. Runs only where Rscript and the survival package are installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/export/exportFiles';
import type { CsvFormat } from '../../src/export/csvFormat';
import { reading, type ReadingSpec } from './fixtures';

const hasR = spawnSync('Rscript', ['-e', 'library(survival)'], { encoding: 'utf8' }).status === 0;

const DATES = ['2024-01-01', '2024-03-04', '2024-05-06', '2024-07-08'];
const cohortSpec = (id: string, sizes: (number | null)[], patient: ReadingSpec['patient']): ReadingSpec =>
  ({ id, patient: { treatmentDate: '2024-01-08', ...patient }, dates: DATES.slice(0, sizes.length), targets: { T1: { sizes } } });
const COHORT = [
  cohortSpec('P01', [50, 30, 28, 27], { lastKnownAliveDate: '2024-12-01', covariates: { ecog: 0 } }),
  cohortSpec('P02', [50, 30, 40, 45], { deathDate: '2024-10-01', covariates: { ecog: 1 } }),
  cohortSpec('P03', [50, 48, 49], { lastKnownAliveDate: '2024-11-01', covariates: { ecog: 0 } }),
  cohortSpec('P04', [50, 65], { deathDate: '2024-05-01', covariates: { ecog: 2 } }),
  cohortSpec('P05', [50, 47, 70], { deathDate: '2024-08-15', covariates: { ecog: 1 } }),
  cohortSpec('P06', [50], { deathDate: '2024-02-10', covariates: { ecog: 2 } }),
  cohortSpec('P07', [40, 20, 10, 0], { lastKnownAliveDate: '2025-01-10', covariates: { ecog: 0 } }),
  cohortSpec('P08', [40, 38, 60], { lastKnownAliveDate: '2024-09-01', covariates: { ecog: 1 } }),
].map(reading);

const R_SCRIPT = `
args <- commandArgs(trailingOnly = TRUE)
library(survival)
d <- read.csv(args[1], na.strings = "", fileEncoding = args[2])
pfs <- survfit(Surv(pfs_days, pfs_event) ~ landmark_response, data = d)
lm <- subset(d, landmark_at_risk == 1)
os <- survfit(Surv(landmark_os_days, landmark_os_event) ~ landmark_response, data = lm)
cat(nrow(d), sum(d$pfs_event), sum(pfs$n), sum(os$n), paste(names(os$strata), collapse = "|"), class(d$ecog), class(d$origin_date), "\\n")
`;

function runR(format: CsvFormat, encoding: string): string {
  const file = buildExport('patients', COHORT, { format, landmarkDays: 91, deidentify: undefined });
  if (!file.ok) throw new Error('export failed');
  const dir = mkdtempSync(join(tmpdir(), 'recist-r-'));
  writeFileSync(join(dir, 'patients.csv'), file.value.text, 'utf8');
  writeFileSync(join(dir, 'fit.R'), R_SCRIPT);
  const out = spawnSync('Rscript', [join(dir, 'fit.R'), join(dir, 'patients.csv'), encoding], { encoding: 'utf8' });
  expect(out.stderr).not.toMatch(/Error|Warning/);
  expect(out.status).toBe(0);
  return out.stdout.trim();
}

const EXPECTED = '8 5 7 7 landmark_response=PD|landmark_response=PR|landmark_response=SD integer character';

describe.skipIf(!hasR)('the patient CSV in R (survival)', () => {
  it('reads with read.csv and fits survfit(Surv(pfs_days, pfs_event) ~ landmark_response) and the landmark OS curves', () => {
    // 8 patients; PFS events: P02, P04, P05, P08 progress, P06 dies first = 5. Only P06 died before the landmark
    // (day 33 of 91), so 7 are at risk, with landmark responses PD (P04), PR (P01, P02, P07), SD (P03, P05, P08);
    // P06's row has no landmark response, so the PFS fit by landmark response uses the other 7.
    expect(runR({ lineEnding: 'lf', bom: false }, 'UTF-8')).toBe(EXPECTED);
  }, 60_000);

  it('reads the Windows flavour too (CRLF, UTF-8 byte-order mark)', () => {
    expect(runR({ lineEnding: 'crlf', bom: true }, 'UTF-8-BOM')).toBe(EXPECTED);
  }, 60_000);
});
