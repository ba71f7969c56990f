/** The wave packet now: |ψ|², Re ψ and V in position, and |φ(k)|² in momentum (1D charts, 2D images). */
import { useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { QuantumView } from '../../app/quantum-sim';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { CAYLEY_NOTE, LESSONS } from '../teaching';
import { AXIS_TICK, CHART_HEIGHT, COLORS, LEGEND, LINE, MARGIN } from './chart-style';
import { FieldImage } from './FieldImage';
import {
  densityOf,
  fftShift,
  momentumPoints,
  niceTicks,
  packetPoints,
  potentialRange,
} from './kind-plot-data';
import { PlotCard, Waiting } from './PlotCard';

const IMAGE_HEIGHT = 300;

function useQuantum() {
  return useAppState((s) => s.quantum);
}

/** Where V is at least half its largest value: the walls drawn over the 2D image. */
function wallsOf(potential: Float64Array): boolean[] | null {
  let max = 0;
  for (const v of potential) max = Math.max(max, v);
  return max > 0 ? Array.from(potential, (v) => v >= max / 2) : null;
}

function Packet1d({ view }: { view: QuantumView }) {
  const { psi, potential, dx } = view;
  const data = useMemo(() => packetPoints(psi, potential, dx), [psi, potential, dx]);
  const lo = data[0]?.x ?? 0;
  const hi = data.at(-1)?.x ?? 0;
  const ticks = useMemo(() => niceTicks(lo, hi), [lo, hi]);
  const vRange = useMemo(
    () => potentialRange(potential, view.energy.total),
    [potential, view.energy.total],
  );
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <ComposedChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis
          dataKey="x"
          type="number"
          domain={[lo, hi]}
          ticks={ticks}
          tick={AXIS_TICK}
          tickFormatter={(v: number) => formatNumber(v, 3)}
          label={{ value: 'x', position: 'insideBottom', offset: -8, fontSize: 11 }}
        />
        <YAxis
          yAxisId="psi"
          tick={AXIS_TICK}
          width={44}
          tickFormatter={(v: number) => formatNumber(v, 2)}
        />
        <YAxis
          yAxisId="v"
          orientation="right"
          tick={AXIS_TICK}
          width={40}
          domain={vRange}
          ticks={niceTicks(vRange[0], vRange[1], 4)}
          allowDataOverflow
          tickFormatter={(v: number) => formatNumber(v, 2)}
        />
        <Tooltip
          formatter={(v) => formatNumber(Number(v))}
          labelFormatter={(x) => `x = ${formatNumber(Number(x))}`}
        />
        <Legend {...LEGEND} />
        <Area
          yAxisId="v"
          dataKey="v"
          name="V (right axis)"
          stroke={COLORS.axis}
          fill={COLORS.axis}
          fillOpacity={0.15}
          isAnimationActive={false}
          type="stepAfter"
        />
        <Line
          yAxisId="psi"
          dataKey="re"
          name="Re ψ"
          stroke={COLORS.spectrum}
          {...LINE}
          strokeWidth={1}
        />
        <Line
          yAxisId="psi"
          dataKey="density"
          name="|ψ|²"
          stroke={COLORS.filtered}
          {...LINE}
          strokeWidth={2}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function PacketPlot() {
  const view = useQuantum();
  const psi = view?.psi;
  const potential = view?.potential;
  const density = useMemo(() => (psi ? densityOf(psi) : null), [psi]);
  const walls = useMemo(() => (potential ? wallsOf(potential) : null), [potential]);
  const title =
    view?.shape.length === 2
      ? 'Wave packet |ψ|² and the potential'
      : 'Wave packet: |ψ|², Re ψ and V';
  return (
    <PlotCard title={title} lesson={LESSONS.packet} testId="plot-packet">
      {!view ? (
        <Waiting height={CHART_HEIGHT} />
      ) : view.shape.length === 1 ? (
        <Packet1d view={view} />
      ) : (
        density && (
          <div style={{ height: IMAGE_HEIGHT }} className="field-frame">
            <FieldImage
              values={density}
              ny={view.shape[0]}
              nx={view.shape[1]}
              mask={walls}
              caption={`|ψ|² at t = ${formatNumber(view.t, 4)} (brightness √(|ψ|²/max); grey: V ≥ ½ max V)`}
              testId="image-density"
            />
          </div>
        )
      )}
    </PlotCard>
  );
}

function Momentum1d({ view }: { view: QuantumView }) {
  const { momentum, dx } = view;
  const data = useMemo(() => momentumPoints(momentum, dx), [momentum, dx]);
  // Zoom to where the packet's momenta are (both signs, so a reflected −k₀ stays in view).
  const reach = useMemo(() => {
    let max = 0;
    for (const p of data) max = Math.max(max, p.p);
    let k = 0;
    for (const p of data) if (p.p >= 1e-3 * max) k = Math.max(k, Math.abs(p.k));
    return Math.max(1, 1.2 * k);
  }, [data]);
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis
          dataKey="k"
          type="number"
          domain={[-reach, reach]}
          ticks={niceTicks(-reach, reach)}
          allowDataOverflow
          tick={AXIS_TICK}
          tickFormatter={(v: number) => formatNumber(v, 2)}
          label={{
            value: 'k (momentum, ħ = 1)',
            position: 'insideBottom',
            offset: -8,
            fontSize: 11,
          }}
        />
        <YAxis
          tick={AXIS_TICK}
          width={44}
          domain={[0, 'auto']}
          tickFormatter={(v: number) => formatNumber(v, 2)}
        />
        <Tooltip
          formatter={(v) => [formatNumber(Number(v)), '|φ(k)|²']}
          labelFormatter={(k) => `k = ${formatNumber(Number(k))}`}
        />
        <Line dataKey="p" name="|φ(k)|²" stroke={COLORS.resolvent} {...LINE} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function MomentumPlot() {
  const view = useQuantum();
  const momentum = view?.momentum;
  const shape = view?.shape;
  const shifted = useMemo(
    () => (momentum && shape?.length === 2 ? fftShift(momentum, shape[0], shape[1]) : null),
    [momentum, shape],
  );
  return (
    <PlotCard
      title="Momentum distribution |φ(k)|² = |FFT ψ|²"
      lesson={LESSONS.momentum}
      more={<p className="muted">{CAYLEY_NOTE}</p>}
      testId="plot-momentum"
    >
      {!view ? (
        <Waiting height={CHART_HEIGHT} />
      ) : view.shape.length === 1 ? (
        <Momentum1d view={view} />
      ) : (
        shifted && (
          <div style={{ height: IMAGE_HEIGHT }} className="field-frame">
            <FieldImage
              values={shifted}
              ny={view.shape[0]}
              nx={view.shape[1]}
              caption="|φ(k)|², k = 0 at the centre, kx to the right (brightness √(value/max))"
              testId="image-momentum"
            />
          </div>
        )
      )}
    </PlotCard>
  );
}
