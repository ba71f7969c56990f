/**
 * What the current network does: its gradient's spectrum before and after the resolvent filter,
 * and the fit (1D regression) or decision regions (2D classification).
 */
import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ComposedChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { decisionGrid, fitCurve, gradientSpectrum } from '../../../app/labs/training/insight';
import type { Dataset } from '../../../train/datasets';
import type { NetworkState } from '../../../train/network';
import { AXIS_TICK, COLORS, LEGEND, LINE, MARGIN } from '../../plots/chart-style';
import { slotColor } from './chart-data';

function Regions({ state, data }: { state: NetworkState; data: Dataset }) {
  const g = useMemo(() => decisionGrid(state, data, 40), [state, data]);
  const W = 240;
  const sx = (x: number) => ((x - g.x0) / (g.x1 - g.x0 || 1)) * W;
  const sy = (y: number) => W - ((y - g.y0) / (g.y1 - g.y0 || 1)) * W;
  const cell = W / g.cells;
  return (
    <svg
      viewBox={`0 0 ${W} ${W}`}
      width={W}
      height={W}
      data-testid="train-regions"
      role="img"
      aria-label="Decision regions"
    >
      {Array.from(g.classes, (c, i) => (
        <rect
          key={i}
          x={(i % g.cells) * cell}
          y={W - (Math.floor(i / g.cells) + 1) * cell}
          width={cell + 0.5}
          height={cell + 0.5}
          fill={slotColor(c + 1)}
          opacity={0.25}
        />
      ))}
      {Array.from({ length: Math.min(data.count, 400) }, (_, i) => (
        <circle
          key={`p${i}`}
          cx={sx(data.x[2 * i] as number)}
          cy={sy(data.x[2 * i + 1] as number)}
          r={2}
          fill={slotColor((data.y[i] as number) + 1)}
        />
      ))}
    </svg>
  );
}

function Fit({ state, data }: { state: NetworkState; data: Dataset }) {
  const curve = useMemo(() => fitCurve(state), [state]);
  const points = useMemo(
    () =>
      Array.from({ length: Math.min(data.count, 300) }, (_, i) => ({
        x: data.x[i] as number,
        data: data.y[i] as number,
      })),
    [data],
  );
  return (
    <ResponsiveContainer width="100%" height={220}>
      <ComposedChart margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis dataKey="x" type="number" domain={[-1, 1]} tick={AXIS_TICK} />
        <YAxis tick={AXIS_TICK} width={40} />
        <Legend {...LEGEND} />
        <Scatter
          data={points}
          dataKey="data"
          name="data"
          fill={COLORS.original}
          isAnimationActive={false}
        />
        <Line data={curve} dataKey="y" name="network" stroke={COLORS.filtered} {...LINE} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function InsightPanels(props: {
  state: NetworkState | null;
  data: Dataset | null;
  phi: number;
}) {
  const { state, data, phi } = props;
  const spectrum = useMemo(
    () => (state && data ? gradientSpectrum(state, data, { phi, kUnit: 'radians' }) : []),
    [state, data, phi],
  );
  if (!state || !data) return null;
  return (
    <div className="train-charts">
      <div>
        <h3>Gradient spectrum of the widest layer, before and after R (φ = {phi})</h3>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={spectrum} margin={MARGIN}>
            <CartesianGrid stroke={COLORS.grid} />
            <XAxis dataKey="k" tick={AXIS_TICK} />
            <YAxis
              scale="log"
              domain={['auto', 'auto']}
              allowDataOverflow
              tick={AXIS_TICK}
              width={56}
              tickFormatter={(v: number) => v.toExponential(0)}
            />
            <Tooltip />
            <Legend {...LEGEND} />
            <Line dataKey="before" name="|G(k)|²" stroke={COLORS.spectrum} {...LINE} />
            <Line dataKey="after" name="|R·G(k)|²" stroke={COLORS.resolvent} {...LINE} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div>
        {data.inputDim === 2 && data.loss === 'ce' ? (
          <>
            <h3>Decision regions</h3>
            <Regions state={state} data={data} />
          </>
        ) : data.inputDim === 1 && data.loss === 'mse' ? (
          <>
            <h3>Fit</h3>
            <Fit state={state} data={data} />
          </>
        ) : (
          <p className="muted">The fit and decision regions are drawn for the 1D and 2D tasks.</p>
        )}
      </div>
    </div>
  );
}
