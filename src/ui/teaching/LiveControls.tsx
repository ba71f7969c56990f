/**
 * Live mode's two switches (src/app/live.ts): fresh noise and drifting phases every frame, and
 * φ swept between φ/10 and 10·φ. Both are configuration fields, set through their rules like any
 * other input; switching live on also starts the run, since a paused live run shows nothing.
 */
import { sweepRange } from '../../app/live';
import { validateField } from '../../io/config';
import { useAppState } from '../app-context';
import { useSetField } from '../fields';
import { formatNumber } from '../format';
import './teaching.css';

export function LiveControls() {
  const live = useAppState((s) => s.config.live);
  const sweep = useAppState((s) => s.config.sweep);
  const phi = useAppState((s) => s.config.phi);
  const framePhi = useAppState((s) => s.frame?.phi ?? null);
  const setRunning = useAppState((s) => s.setRunning);
  const setField = useSetField();
  const [lo, hi] = sweepRange({ phi });

  const toggle = (field: 'live' | 'sweep', on: boolean): void => {
    const r = validateField(field, on);
    if (!r.ok) return;
    setField(field, r.value);
    if (field === 'live' && on) setRunning(true);
  };

  return (
    <div className="live-controls" data-tour="live">
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="live-toggle"
          checked={live}
          onChange={(e) => toggle('live', e.target.checked)}
        />
        <span>
          Live: fresh noise and drifting phases every frame
          {live && <span className="hint"> (each frame makes and uploads a new batch)</span>}
        </span>
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          data-testid="sweep-toggle"
          checked={sweep}
          disabled={!live}
          onChange={(e) => toggle('sweep', e.target.checked)}
        />
        <span>
          Sweep φ from {formatNumber(lo, 3)} to {formatNumber(hi, 3)} and back
        </span>
      </label>
      {live && sweep && framePhi !== null && (
        <p className="hint" data-testid="live-phi" data-value={framePhi}>
          φ this frame: {formatNumber(framePhi, 4)}
        </p>
      )}
    </div>
  );
}
