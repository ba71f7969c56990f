/**
 * Charts of a run: GB/s and efficiency against N for the 1D FFT (with the copy reference's
 * bandwidth for scale), and the GPU-vs-CPU crossover against the batch.
 */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BenchRun, Crossover } from '../../bench/schema';

import { pow2Ticks } from './chart-data';

const pow2Tick = (v: number): string => `2^${v}`;

function sweep(run: BenchRun) {
  const byN = new Map<
    number,
    { log2n: number; gbps?: number; efficiency?: number; tfjs?: number; fftjs?: number }
  >();
  for (const c of run.cases) {
    if (c.shape.length !== 1) continue;
    const n = c.shape[0] as number;
    const row = byN.get(n) ?? { log2n: Math.log2(n) };
    // The main sweep's case (the largest batch) represents N; tfjs-sized companions do not.
    if (c.op === 'fft' && (row.gbps === undefined || c.efficiency !== null)) {
      row.gbps = c.gbps;
      if (c.efficiency !== null) row.efficiency = c.efficiency * 100;
    }
    if (c.op === 'fftjs') row.fftjs = c.gbps;
    if (c.op === 'tfjs-fft') row.tfjs = c.gbps;
    byN.set(n, row);
  }
  return [...byN.values()].sort((a, b) => a.log2n - b.log2n);
}

function CrossoverChart({ x }: { x: Crossover }) {
  const data = x.points.map((p) => ({
    log2b: Math.log2(p.batch),
    gpu: p.gpuMs,
    roundTrip: p.gpuRoundTripMs ?? undefined,
    cpu: p.cpuMs,
  }));
  return (
    <figure className="bench-chart" data-testid="bench-crossover">
      <figcaption>
        GPU vs fft.js, N = {x.shape.join('×')}: GPU faster from batch{' '}
        {x.batch ?? '— (not in range)'} (kernels), {x.batchRoundTrip ?? '— (not in range)'} (with
        upload and readback)
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="log2b"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={pow2Ticks(data.map((d) => d.log2b))}
            tickFormatter={pow2Tick}
            label={{ value: 'batch', position: 'insideBottomRight', offset: -4 }}
          />
          <YAxis
            scale="log"
            domain={['auto', 'auto']}
            allowDataOverflow
            tickFormatter={(v: number) => v.toPrecision(2)}
            label={{ value: 'ms', angle: -90, position: 'insideLeft' }}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? `${v.toPrecision(3)} ms` : String(v))}
            labelFormatter={(v) => `batch ${2 ** Number(v)}`}
          />
          <Legend />
          <Line dataKey="gpu" name="GPU kernels" stroke="#4338ca" dot isAnimationActive={false} />
          <Line
            dataKey="roundTrip"
            name="GPU with transfers"
            stroke="#0ea5e9"
            dot
            isAnimationActive={false}
          />
          <Line
            dataKey="cpu"
            name="fft.js (1 thread)"
            stroke="#f59e0b"
            dot
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The N axis shared by the sweep charts: log2 N positions labelled as powers of two. */
function sweepAxis(ticks: number[]) {
  return {
    dataKey: 'log2n',
    type: 'number',
    domain: ['dataMin', 'dataMax'],
    ticks,
    tickFormatter: pow2Tick,
  } as const;
}

export function BenchCharts({ run }: { run: BenchRun }) {
  const data = sweep(run);
  const ticks = pow2Ticks(data.map((d) => d.log2n));
  return (
    <div className="bench-charts">
      <figure className="bench-chart" data-testid="bench-chart-gbps">
        <figcaption>
          1D FFT: GB/s (bytes read + written) against N
          {run.adapter.software ? ' — software adapter' : ''}
        </figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...sweepAxis(ticks)} />
            <YAxis
              tickFormatter={(v: number) => v.toPrecision(2)}
              label={{ value: 'GB/s', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip labelFormatter={(v) => `N = ${2 ** Number(v)}`} />
            <Legend />
            <Line
              dataKey="gbps"
              name="this FFT (GPU)"
              stroke="#4338ca"
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="fftjs"
              name="fft.js"
              stroke="#f59e0b"
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="tfjs"
              name="TensorFlow.js"
              stroke="#ef4444"
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="bench-chart" data-testid="bench-chart-efficiency">
        <figcaption>1D FFT: efficiency = copy time for the same bytes ÷ FFT time (%)</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis {...sweepAxis(ticks)} />
            <YAxis
              domain={[0, 'auto']}
              label={{ value: '%', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip
              labelFormatter={(v) => `N = ${2 ** Number(v)}`}
              formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)} %` : String(v))}
            />
            <Line
              dataKey="efficiency"
              name="efficiency"
              stroke="#059669"
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      {run.crossovers.map((x) => (
        <CrossoverChart key={x.shape.join('x')} x={x} />
      ))}
    </div>
  );
}
