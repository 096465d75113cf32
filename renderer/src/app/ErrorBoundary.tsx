import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Catches a rendering failure anywhere below it and shows what happened instead of a blank
 * window. The library lives on disk in the backend, so reloading the window loses nothing.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Rounds could not draw the window', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main className="crash-screen" role="alert">
        <h1>Rounds ran into a problem showing this window</h1>
        <p>
          Your feeds, items and reading state are saved on this computer and were not affected.
          Reloading the window usually clears this.
        </p>
        <p className="crash-detail">{error.message}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          Reload window
        </button>
      </main>
    );
  }
}
