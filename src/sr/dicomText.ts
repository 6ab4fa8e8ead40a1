// The record's words and dates <-> DICOM value representations (DA, TM, DT, PN), both ways, in one place.
import { formatPersonName } from '../dicom/personName';

export interface DicomMoment {
  readonly date: string;
  readonly time: string;
  /** DT with its UTC offset, e.g. 20261125173000.000+0000. */
  readonly dateTime: string;
}

/** An ISO date-time -> DA, TM and DT in UTC; undefined when it is not a date-time. */
export function dicomMoment(iso: string): DicomMoment | undefined {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  const s = new Date(ms).toISOString(); // 2026-11-25T17:30:00.000Z
  const date = s.slice(0, 10).replace(/-/g, '');
  const time = `${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 23)}`;
  return { date, time, dateTime: `${date}${time}+0000` };
}

/** YYYY-MM-DD -> YYYYMMDD (a study date the record holds is always ISO). */
export const dicomDate = (isoDate: string): string => isoDate.replace(/-/g, '');

/** DA + TM (+ the SR's timezone offset) -> ISO date-time; the date alone at midnight when the time is missing. */
export function isoFromDicom(date: string, time: string, offset: string): string | undefined {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!d) return undefined;
  const t = /^(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,6}))?$/.exec(time) ?? [];
  const ms = (t[4] ?? '').padEnd(3, '0').slice(0, 3);
  const zone = /^[+-]\d{4}$/.test(offset) ? `${offset.slice(0, 3)}:${offset.slice(3)}` : 'Z';
  const local = `${d[1]}-${d[2]}-${d[3]}T${t[1] ?? '00'}:${t[2] ?? '00'}:${t[3] ?? '00'}.${ms}${zone}`;
  const parsed = Date.parse(local);
  return Number.isFinite(parsed) ? new Date(parsed).toISOString() : undefined;
}

/** DT (YYYYMMDDHHMMSS.FFFFFF&ZZXX, trailing parts optional) -> ISO date-time. */
export function isoFromDicomDateTime(dt: string): string | undefined {
  const m = /^(\d{8})(\d{2,6}(?:\.\d{1,6})?)?([+-]\d{4})?$/.exec(dt.trim());
  return m ? isoFromDicom(m[1] ?? '', m[2] ?? '', m[3] ?? '') : undefined;
}

/**
 * A name as the record shows it ("Roe, Jane" from formatPersonName, or plain "Dr Jane Roe") -> PN: "Roe^Jane", or
 * the plain text as the family name component. `\` is PN's value separator and `^` its component one: replaced.
 */
export function personNameValue(display: string): string {
  const clean = (part: string) => part.replace(/[\\^=]/g, ' ').trim().slice(0, 64);
  const comma = display.indexOf(',');
  if (comma < 0) return clean(display);
  return `${clean(display.slice(0, comma))}^${clean(display.slice(comma + 1))}`;
}

/** PN -> the record's display form ("Roe, Jane"), the inverse of personNameValue for names it wrote. */
export const displayName = (pn: string): string => formatPersonName(pn);
