/** Metrics over time (high-k energy, coherence) and the coherence over the batch. */
import { useMemo } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
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
import { AXIS_TICK, CHART_HEIGHT, COLORS, LINE, MARGIN } from './chart-style';
import { PlotCard, Waiting } from './PlotCard';
import { histogram } from './plot-data';

export const TIME_AXIS = {
  dataKey: 't',
  type: 'number',
  domain: ['dataMin', 'dataMax'],
  tick: AXIS_TICK,
  // The domain ends at the last point's time: a whole-second format would repeat a label.
  tickFormatter: (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1)),
  label: { value: 'time (s)', position: 'insideBottom', offset: -8, fontSize: 11 },
} as const;

export function useHistory() {
  return useAppState((s) => s.history);
}

/** One metric of the history against time: the shared shape of the two history plots. */
function MetricOverTime(props: {
  title: string;
  lesson: (typeof LESSONS)[keyof typeof LESSONS];
  testId: string;
  dataKey: 'highKEnergy' | 'coherence';
  name: string;
  color: string;
}) {
  const history = useHistory();
  return (
    <PlotCard title={props.title} lesson={props.lesson} testId={props.testId}>
      {history.length === 0 ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={history} margin={MARGIN}>
            <CartesianGrid stroke={COLORS.grid} />
            <XAxis {...TIME_AXIS} />
            <YAxis
              tick={AXIS_TICK}
              width={60}
              domain={['auto', 'auto']}
              tickFormatter={(v: number) => formatNumber(v, 3)}
            />
            <Tooltip
              formatter={(v) => formatNumber(Number(v), 6)}
              labelFormatter={(t) => `t = ${Number(t).toFixed(1)} s`}
            />
            <Line dataKey={props.dataKey} name={props.name} stroke={props.color} {...LINE} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </PlotCard>
  );
}

export function HighKPlot() {
  return (
    <MetricOverTime
      title="Energy of high-k modes over time"
      lesson={LESSONS.highK}
      testId="plot-high-k"
      dataKey="highKEnergy"
      name="E_hk"
      color={COLORS.highK}
    />
  );
}

export function CoherencePlot() {
  return (
    <MetricOverTime
      title="Coherence over time"
      lesson={LESSONS.coherence}
      testId="plot-coherence"
      dataKey="coherence"
      name="C"
      color={COLORS.coherence}
    />
  );
}

export function CoherenceDistribution() {
  const coherence = useAppState((s) => s.signal?.coherence);
  const bars = useMemo(() => (coherence ? histogram(coherence, 24) : null), [coherence]);
  return (
    <PlotCard
      title="Coherence across the batch"
      lesson={LESSONS.distribution}
      testId="plot-distribution"
    >
      {!bars ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={bars} margin={MARGIN} barCategoryGap={1}>
            <CartesianGrid stroke={COLORS.grid} vertical={false} />
            <XAxis
              dataKey="x"
              tick={AXIS_TICK}
              tickFormatter={(v: number) => formatNumber(v, 4)}
              label={{ value: 'coherence C_b', position: 'insideBottom', offset: -8, fontSize: 11 }}
            />
            <YAxis tick={AXIS_TICK} width={40} allowDecimals={false} />
            <Tooltip
              formatter={(v) => [String(v), 'signals']}
              labelFormatter={(x) => `C ≈ ${formatNumber(Number(x), 6)}`}
            />
            <Bar dataKey="count" fill={COLORS.coherence} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </PlotCard>
  );
}
