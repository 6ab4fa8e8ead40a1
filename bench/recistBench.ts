// Times the RECIST engine on a synthetic cohort: 10,000 patients x 6 time points x 8 lesions.
import { performance } from 'node:perf_hooks';
import { readMeasurementCsv } from '../src/export/readMeasurementCsv';
import { timepointRows } from '../src/export/responseTables';
import { assessPatients } from '../src/recist/assess';
import { writeCsv } from '../src/shared/csv';
import { addDays } from '../src/shared/isoDate';
import { MEASUREMENT_COLUMNS } from '../src/export/measurementCsvColumns';
import { mulberry32 } from '../src/phantom/prng';

const PATIENTS = 10_000;
const TIMEPOINTS = 6;


export function syntheticCohortCsv(patients = PATIENTS): string {
  const random = mulberry32(20181708);
  const rows: string[][] = [];
  for (let p = 0; p < patients; p++) {
    const id = `P${String(p).padStart(5, '0')}`;
    const sizes = [10 + random() * 40, 10 + random() * 30, 10 + random() * 20, 10 + random() * 20, 15 + random() * 15];
    const trend = 0.7 + random() * 0.6;
    for (let t = 0; t < TIMEPOINTS; t++) {
      const date = addDays('2020-01-06', 90 * t + Math.floor(random() * 7));
      const label = t === 0 ? 'baseline' : `fu${t}`;
      const factor = t === 0 ? 1 : trend ** t;
      const organs = ['liver', 'liver', 'lung', 'adrenal', 'lymph node'];
      sizes.forEach((s, i) => {
        const nodal = i === 4;
        const d = (s * factor).toFixed(1);
        rows.push([id, label, date, `T${i + 1}`, 'target', organs[i] as string, nodal ? 'yes' : 'no', nodal ? (s * factor * 1.4).toFixed(1) : d, nodal ? d : '', '']);
      });
      for (let n = 1; n <= 3; n++) {
        const state = t === 0 ? 'present' : random() < 0.03 ? 'progression' : random() < 0.05 ? 'not_evaluable' : 'present';
        rows.push([id, label, date, `NT${n}`, 'non-target', 'bone', 'no', '', '', state]);
      }
      // About one follow-up in ten shows a new lesion, half of them equivocal.
      const r = random();
      if (t > 0 && r < 0.1) rows.push([id, label, date, 'N1', 'new', 'liver', 'no', '12.0', '', r < 0.05 ? 'equivocal' : 'unequivocal']);
    }
  }
  return writeCsv(MEASUREMENT_COLUMNS, rows);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export function runRecistBench(): void {
  const csv = syntheticCohortCsv();
  const input = readMeasurementCsv(csv);
  if (!input.ok) throw new Error(`synthetic cohort refused: ${input.problems[0]?.message}`);
  const rowsIn = csv.split('\n').length - 2;
  // Each measure runs on its own, so one's garbage is not collected in another's time.
  const timed = (runs: number, work: () => void): number[] =>
    Array.from({ length: runs }, () => {
      const t0 = performance.now();
      work();
      return performance.now() - t0;
    });
  const engine = timed(5, () => {
    if (assessPatients(input.patients).length !== PATIENTS) throw new Error('wrong number of patients');
  });
  const explained = timed(5, () => {
    let chars = 0;
    for (const p of assessPatients(input.patients)) for (const t of p.timepoints) chars += t.explanation.length;
    if (chars === 0) throw new Error('no explanation written');
  });
  const whole = timed(3, () => {
    const parsed = readMeasurementCsv(csv);
    if (!parsed.ok) throw new Error('refused');
    timepointRows(assessPatients(parsed.patients));
  });
  console.log(`RECIST engine: ${PATIENTS} patients x ${TIMEPOINTS} time points x 8 lesions (~${rowsIn} CSV rows), 5 runs each (3 for the CSV path), node ${process.version}`);
  console.log(`  assess: every response, sum, nadir, BOR and date      median ${median(engine).toFixed(0)} ms   min ${Math.min(...engine).toFixed(0)} ms`);
  console.log(`  assess + every explanation written out               median ${median(explained).toFixed(0)} ms   min ${Math.min(...explained).toFixed(0)} ms`);
  console.log(`  CSV text -> parsed, assessed, response table rows     median ${median(whole).toFixed(0)} ms   min ${Math.min(...whole).toFixed(0)} ms`);
}
