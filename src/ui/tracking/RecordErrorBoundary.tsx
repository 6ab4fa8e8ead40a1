// A read of the lesion record that fails (the browser cleared or blocked storage while the app was open) must not
// take the viewer down with it: the screen falls back to reading without the record, and says why.
import { Component, type ReactNode } from 'react';

export interface RecordErrorBoundaryProps {
  /** What to show instead, given the error's message. */
  readonly fallback: (detail: string) => ReactNode;
  readonly children: ReactNode;
}

interface State {
  readonly detail: string | undefined;
}

export class RecordErrorBoundary extends Component<RecordErrorBoundaryProps, State> {
  override state: State = { detail: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }

  override render(): ReactNode {
    return this.state.detail === undefined ? this.props.children : this.props.fallback(this.state.detail);
  }
}
