// The search form: patient id, name, date range, accession number; any may be empty.
import { useState, type FormEvent } from 'react';
import type { StudySearch } from '../../pacs/pacsTypes';

export function PacsSearchForm({ onSearch, busy }: { onSearch: (search: StudySearch) => void; busy: boolean }) {
  const [fields, setFields] = useState<Required<StudySearch>>({ patientId: '', patientName: '', dateFrom: '', dateTo: '', accessionNumber: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(fields);
  };
  const field = (key: keyof StudySearch, label: string, type = 'text') => (
    <label className="pacs-form__field">
      <span>{label}</span>
      <input type={type} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="pacs-form" onSubmit={submit} aria-label="Search the PACS">
      {field('patientId', 'Patient ID')}
      {field('patientName', 'Patient name')}
      <div className="pacs-form__row">
        {field('dateFrom', 'From', 'date')}
        {field('dateTo', 'To', 'date')}
      </div>
      {field('accessionNumber', 'Accession number')}
      <button type="submit" className="button" disabled={busy}>{busy ? 'Searching…' : 'Search PACS'}</button>
    </form>
  );
}
