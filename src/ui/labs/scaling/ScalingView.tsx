/**
 * The Scaling tab: runs the lab's sweeps here (workers, GPU capacity, transfers, roofline) with
 * progress and cancel, then shows each sweep with every model fitted, the ranking with
 * confidence intervals and the roofline; the report exports as the CLI's JSON.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { browserScalingDeps } from '../../../app/labs/scaling/browser-deps';
import { createScalingLab } from '../../../app/labs/scaling/session';
import { PRESETS, type Preset } from '../../../scaling/plans';
import { download } from '../../download';
import { RooflineChart } from './RooflineChart';
import { SweepCard } from './SweepCard';
import './scaling.css';

const PRESET_LABELS: Record<Preset, string> = {
  tiny: 'tiny (seconds)',
  quick: 'quick (a minute or two)',
  full: 'full (several minutes)',
};

function presetFromHash(): Preset | undefined {
  const m = /(?:^|[#&])scaling=(\w+)/.exec(window.location.hash);
  return PRESETS.find((p) => p === m?.[1]);
}

export function ScalingView() {
  const lab = useMemo(() => createScalingLab(browserScalingDeps, presetFromHash()), []);
  const s = useStore(lab.store);
  const busy = s.phase !== 'idle';
  const report = s.report;
  return (
    <div className="scaling-lab">
      <section className="card">
        <h2>Scaling lab</h2>
        <p>
          Measures how throughput grows with workers (n), signals per GPU dispatch (c) and transfer
          size (b) on this machine, fits Amdahl, Gustafson, the Universal Scalability Law and the
          documents’ f_HS, f_VS and f_NS to each sweep, ranks them by AICc and checks which one
          predicts the larger half of x from the smaller half.
        </p>
        <div className="scaling-controls">
          <label>
            Preset{' '}
            <select
              data-testid="scaling-preset"
              value={s.preset}
              disabled={busy}
              onChange={(e) => lab.setPreset(e.target.value as Preset)}
            >
              {PRESETS.map((p) => (
                <option key={p} value={p}>
                  {PRESET_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            data-testid="scaling-run"
            disabled={busy}
            onClick={() => void lab.run()}
          >
            Run sweeps
          </button>
          <button
            type="button"
            data-testid="scaling-cancel"
            disabled={!busy}
            onClick={() => lab.cancel()}
          >
            Cancel
          </button>
          <button
            type="button"
            data-testid="scaling-export"
            disabled={!report}
            onClick={() => download('scaling.json', 'application/json', lab.exportJson())}
          >
            Export JSON
          </button>
        </div>
        <p data-testid="scaling-status" role="status">
          {s.phase === 'measuring'
            ? `Measuring ${s.progress ? `${s.progress.sweep} ${s.progress.done}/${s.progress.total}: ${s.progress.label}` : '…'}`
            : s.phase === 'fitting'
              ? 'Fitting every model to every sweep…'
              : s.error
                ? `Stopped: ${s.error}`
                : report
                  ? `Measured ${new Date(report.date).toLocaleString()}`
                  : 'Not run yet.'}
        </p>
        {s.progress && busy && (
          <progress max={s.progress.total} value={s.progress.done} data-testid="scaling-progress" />
        )}
      </section>
      {report && (
        <>
          {report.sweeps.map((sweep) => (
            <SweepCard key={sweep.id} sweep={sweep} />
          ))}
          {'roofline' in report.gpu ? (
            <RooflineChart roofline={report.gpu.roofline} />
          ) : (
            <p className="card" data-testid="scaling-gpu-error">
              GPU sweeps not run: {report.gpu.error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
