// The Export menu for the title bar, connected to the record's database once it is open (disabled until then).
import type { RecistDatabase } from '../../store/database';
import { ExportMenu } from '../../ui/export/ExportMenu';
import { ReportsControls } from '../tracking/ReportsControls';
import { useExportActions } from './useExportActions';

export interface ExportControlsProps {
  /** Undefined while the database is opening, or when it cannot be opened. */
  readonly db: RecistDatabase | undefined;
  /** The patient on screen (the left pane's), for the clinical-data form. */
  readonly patientId: string | undefined;
}

function ConnectedExportMenu({ db, patientId }: { readonly db: RecistDatabase; readonly patientId: string | undefined }) {
  return (
    <>
      <ReportsControls db={db} />
      <ExportMenu actions={useExportActions(db, patientId)} />
    </>
  );
}

export function ExportControls({ db, patientId }: ExportControlsProps) {
  return db === undefined ? <ExportMenu actions={undefined} /> : <ConnectedExportMenu db={db} patientId={patientId} />;
}
