// The notice a record panel shows, and the words for a write the store refused: the image panel (useLesionRecord)
// and the report panel (useReportRecord) tell the reader the same way.
import { useCallback, useState } from 'react';
import type { StoreError } from '../../store/storeError';
import { describeStoreError } from '../../ui/messages';
import type { Notice } from '../../ui/tracking/trackingIntent';

export interface NoticeState {
  readonly notice: Notice | undefined;
  readonly setNotice: (notice: Notice | undefined) => void;
  /** Tells the reader in words why the store refused a write. */
  readonly refused: (error: StoreError) => void;
}

export function useNotice(): NoticeState {
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  // Stable, like setNotice: the hooks' callbacks list it as a dependency.
  const refused = useCallback((error: StoreError) => setNotice({ tone: 'error', text: describeStoreError(error) }), []);
  return { notice, setNotice, refused };
}
