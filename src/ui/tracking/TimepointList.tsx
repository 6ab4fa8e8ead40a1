// The patient's time points: one per CT study, baseline first, with the days since baseline and since treatment,
// whether each is signed off, and the treatment date that the days are counted from.
import { monthsFromDays, type OrderedTimepoint } from '../../tracking/timepoints';
import type { IsoDate } from '../../tracking/types';
import { formatBytes } from './StorageLine';
import type { StudyImagesView, TrackingIntent } from './trackingIntent';

export interface TimepointListProps {
  readonly timepoints: readonly OrderedTimepoint[];
  readonly readingStudyUid: string | undefined;
  readonly treatmentDate: IsoDate | undefined;
  readonly images: ReadonlyMap<string, StudyImagesView>;
  readonly onIntent: (intent: TrackingIntent) => void;
}

/** "day 98 (3.2 mo)"; before the reference date, "7 days before". */
function days(n: number | undefined, reference: string): string | undefined {
  if (n === undefined) return undefined;
  if (n < 0) return `${-n} days before ${reference}`;
  return `day ${n} ${reference === 'treatment' ? 'of treatment' : `after ${reference}`}${n >= 28 ? ` (${monthsFromDays(n)} mo)` : ''}`;
}

export function TimepointList({ timepoints, readingStudyUid, treatmentDate, images, onIntent }: TimepointListProps) {
  const keptNotOpen = timepoints.filter((t) => {
    const view = images.get(t.row.studyInstanceUid);
    return view && !view.open && view.keptBytes !== undefined;
  });
  const missing = timepoints.filter((t) => {
    const view = images.get(t.row.studyInstanceUid);
    return view && !view.open && view.keptBytes === undefined;
  });
  return (
    <section className="timepoint-list" aria-label="Time points">
      {keptNotOpen.length > 0 && (
        <button type="button" className="button timepoint-list__open-kept" onClick={() => onIntent({ kind: 'open-kept-images' })}>
          Open kept images of {keptNotOpen.map((t) => t.label).join(', ')}
        </button>
      )}
      {missing.length > 0 && (
        <p className="timepoint-list__hint">
          Images of {missing.map((t) => `${t.label} (${t.row.studyDate})`).join(', ')} are not open: open their files
          (Open folder… or drop them here) and the measurements reappear on them, matched by UID.
        </p>
      )}
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
            <StudyImagesLine view={images.get(t.row.studyInstanceUid)} studyUid={t.row.studyInstanceUid} onIntent={onIntent} />
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

function StudyImagesLine({ view, studyUid, onIntent }: { readonly view: StudyImagesView | undefined; readonly studyUid: string; readonly onIntent: (intent: TrackingIntent) => void }) {
  if (!view) return null;
  if (view.keptBytes !== undefined) {
    return (
      <span className="timepoint-list__images">
        images kept in browser ({formatBytes(view.keptBytes)})
        <button type="button" className="timepoint-list__link" onClick={() => onIntent({ kind: 'forget-images', studyInstanceUid: studyUid })}>remove</button>
      </span>
    );
  }
  if (!view.open) return <span className="timepoint-list__images">images not open</span>;
  return (
    <span className="timepoint-list__images">
      <button type="button" className="timepoint-list__link" onClick={() => onIntent({ kind: 'keep-images', studyInstanceUid: studyUid })}>keep images in this browser</button>
    </span>
  );
}
