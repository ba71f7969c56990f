/**
 * Last line of defence against a blank page: a rendering error shows what failed and offers a
 * way back to a known-good state (the defaults) instead of unmounting the whole app.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { STORAGE_KEY } from '../io/permalink';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Playground render error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="notice notice-error crash" role="alert" data-testid="render-error">
        <div className="notice-text">
          <strong>Part of the page failed to draw: {error.message}</strong>
          <p>
            The configuration is kept in the URL. Try again, or start over with the default
            configuration.
          </p>
          <div className="run-controls">
            <button type="button" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
            <button
              type="button"
              onClick={() => {
                // Storage could hold the culprit: forget it, then load with no hash.
                try {
                  localStorage.removeItem(STORAGE_KEY);
                } catch {
                  // Storage may be unavailable; the empty hash alone still gives the defaults.
                }
                window.location.hash = '';
                window.location.reload();
              }}
            >
              Reset to defaults
            </button>
          </div>
        </div>
      </div>
    );
  }
}
