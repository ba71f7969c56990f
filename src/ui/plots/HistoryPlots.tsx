/**
 * Metrics over time (high-k energy as a share or in absolute units, coherence) and the
 * coherence over the batch. Shares are drawn on ranges inside [0, 1] (`unitDomain`); the cards
 * expose them as `data-y-min`/`data-y-max`.
 */
import { memo, useMemo, useState } from 'react';
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
import type { AppState, HistoryPoint } from '../../app/store';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { LESSONS } from '../teaching';
import { decimalsFor, stepTicks, unitDomain } from './axis';
import { AXIS_TICK, COLORS, LINE, MARGIN } from './chart-style';
import { PlotCard, Waiting } from './PlotCard';
import { histogram } from './plot-data';
import { HIDDEN_REDRAW_MS, HISTORY_REDRAW_MS, useInView, useThrottledState } from './use-throttled';

export const TIME_AXIS = {
  dataKey: 't',
  type: 'number',
  domain: ['dataMin', 'dataMax'],
  tick: AXIS_TICK,
  // The domain ends at the last point's time: a whole-second format would repeat a label.
  tickFormatter: (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1)),
  label: { value: 'time (s)', position: 'insideBottom', offset: -8, fontSize: 11 },
} as const;

/** The history as a plot over time draws it: less often when off screen (use-throttled.ts). */
export function useHistory(visible = true): readonly HistoryPoint[] {
  return useThrottledState(selectHistory, visible ? HISTORY_REDRAW_MS : HIDDEN_REDRAW_MS);
}

const selectHistory = (s: AppState): readonly HistoryPoint[] => s.history;

type MetricKey = 'highKEnergy' | 'highKFraction' | 'coherence';

const valueTick = (v: number): string => formatNumber(v, 3);
const tooltipValue = (v: unknown): string => formatNumber(Number(v), 6);
const tooltipTime = (t: unknown): string => `t = ${Number(t).toFixed(1)} s`;

/** One metric of the history against time, on a fixed range or recharts' automatic one. */
const MetricChart = memo(function MetricChart(props: {
  history: readonly HistoryPoint[];
  dataKey: MetricKey;
  name: string;
  color: string;
  domain: readonly [number, number] | null;
}) {
  const { domain } = props;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={props.history} margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis {...TIME_AXIS} />
        <YAxis
          tick={AXIS_TICK}
          width={60}
          domain={domain ? [domain[0], domain[1]] : ['auto', 'auto']}
          {...(domain ? { ticks: stepTicks(domain) } : {})}
          tickFormatter={valueTick}
        />
        <Tooltip formatter={tooltipValue} labelFormatter={tooltipTime} />
        <Line dataKey={props.dataKey} name={props.name} stroke={props.color} {...LINE} />
      </LineChart>
    </ResponsiveContainer>
  );
});

function useShareDomain(
  history: readonly HistoryPoint[],
  key: 'highKFraction' | 'coherence',
): [number, number] {
  const [lo, hi] = useMemo(() => unitDomain(history.map((p) => p[key])), [history, key]);
  // A fresh tuple only when the range moves, so the chart's props stay equal between frames.
  return useMemo(() => [lo, hi], [lo, hi]);
}

export function HighKPlot() {
  const [card, visible] = useInView<HTMLElement>();
  const history = useHistory(visible);
  const [absolute, setAbsolute] = useState(false);
  const domain = useShareDomain(history, 'highKFraction');
  const toggle = (
    <div className="segmented" role="group" aria-label="High-k energy units">
      <button
        type="button"
        aria-pressed={!absolute}
        data-testid="high-k-share"
        onClick={() => setAbsolute(false)}
      >
        share
      </button>
      <button
        type="button"
        aria-pressed={absolute}
        data-testid="high-k-absolute"
        onClick={() => setAbsolute(true)}
      >
        E_hk
      </button>
    </div>
  );
  return (
    <PlotCard
      title={absolute ? 'High-k energy E_hk over time' : 'High-k share of the energy over time'}
      lesson={LESSONS.highK}
      cardRef={card}
      testId="plot-high-k"
      tools={toggle}
      attrs={
        absolute
          ? { 'data-units': 'absolute' }
          : {
              'data-units': 'fraction',
              'data-y-min': domain[0],
              'data-y-max': domain[1],
            }
      }
      more={
        <p>
          Share = Σ(1 − R)²·|X|² / Σ|X|²: the part of the batch&apos;s energy the filter removes,
          between 0 and 1 whatever the signal&apos;s amplitude. E_hk is the same sum divided by the
          number of bins.
        </p>
      }
    >
      {history.length === 0 ? (
        <Waiting height="var(--chart-height)" />
      ) : (
        <div className="chart-box">
          {absolute ? (
            <MetricChart
              history={history}
              dataKey="highKEnergy"
              name="E_hk"
              color={COLORS.highK}
              domain={null}
            />
          ) : (
            <MetricChart
              history={history}
              dataKey="highKFraction"
              name="share removed"
              color={COLORS.highK}
              domain={domain}
            />
          )}
        </div>
      )}
    </PlotCard>
  );
}

export function CoherencePlot() {
  const [card, visible] = useInView<HTMLElement>();
  const history = useHistory(visible);
  const domain = useShareDomain(history, 'coherence');
  return (
    <PlotCard
      title="Coherence over time"
      lesson={LESSONS.coherence}
      cardRef={card}
      testId="plot-coherence"
      attrs={{ 'data-y-min': domain[0], 'data-y-max': domain[1] }}
    >
      {history.length === 0 ? (
        <Waiting height="var(--chart-height)" />
      ) : (
        <div className="chart-box">
          <MetricChart
            history={history}
            dataKey="coherence"
            name="C"
            color={COLORS.coherence}
            domain={domain}
          />
        </div>
      )}
    </PlotCard>
  );
}

const DistributionChart = memo(function DistributionChart({
  bars,
}: {
  bars: ReturnType<typeof histogram>;
}) {
  // Labels carry enough decimals to tell neighbouring bars apart (recharts skips some).
  const step = bars.length > 1 ? (bars[1]?.x ?? 0) - (bars[0]?.x ?? 0) : 0;
  const decimals = step > 0 ? decimalsFor(step) : 6;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={bars} margin={MARGIN} barCategoryGap={1}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis
          dataKey="x"
          tick={AXIS_TICK}
          tickFormatter={(v: number) => v.toFixed(decimals)}
          label={{ value: 'coherence C_b', position: 'insideBottom', offset: -8, fontSize: 11 }}
        />
        <YAxis tick={AXIS_TICK} width={40} allowDecimals={false} />
        <Tooltip
          formatter={(v) => [String(v), 'signals']}
          labelFormatter={(x) => `C ≈ ${Number(x).toFixed(decimals)}`}
        />
        <Bar dataKey="count" fill={COLORS.coherence} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});

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
        <Waiting height="var(--chart-height)" />
      ) : (
        <div className="chart-box">
          <DistributionChart bars={bars} />
        </div>
      )}
    </PlotCard>
  );
}
