/** Run / pause, single step (one frame) and reset (clears the history plots; the packet restarts at t = 0). */
import { useAppState } from './app-context';

export function RunControls() {
  const running = useAppState((s) => s.running);
  const setRunning = useAppState((s) => s.setRunning);
  const step = useAppState((s) => s.step);
  const reset = useAppState((s) => s.reset);
  const quantum = useAppState((s) => s.config.kind === 'quantum');
  return (
    <div className="run-controls">
      <button
        type="button"
        className={`primary ${running ? 'is-running' : ''}`}
        data-testid="run-toggle"
        aria-pressed={running}
        onClick={() => setRunning(!running)}
      >
        {running ? '❚❚ Pause' : '▶ Run'}
      </button>
      <button type="button" data-testid="step" onClick={step} title="Pause and compute one frame">
        Step
      </button>
      <button
        type="button"
        data-testid="reset"
        onClick={reset}
        title={quantum ? 'Restart the packet at t = 0' : 'Clear the history plots'}
      >
        Reset
      </button>
    </div>
  );
}
