// The lesion column's place while the record is read, so the viewports do not change width under the reader.
import './tracking.css';

export function RecordLoading() {
  return (
    <aside className="tracking-panel" aria-label="Lesions and response" aria-busy="true">
      <p className="tracking__empty tracking__loading">Reading the lesion record…</p>
    </aside>
  );
}
