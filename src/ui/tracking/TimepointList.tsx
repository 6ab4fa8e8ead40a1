// The patient's time points: one per CT study, baseline first, with the days since baseline and since treatment,
// whether each is signed off, and the treatment date that the days are counted from.
import { monthsFromDays, type OrderedTimepoint } from '../../tracking/timepoints';
import type { IsoDate } from '../../tracking/types';
import type { TrackingIntent } from './trackingIntent';

export interface TimepointListProps {
  readonly timepoints: readonly OrderedTimepoint[];
  readonly readingStudyUid: string | undefined;
  readonly treatmentDate: IsoDate | undefined;
  readonly onIntent: (intent: TrackingIntent) => void;
}

/** "day 98 (3.2 mo)"; before the reference date, "7 days before". */
function days(n: number | undefined, reference: string): string | undefined {
  if (n === undefined) return undefined;
  if (n < 0) return `${-n} days before ${reference}`;
  return `day ${n} ${reference === 'treatment' ? 'of treatment' : `after ${reference}`}${n >= 28 ? ` (${monthsFromDays(n)} mo)` : ''}`;
}

export function TimepointList({ timepoints, readingStudyUid, treatmentDate, onIntent }: TimepointListProps) {
  return (
    <section className="timepoint-list" aria-label="Time points">
      <label className="timepoint-list__treatment">
        Treatment start
        <input
          type="date"
          value={treatmentDate ?? ''}
          onChange={(e) => onIntent({ kind: 'set-treatment-date', date: e.target.value === '' ? undefined : e.target.value })}
        />
      </label>
      <ol className="timepoint-list__items">
        {timepoints.map((t) => (
          <li
            key={t.row.studyInstanceUid}
            className="timepoint-list__item"
            aria-current={t.row.studyInstanceUid === readingStudyUid ? 'step' : undefined}
            data-excluded={t.row.excluded}
          >
            <span className="timepoint-list__label">{t.label}</span>
            <span className="timepoint-list__date">{t.row.studyDate}</span>
            <span className="timepoint-list__days">
              {[t.ordinal !== undefined && t.ordinal > 0 ? days(t.daysSinceBaseline, 'baseline') : undefined,
                days(t.daysSinceTreatment, 'treatment')].filter(Boolean).join(' · ')}
            </span>
            {t.row.signOff && <span className="timepoint-list__signed" title={`Signed off by ${t.row.signOff.reader} at ${t.row.signOff.at}`}>signed off</span>}
            <label className="timepoint-list__exclude">
              <input
                type="checkbox"
                checked={t.row.excluded}
                disabled={t.row.signOff !== undefined}
                onChange={(e) => onIntent({ kind: 'set-excluded', studyInstanceUid: t.row.studyInstanceUid, excluded: e.target.checked })}
              />
              exclude
            </label>
          </li>
        ))}
      </ol>
    </section>
  );
}
