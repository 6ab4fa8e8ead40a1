// A measurement CSV from another workstation, read for the merge (store/measurementImportRepository.ts): the same
// reader and checks as `recist assess`, all or nothing, then each checked line as the merge needs it.
import type { Micrometres } from '../recist/units';
import type { ImportedLine } from '../store/measurementMerge';
import type { RowProblem } from './measurementRow';
import { readMeasurementRows } from './readMeasurementCsv';

const mm = (value: Micrometres | undefined): number | undefined => (value === undefined ? undefined : value / 1000);

export function readMeasurementLines(text: string): { ok: true; lines: ImportedLine[] } | { ok: false; problems: RowProblem[] } {
  const read = readMeasurementRows(text);
  if (!read.ok) return read;
  return {
    ok: true,
    lines: read.rows.map((r) => ({
      line: r.line, patientId: r.patientId, scanDate: r.scanDate, label: r.lesionId, category: r.category, organ: r.organ,
      nodal: r.nodal, state: r.state, longAxisMm: mm(r.longAxis), shortAxisMm: mm(r.shortAxis),
      ...(r.location === undefined ? {} : { location: r.location }),
      ...(r.signOff === undefined ? {} : { signOff: r.signOff }),
      ...(r.reader === undefined ? {} : { reader: r.reader }),
    })),
  };
}
