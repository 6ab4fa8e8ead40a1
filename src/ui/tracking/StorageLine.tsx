// Where the record lives: this browser's database, how much of the quota it uses, and whether the browser promised
// to keep it (persistent storage) or may clear it under pressure.
export interface StorageView {
  readonly usedBytes: number;
  readonly quotaBytes: number;
  readonly persisted: boolean;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function StorageLine({ storage }: { readonly storage: StorageView | undefined }) {
  return (
    <p className="storage-line" data-testid="storage-line">
      Saved in this browser as you work
      {storage && <> · {formatBytes(storage.usedBytes)} used of {formatBytes(storage.quotaBytes)}</>}
      {storage && (storage.persisted ? ' · persistent' : ' · not persistent: the browser may clear it when space runs low')}
    </p>
  );
}
