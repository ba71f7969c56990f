/** |X(k)| of the chosen signal on a log (dB) axis, with R(k) on its own axis from 0 to 1. */
import { useMemo } from 'react';
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
import { resolventTable } from '../../engine';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { K_UNIT_TEXT, kUnitWhy, LESSONS } from '../teaching';
import { AXIS_TICK, CHART_HEIGHT, COLORS, LEGEND, LINE, MARGIN } from './chart-style';
import { PlotCard, Waiting } from './PlotCard';
import { spectrum1d, spectrum2d } from './plot-data';

export function SpectrumPlot() {
  const signal = useAppState((s) => s.signal);
  const phi = useAppState((s) => s.config.phi);
  const unit = useAppState((s) => s.config.kUnit);
  const kScale = useAppState((s) => s.config.kScale);
  const shape = signal?.shape;
  const magnitude = signal?.magnitude;
  const table = useMemo(
    () => (shape ? resolventTable(shape, phi, unit, kScale) : null),
    [shape, phi, unit, kScale],
  );
  const data = useMemo(() => {
    if (!shape || !magnitude || !table) return null;
    return shape.length === 1
      ? spectrum1d(magnitude, table, unit)
      : spectrum2d(magnitude, table, shape, unit);
  }, [shape, magnitude, table, unit]);
  const text = K_UNIT_TEXT[unit];
  return (
    <PlotCard
      title="Spectrum |X(k)| and the filter R(k)"
      lesson={LESSONS.spectrum}
      testId="plot-spectrum"
      more={
        <div className="k-units">
          <p>
            <strong>k unit: {text.label}.</strong> {text.kappa}; {text.nyquist}.
          </p>
          <p className="muted">
            {kUnitWhy(shape ? shape.reduce((a, b) => Math.max(a, b), 0) : 1024)}
          </p>
        </div>
      }
    >
      {!data ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={data} margin={MARGIN}>
            <CartesianGrid stroke={COLORS.grid} />
            <XAxis
              dataKey="k"
              type="number"
              domain={[0, 'dataMax']}
              tick={AXIS_TICK}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              label={{
                value: `|κ| (${text.label})`,
                position: 'insideBottom',
                offset: -8,
                fontSize: 11,
              }}
            />
            <YAxis
              yAxisId="db"
              tick={AXIS_TICK}
              width={44}
              domain={['auto', 'auto']}
              label={{ value: 'dB', angle: -90, position: 'insideLeft', fontSize: 11, dy: 10 }}
              tickFormatter={(v: number) => v.toFixed(0)}
            />
            <YAxis
              yAxisId="r"
              orientation="right"
              domain={[0, 1]}
              tick={AXIS_TICK}
              width={36}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
            />
            <Tooltip
              formatter={(v) => formatNumber(Number(v))}
              labelFormatter={(k) => `|κ| = ${formatNumber(Number(k))}`}
            />
            <Legend {...LEGEND} />
            <Line
              yAxisId="db"
              dataKey="db"
              name="|X| (dB)"
              stroke={COLORS.spectrum}
              {...LINE}
              strokeWidth={1}
            />
            <Line
              yAxisId="r"
              dataKey="r"
              name="R(k) (right axis)"
              className="r-curve"
              stroke={COLORS.resolvent}
              {...LINE}
              strokeWidth={2}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </PlotCard>
  );
}
