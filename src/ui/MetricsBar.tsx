/**
 * The current frame's numbers. Each readout carries its full-precision value in `data-value`
 * (and the frame's engine epoch and sequence number) so tests compare numbers, not text.
 */
import { useState } from 'react';
import type { FrameStamp } from '../app/store';
import { useAppState } from './app-context';
import { formatBytes, formatNumber, formatRate } from './format';

interface ReadoutProps {
  testId: string;
  /** A second test id, on the value itself (which carries `data-value` too). */
  valueTestId?: string;
  label: string;
  value: number | null;
  text: string;
  sub: string;
  /** The frame the value comes from (any kind's). */
  frame: Pick<FrameStamp, 'epoch' | 'seq'> | null;
}

export function Readout({ testId, valueTestId, label, value, text, sub, frame }: ReadoutProps) {
  const data = value === null ? '' : String(value);
  return (
    <div
      className="readout"
      data-testid={testId}
      data-value={data}
      data-epoch={frame?.epoch ?? 0}
      data-seq={frame?.seq ?? 0}
    >
      <span className="readout-label">{label}</span>
      <span
        className="readout-value"
        {...(valueTestId ? { 'data-testid': valueTestId, 'data-value': data } : {})}
      >
        {text}
      </span>
      <span className="readout-sub">{sub}</span>
    </div>
  );
}

/** A share in [0, 1] as a percentage with three significant digits (small shares too). */
function formatShare(share: number): string {
  return `${formatNumber(share * 100, 3)} %`;
}

/** The frame counter every kind shows last: its number, whether the loop is idle, and how it ran. */
export function FrameReadout({
  seq,
  idle,
  sub,
}: {
  seq: number | null;
  idle: boolean;
  sub: string;
}) {
  return (
    <div className="readout readout-frame">
      <span className="readout-label">Frame</span>
      <span className="readout-value small-value" data-testid="frame-seq" data-idle={idle}>
        {seq === null ? '—' : `#${seq}`}
      </span>
      <span className="readout-sub">{sub}</span>
    </div>
  );
}

export function MetricsBar() {
  const frame = useAppState((s) => s.frame);
  const lambda = useAppState((s) => s.config.lambda);
  const idle = useAppState((s) => s.idle);
  // On a phone the sub-lines fold away (CSS), so the first plots fit the first screen.
  const [details, setDetails] = useState(false);
  const dash = '—';
  return (
    <section
      className={details ? 'card metrics foldable details-open' : 'card metrics foldable'}
      aria-label="Current frame"
    >
      <Readout
        testId="metric-high-k-energy"
        valueTestId="metric-highk"
        label="High-k energy E_hk"
        value={frame?.batchHighKEnergy ?? null}
        text={frame ? formatNumber(frame.batchHighKEnergy, 5) : dash}
        sub={
          frame ? `regularizer λ·E_hk = ${formatNumber(frame.regularizer, 4)} (λ = ${lambda})` : ''
        }
        frame={frame}
      />
      <Readout
        testId="metric-highk-fraction"
        label="High-k share"
        value={frame?.batchHighKFraction ?? null}
        text={frame ? formatShare(frame.batchHighKFraction) : dash}
        sub="of the energy Σ|X|², removed by the filter"
        frame={frame}
      />
      <Readout
        testId="metric-coherence"
        label="Coherence C"
        value={frame?.batchCoherence ?? null}
        text={frame ? formatNumber(frame.batchCoherence, 6) : dash}
        sub="share of energy kept, batch-weighted"
        frame={frame}
      />
      <Readout
        testId="metric-throughput"
        label="Throughput"
        value={frame?.signalsPerSecond ?? null}
        text={frame ? `${formatRate(frame.signalsPerSecond)} signals/s` : dash}
        sub={
          frame
            ? `${formatNumber(frame.gflops, 3)} GFLOP/s · ${formatNumber(frame.gbps, 3)} GB/s`
            : ''
        }
        frame={frame}
      />
      <div className="readout">
        <span className="readout-label">Bus per frame</span>
        <span className="readout-value small-value">
          ↑{' '}
          <span data-testid="frame-upload-bytes" data-value={frame?.uploadBytes ?? ''}>
            {frame ? formatBytes(frame.uploadBytes) : dash}
          </span>{' '}
          ↓{' '}
          <span data-testid="frame-readback-bytes" data-value={frame?.readbackBytes ?? ''}>
            {frame ? formatBytes(frame.readbackBytes) : dash}
          </span>
        </span>
        <span className="readout-sub">
          {frame?.backend !== 'webgpu'
            ? 'the CPU engine moves nothing'
            : frame.uploadBytes > 0
              ? 'uploaded ↑ / read back ↓; each frame uploads fresh signals'
              : 'uploaded ↑ / read back ↓; the batch stays on the GPU'}
        </span>
      </div>
      <FrameReadout
        seq={frame?.seq ?? null}
        idle={idle}
        sub={
          frame
            ? `${formatNumber(frame.ms, 3)} ms (${frame.method}) · ${frame.batch} × [${frame.shape.join('×')}]` +
              (frame.dispatches > 0 ? ` · ${frame.dispatches} dispatches` : '')
            : ''
        }
      />
      <button
        type="button"
        className="metrics-toggle"
        aria-expanded={details}
        onClick={() => setDetails((d) => !d)}
      >
        {details ? 'Fewer details' : 'More details'}
      </button>
    </section>
  );
}
