/** The Walsh–Hadamard kind's readouts: coefficients each basis needs, and the two transforms' times. */
import { ENERGY_SHARE } from '../app/walsh-frame';
import { useAppState } from './app-context';
import { formatNumber } from './format';
import { FrameReadout, Readout } from './MetricsBar';

export function WalshMetrics() {
  const view = useAppState((s) => s.walsh);
  const idle = useAppState((s) => s.idle);
  const dash = '—';
  const share = `${Math.round(ENERGY_SHARE * 100)}%`;
  return (
    <section className="card metrics" aria-label="Current frame">
      <Readout
        testId="metric-walsh-count"
        label={`Walsh coefficients for ${share}`}
        value={view?.walshCount ?? null}
        text={view ? `${view.walshCount} of ${view.n}` : dash}
        sub={`signal ${view?.index ?? 0}, ±1 square-wave basis`}
        frame={view}
      />
      <Readout
        testId="metric-fourier-count"
        label={`Fourier coefficients for ${share}`}
        value={view?.fourierCount ?? null}
        text={view ? `${view.fourierCount} of ${view.n}` : dash}
        sub={`signal ${view?.index ?? 0}, sine basis (±k counted apart)`}
        frame={view}
      />
      <Readout
        testId="metric-walsh-time"
        label="WHT time, whole batch"
        value={view?.whtMs ?? null}
        text={view ? `${formatNumber(view.whtMs, 3)} ms` : dash}
        sub={view ? `FFT of the same batch ${formatNumber(view.fftMs, 3)} ms (${view.method})` : ''}
        frame={view}
      />
      <FrameReadout
        seq={view?.seq ?? null}
        idle={idle}
        sub={view ? `${view.batch} × [${view.n}] on ${view.backend}` : ''}
      />
    </section>
  );
}
