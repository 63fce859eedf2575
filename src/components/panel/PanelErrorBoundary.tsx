import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { title: string; children: ReactNode };
type State = { error: Error | null };

/** Keeps a crash inside one panel: the rest of the page goes on working. */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(
      `Panel "${this.props.title}" failed to render:`,
      error.message,
      info.componentStack,
    );
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="flex flex-col items-start gap-2 p-3 text-sm">
        <p className="font-medium text-red-700 dark:text-red-300">This panel could not be drawn.</p>
        <p className="break-words text-slate-600 dark:text-slate-300">{error.message}</p>
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
