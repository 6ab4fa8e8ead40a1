// In place of the lesion column when the browser will not let the app save: the viewer still works, and the reader
// is told plainly that measurements cannot be kept, and why.
import type { StoreError } from '../../store/storeError';
import { describeStoreError } from '../messages';
import './tracking.css';

export function RecordUnavailable({ error }: { readonly error: StoreError }) {
  return (
    <aside className="tracking-panel" aria-label="Lesions and response">
      <div className="tracking-notice tracking-notice--error" role="alert">
        <span>Measurements cannot be saved in this browser. {describeStoreError(error)}</span>
      </div>
    </aside>
  );
}
