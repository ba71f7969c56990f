/** The chosen signal of the batch, original against filtered: a line chart, or two images. */
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
import type { SignalView } from '../../app/store';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { LESSONS } from '../teaching';
import { AXIS_TICK, CHART_HEIGHT, COLORS, LEGEND, LINE, MARGIN } from './chart-style';
import { ImagePair } from './ImagePair';
import { PlotCard, Waiting } from './PlotCard';
import { MAX_POINTS, timeWindow } from './plot-data';
import { SignalPicker } from './SignalPicker';

function Line1d({ signal }: { signal: SignalView }) {
  const data = useMemo(() => timeWindow(signal.original, signal.filtered), [signal]);
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis
          dataKey="i"
          type="number"
          domain={['dataMin', 'dataMax']}
          tick={AXIS_TICK}
          label={{ value: 'sample', position: 'insideBottom', offset: -8, fontSize: 11 }}
        />
        <YAxis tick={AXIS_TICK} width={52} tickFormatter={(v: number) => formatNumber(v, 2)} />
        <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(i) => `sample ${i}`} />
        <Legend {...LEGEND} />
        {/* Wide and pale under the filtered line, so both stay visible where they agree. */}
        <Line
          dataKey="original"
          stroke={COLORS.original}
          {...LINE}
          strokeWidth={2.5}
          strokeOpacity={0.45}
        />
        <Line dataKey="filtered" stroke={COLORS.filtered} {...LINE} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function TimeDomainPlot() {
  const signal = useAppState((s) => s.signal);
  const n = signal ? signal.original.length : 0;
  const note =
    signal && signal.shape.length === 1 && n > MAX_POINTS
      ? `Samples 0–${MAX_POINTS - 1} of ${n}.`
      : null;
  return (
    <PlotCard
      title="Time domain: original vs filtered"
      lesson={LESSONS.time}
      tools={<SignalPicker />}
      more={note && <p className="muted">{note}</p>}
      testId="plot-time"
    >
      {!signal ? (
        <Waiting height={CHART_HEIGHT} />
      ) : signal.shape.length === 2 ? (
        <ImagePair signal={signal} shape={signal.shape} />
      ) : (
        <Line1d signal={signal} />
      )}
    </PlotCard>
  );
}
