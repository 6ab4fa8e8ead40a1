// Every reader's measurements on this workstation in one CSV, under one header with the reader column: the double
// read as `recist agreement`, `recist assess` and the cohort screen's Reader agreement take it.
import { DEFAULT_CSV_FORMAT } from '../../export/csvFormat';
import { buildExport, type ExportFile } from '../../export/exportFiles';
import { readAllRecords } from '../../store/readAllRecords';
import type { ReaderEntry } from '../../store/workstation';
import { recordDatabase } from '../tracking/recordDatabase';

export async function allReadersMeasurements(readers: readonly ReaderEntry[]): Promise<ExportFile> {
  let header = '';
  const lines: string[] = [];
  for (const entry of readers) {
    const db = await recordDatabase(entry.databaseName);
    const records = db.ok ? await readAllRecords(db.value) : undefined;
    if (!records?.ok) continue;
    const file = buildExport('measurements', records.value.patients, { format: DEFAULT_CSV_FORMAT, landmarkDays: 91, deidentify: undefined, reader: entry.name });
    if (!file.ok) continue;
    const [first = '', ...rows] = file.value.text.split('\n').filter((l) => l !== '');
    header = first;
    lines.push(...rows);
  }
  const text = header === '' ? '' : `${[header, ...lines].join('\n')}\n`;
  return { kind: 'measurements', filename: 'recist-measurements-all-readers.csv', text, rows: lines.length };
}
