/**
 * Norm and ⟨H⟩ against simulated time, as two small charts on one time axis: the norm's drift
 * from 1 is ~1e-7 and the energies are ~1, so one axis would show the norm as a flat line.
 */
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
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { LESSONS } from '../teaching';
import { AXIS_TICK, CHART_HEIGHT, COLORS, LEGEND, LINE } from './chart-style';
import { PlotCard, Waiting } from './PlotCard';

const TIME = {
  dataKey: 't',
  type: 'number',
  domain: ['dataMin', 'dataMax'],
  tick: AXIS_TICK,
  tickFormatter: (v: number) => formatNumber(v, 3),
} as const;

export function QuantumHistoryPlot() {
  const history = useAppState((s) => s.quantumHistory);
  const drift = useMemo(() => history.map((p) => ({ t: p.t, drift: p.norm - 1 })), [history]);
  return (
    <PlotCard
      title="Norm and energy over time"
      lesson={LESSONS.normEnergy}
      testId="plot-norm-energy"
    >
      {history.length === 0 ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
        <>
          <p className="multiples-label">
            norm − 1 (norm now <strong>{formatNumber(history.at(-1)?.norm ?? 1, 10)}</strong>)
          </p>
          <ResponsiveContainer width="100%" height={Math.floor(CHART_HEIGHT / 3)}>
            <LineChart
              data={drift}
              syncId="quantum"
              margin={{ top: 2, right: 12, bottom: 2, left: 4 }}
            >
              <CartesianGrid stroke={COLORS.grid} />
              <XAxis {...TIME} hide />
              <YAxis
                tick={AXIS_TICK}
                width={56}
                tickCount={3}
                domain={['auto', 'auto']}
                tickFormatter={(v: number) => formatNumber(v, 2)}
              />
              <Tooltip
                formatter={(v) => [formatNumber(Number(v), 3), 'norm − 1']}
                labelFormatter={(t) => `t = ${formatNumber(Number(t))}`}
              />
              <Line dataKey="drift" stroke={COLORS.coherence} {...LINE} />
            </LineChart>
          </ResponsiveContainer>
          <ResponsiveContainer width="100%" height={Math.floor((2 * CHART_HEIGHT) / 3) + 30}>
            <LineChart
              data={history}
              syncId="quantum"
              margin={{ top: 2, right: 12, bottom: 18, left: 4 }}
            >
              <CartesianGrid stroke={COLORS.grid} />
              <XAxis
                {...TIME}
                label={{
                  value: 't (simulated)',
                  position: 'insideBottom',
                  offset: -8,
                  fontSize: 11,
                }}
              />
              <YAxis
                tick={AXIS_TICK}
                width={56}
                domain={['auto', 'auto']}
                tickFormatter={(v: number) => formatNumber(v, 3)}
              />
              <Tooltip
                formatter={(v) => formatNumber(Number(v), 6)}
                labelFormatter={(t) => `t = ${formatNumber(Number(t))}`}
              />
              <Legend {...LEGEND} />
              <Line dataKey="energy" name="⟨H⟩" stroke={COLORS.highK} {...LINE} strokeWidth={2} />
              <Line dataKey="kinetic" name="⟨T⟩" stroke={COLORS.spectrum} {...LINE} />
              <Line dataKey="potential" name="⟨V⟩" stroke={COLORS.axis} {...LINE} />
            </LineChart>
          </ResponsiveContainer>
        </>
      )}
    </PlotCard>
  );
}
