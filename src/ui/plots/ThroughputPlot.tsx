/**
 * Throughput over time as three small charts sharing the time axis. The three rates are all
 * work ÷ GPU time of the same frames, so on one axis they would draw the same curve three
 * times; separate axes let each be read in its own unit.
 */
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HistoryPoint } from '../../app/store';
import { formatNumber, formatRate } from '../format';
import { LESSONS } from '../teaching';
import { AXIS_TICK, CHART_HEIGHT, COLORS, LINE } from './chart-style';
import { TIME_AXIS, useHistory } from './HistoryPlots';
import { PlotCard, Waiting } from './PlotCard';
import { useInView } from './use-throttled';

type RateKey = 'signalsPerSecond' | 'gflops' | 'gbps';

const SERIES: readonly { key: RateKey; label: string; color: string; format(v: number): string }[] =
  [
    { key: 'signalsPerSecond', label: 'signals/s', color: COLORS.signals, format: formatRate },
    { key: 'gflops', label: 'GFLOP/s', color: COLORS.gflops, format: (v) => formatNumber(v, 3) },
    { key: 'gbps', label: 'GB/s', color: COLORS.gbps, format: (v) => formatNumber(v, 3) },
  ];

const ROW_HEIGHT = Math.floor(CHART_HEIGHT / 3);

function Row({ history, index }: { history: readonly HistoryPoint[]; index: number }) {
  const series = SERIES[index];
  if (!series) return null;
  const last = history.at(-1)?.[series.key] ?? 0;
  const bottom = index === SERIES.length - 1;
  return (
    <div>
      <p className="multiples-label">
        {series.label}: <strong>{series.format(last)}</strong>
      </p>
      <ResponsiveContainer width="100%" height={ROW_HEIGHT + (bottom ? 30 : 0)}>
        <LineChart
          data={history}
          syncId="throughput"
          margin={{ top: 2, right: 12, bottom: bottom ? 18 : 2, left: 4 }}
        >
          <CartesianGrid stroke={COLORS.grid} />
          <XAxis {...TIME_AXIS} hide={!bottom} />
          <YAxis
            tick={AXIS_TICK}
            width={56}
            tickCount={3}
            domain={[0, 'auto']}
            tickFormatter={series.format}
          />
          <Tooltip
            formatter={(v) => [series.format(Number(v)), series.label]}
            labelFormatter={(t) => `t = ${Number(t).toFixed(1)} s`}
          />
          <Line dataKey={series.key} name={series.label} stroke={series.color} {...LINE} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ThroughputPlot() {
  const [card, visible] = useInView<HTMLElement>();
  const history = useHistory(visible);
  return (
    <PlotCard
      title="Throughput over time"
      lesson={LESSONS.throughput}
      testId="plot-throughput"
      cardRef={card}
    >
      {history.length === 0 ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
        SERIES.map((s, i) => <Row key={s.key} history={history} index={i} />)
      )}
    </PlotCard>
  );
}
