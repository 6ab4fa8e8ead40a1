// A quiet line under the title bar: the app is ready offline, or a new version waits for the reader's click.
export interface UpdateBannerProps {
  readonly offlineReady: boolean;
  readonly updateReady: boolean;
  readonly onUpdate: () => void;
  readonly onDismiss: () => void;
}

export function UpdateBanner({ offlineReady, updateReady, onUpdate, onDismiss }: UpdateBannerProps) {
  if (!offlineReady && !updateReady) return null;
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      {updateReady
        ? <span>A new version of recist-reader is ready. Your work is saved; switch when you are between reads.</span>
        : <span>recist-reader is ready to work offline.</span>}
      {updateReady && <button type="button" className="button" onClick={onUpdate}>Reload to update</button>}
      <button type="button" className="button" onClick={onDismiss}>{updateReady ? 'Later' : 'OK'}</button>
    </div>
  );
}
