// The reading screen as the adjudicator has it: the patient's images with both readers' measurements drawn (each
// labelled with its reader, none movable: the adjudicator does not measure anew), and beside them both reads' response
// tables and the choice. It stands in for the reader's own record while this reader adjudicates the patient.
import { primaryPaneKey, ReadingScreen, type ReadingScreenProps } from '../../ui/ReadingScreen';
import { AdjudicationPanel } from '../../ui/readers/AdjudicationPanel';
import type { MeasurementShape } from '../../viewer/measurementShape';
import { measurementShapes } from '../tracking/measurementShapes';
import type { RecordPane } from '../tracking/recordSession';
import type { AdjudicationIntents, PatientDoubleRead } from './usePatientDoubleRead';

export interface AdjudicationReadingScreenProps extends ReadingScreenProps {
  readonly row: PatientDoubleRead;
  readonly reader: string;
  readonly intents: AdjudicationIntents;
}

/** Both reads' shapes per pane: "Dr A · T1"; ids kept apart by reader. */
function bothReads(row: PatientDoubleRead, panes: readonly RecordPane[]): Map<string, MeasurementShape[]> {
  const byPane = new Map<string, MeasurementShape[]>();
  if (row.status.kind === 'waiting') return byPane;
  for (const name of row.status.comparison.readers) {
    const tracked = row.reads.find((r) => r.reader === name)?.tracked;
    if (!tracked) continue;
    for (const [pane, shapes] of measurementShapes(tracked, panes, undefined)) {
      byPane.set(pane, [...(byPane.get(pane) ?? []), ...shapes.map((s) => ({ ...s, id: `${name}|${s.id}`, label: `${name} · ${s.label}`, editable: false }))]);
    }
  }
  return byPane;
}

export function AdjudicationReadingScreen({ row, reader, intents, ...screen }: AdjudicationReadingScreenProps) {
  const loaded = screen.state.status === 'ready' ? screen.state.loaded : undefined;
  const panes: RecordPane[] = [
    ...(loaded ? [{ key: primaryPaneKey(loaded.series), series: loaded.series }] : []),
    ...(screen.comparePanes ?? []).map((p) => ({ key: p.key, series: p.series })),
  ];
  if (row.status.kind === 'waiting' || row.status.kind === 'concordant') return <ReadingScreen {...screen} />;
  const status = row.status;
  return (
    <ReadingScreen
      {...screen}
      viewerProps={{ measurements: bothReads(row, panes) }}
      sidePanel={(
        <aside className="tracking-panel adjudication-column" aria-label="Adjudication">
          <AdjudicationPanel
            patientId={row.patientId}
            status={status}
            reads={status.comparison.readers.map((name) => row.reads.find((r) => r.reader === name)?.assessment)}
            reader={reader}
            onAdjudicate={intents.onAdjudicate}
            onWithdraw={intents.onWithdraw}
            problem={intents.problem}
          />
        </aside>
      )}
    />
  );
}
