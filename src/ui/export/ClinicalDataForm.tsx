// The patient's clinical data for survival analysis: treatment start and cycles, death, last known alive, and free
// covariates. The form keeps what is typed; the store checks the rules on save and the problems show by the fields.
import { useState, type FormEvent, type ReactElement } from 'react';
import { covariateValueFromText, type ClinicalChanges, type ClinicalProblem } from '../../store/clinicalRules';
import { describeClinicalProblem } from '../messages';
import type { ClinicalPatient } from './exportChoices';

export interface ClinicalDataFormProps {
  readonly patient: ClinicalPatient;
  readonly problems: readonly ClinicalProblem[];
  readonly busy: boolean;
  readonly onSave: (changes: ClinicalChanges) => void;
  readonly onBack: () => void;
}

interface CovariateDraft { readonly key: number; readonly name: string; readonly value: string }

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

let nextKey = 0;

export function ClinicalDataForm({ patient, problems, busy, onSave, onBack }: ClinicalDataFormProps) {
  const { data } = patient;
  const [treatmentDate, setTreatmentDate] = useState(text(data.treatmentDate));
  const [cycles, setCycles] = useState(text(data.treatmentCycles));
  const [deathDate, setDeathDate] = useState(text(data.deathDate));
  const [aliveDate, setAliveDate] = useState(text(data.lastKnownAliveDate));
  const [covariates, setCovariates] = useState<CovariateDraft[]>(() =>
    Object.entries(data.covariates ?? {}).map(([name, value]) => ({ key: nextKey++, name, value: String(value) })));

  // Beside its field, a problem need not name the field again.
  const problemOf = (column: string) => problems.filter((p) => p.column === column).map((p) => describeClinicalProblem({ ...p, column: undefined })).join(' ');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const kept = covariates.filter((c) => c.name.trim() !== '');
    const values: Record<string, string | number | null> = {};
    // Covariates taken off the list are removed; the rest are set (a blank value removes that one too).
    for (const name of Object.keys(data.covariates ?? {})) values[name] = null;
    for (const c of kept) values[c.name.trim()] = covariateValueFromText(c.value) ?? null;
    const cyclesText = cycles.trim();
    onSave({
      treatmentDate: orNull(treatmentDate),
      // A non-number stays visible as NaN to the store's rule, which names it, instead of being dropped here.
      treatmentCycles: cyclesText === '' ? null : Number(cyclesText),
      deathDate: orNull(deathDate),
      lastKnownAliveDate: orNull(aliveDate),
      covariates: values,
    });
  };
  const field = (label: string, column: string, input: ReactElement) => (
    <label className="clinical-form__field">
      <span>{label}</span>
      {input}
      {problemOf(column) && <span className="clinical-form__problem" role="alert">{problemOf(column)}</span>}
    </label>
  );
  const covariateProblems = problems.filter((p) => !['treatment_start', 'cycles', 'death_date', 'last_alive_date'].includes(p.column ?? ''));

  return (
    <form className="clinical-form" aria-label={`Clinical data of ${patient.label}`} onSubmit={submit}>
      <p className="export-menu__hint">
        For the patient CSV: the origin of every interval is the treatment start (else the baseline scan
        {patient.baselineDate ? `, ${patient.baselineDate}` : ''}). Leave a field empty when it is not known.
      </p>
      {field('Treatment start', 'treatment_start', <input type="date" value={treatmentDate} onChange={(e) => setTreatmentDate(e.target.value)} />)}
      {field('Treatment cycles', 'cycles', <input type="number" min={0} step={1} value={cycles} onChange={(e) => setCycles(e.target.value)} />)}
      {field('Date of death', 'death_date', <input type="date" value={deathDate} onChange={(e) => setDeathDate(e.target.value)} />)}
      {field('Last known alive', 'last_alive_date', <input type="date" value={aliveDate} onChange={(e) => setAliveDate(e.target.value)} />)}
      <fieldset className="clinical-form__covariates">
        <legend>Covariates (one column each in the patient CSV)</legend>
        {covariates.map((c, i) => (
          <div key={c.key} className="clinical-form__covariate">
            <input aria-label={`Covariate name ${i + 1}`} placeholder="name, e.g. ecog" value={c.name}
              onChange={(e) => setCovariates(covariates.map((x) => (x.key === c.key ? { ...x, name: e.target.value } : x)))} />
            <input aria-label={`Covariate value ${i + 1}`} placeholder="value" value={c.value}
              onChange={(e) => setCovariates(covariates.map((x) => (x.key === c.key ? { ...x, value: e.target.value } : x)))} />
            <button type="button" className="button" onClick={() => setCovariates(covariates.filter((x) => x.key !== c.key))}>Remove</button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => setCovariates([...covariates, { key: nextKey++, name: '', value: '' }])}>+ Covariate</button>
        {covariateProblems.length > 0 && (
          <ul className="clinical-form__problem" role="alert">{covariateProblems.map((p, i) => <li key={i}>{describeClinicalProblem(p)}</li>)}</ul>
        )}
      </fieldset>
      <div className="export-menu__row">
        <button type="submit" className="button" disabled={busy}>Save clinical data</button>
        <button type="button" className="button" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
