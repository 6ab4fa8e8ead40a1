// Which time point the reader is reading, from the panes on screen: new lesions start there, and the panel shows it.
import type { CtSeries } from '../../dicom/ctSeries';

/** The time point being read: the study in the rightmost pane (the follow-up), else the baseline. */
export function readingTimepoint<T extends { readonly row: { readonly studyInstanceUid: string } }>(
  ordered: readonly T[], panes: readonly { readonly series: CtSeries }[],
): T | undefined {
  for (const pane of [...panes].reverse()) {
    const found = ordered.find((o) => o.row.studyInstanceUid === pane.series.studyInstanceUid);
    if (found) return found;
  }
  return undefined;
}
