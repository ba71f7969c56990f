/** The wave packet's readouts: simulated time, norm, ⟨H⟩, and transmission or position. */
import { useMemo } from 'react';
import { positionMoments } from '../workloads/quantum';
import { useAppState } from './app-context';
import { formatNumber } from './format';
import { FrameReadout, Readout } from './MetricsBar';

export function QuantumMetrics() {
  const view = useAppState((s) => s.quantum);
  const idle = useAppState((s) => s.idle);
  const dt = useAppState((s) => s.config.dt);
  const psi = view?.psi;
  const shape = view?.shape;
  const dx = view?.dx;
  const moments = useMemo(
    () => (psi && shape && dx ? positionMoments(psi, shape, dx) : null),
    [psi, shape, dx],
  );
  const dash = '—';
  const transmission = view?.transmission ?? null;
  return (
    <section className="card metrics" aria-label="Current frame">
      <Readout
        testId="quantum-time"
        label="Time t"
        value={view?.t ?? null}
        text={view ? formatNumber(view.t, 5) : dash}
        sub={view ? `${view.steps.toLocaleString('en-US')} steps of dt = ${dt}` : ''}
        frame={view}
      />
      <Readout
        testId="quantum-norm"
        label="Norm Σ|ψ|²·dx"
        value={view?.norm ?? null}
        text={view ? formatNumber(view.norm, 10) : dash}
        sub={view ? `⟨H⟩ = ${formatNumber(view.energy.total, 6)}` : ''}
        frame={view}
      />
      {transmission ? (
        <Readout
          testId="quantum-transmission"
          label="Transmitted (right of the barrier)"
          value={transmission.measured}
          text={formatNumber(transmission.measured, 4)}
          sub={
            `theory: packet ${formatNumber(transmission.packet, 3)}, ` +
            `plane wave at k₀ ${formatNumber(transmission.planeWave, 3)}`
          }
          frame={view}
        />
      ) : (
        <Readout
          testId="quantum-position"
          label="Position ⟨x⟩"
          value={moments?.mean ?? null}
          text={moments ? formatNumber(moments.mean, 4) : dash}
          sub={moments ? `spread σₓ = ${formatNumber(moments.sigma, 4)}` : ''}
          frame={view}
        />
      )}
      <FrameReadout
        seq={view?.seq ?? null}
        idle={idle}
        sub={
          view?.timing
            ? `${formatNumber(view.timing.ms, 3)} ms (${view.timing.method}) for ` +
              `[${view.shape.join('×')}] on ${view.backend}`
            : view
              ? 'measured only (paused or reset)'
              : ''
        }
      />
    </section>
  );
}
