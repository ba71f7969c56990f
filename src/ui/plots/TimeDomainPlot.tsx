/**
 * The chosen signal of the batch, original against filtered: a line chart with zoom and pan
 * (1D), or two images (2D). The card carries the shown window and value range as data
 * attributes (`data-x-min`, `data-x-max`, `data-y-min`, `data-y-max`, `data-peak`) for tests.
 */
import { memo, useMemo, useState } from 'react';
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
import { AXIS_TICK, COLORS, LEGEND, LINE, MARGIN } from './chart-style';
import { ImagePair } from './ImagePair';
import { niceTicks } from './kind-plot-data';
import { PlotCard, Waiting } from './PlotCard';
import {
  amplitude,
  followWindow,
  minValueSpan,
  strongestSample,
  TIME_WINDOW_MAX,
  valueDomain,
  windowPoints,
  type SampleWindow,
  type TimePoint,
} from './sample-window';
import { SignalPicker } from './SignalPicker';
import { usePanDrag, WindowControls } from './WindowControls';

const LESSON_2D = {
  formula: LESSONS.time.formula,
  notice:
    'Left the image, right the same image filtered, on one grey scale: edges soften and fine ' +
    'texture fades because R damps high |κ|; broad shapes keep their contrast.',
};

const sampleTick = (v: number): string => formatNumber(v, 4);
const valueTick = (v: number): string => formatNumber(v, 3);
const tooltipValue = (v: unknown): string => formatNumber(Number(v));
const tooltipLabel = (i: unknown): string => `sample ${String(i)}`;

const Chart1d = memo(function Chart1d({
  data,
  xMin,
  xMax,
  yMin,
  yMax,
  label,
}: {
  data: TimePoint[];
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  label: string;
}) {
  // Round values inside the range: recharts would put ticks at the range's odd ends.
  const yTicks = useMemo(() => niceTicks(yMin, yMax, 4), [yMin, yMax]);
  const xTicks = useMemo(() => niceTicks(xMin, xMax, 5), [xMin, xMax]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis
          dataKey="i"
          type="number"
          domain={[xMin, xMax]}
          ticks={xTicks}
          allowDataOverflow
          tick={AXIS_TICK}
          tickFormatter={sampleTick}
          label={{ value: label, position: 'insideBottom', offset: -8, fontSize: 11 }}
        />
        <YAxis
          tick={AXIS_TICK}
          width={52}
          domain={[yMin, yMax]}
          ticks={yTicks}
          allowDataOverflow
          tickFormatter={valueTick}
        />
        <Tooltip formatter={tooltipValue} labelFormatter={tooltipLabel} />
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
});

/** The 1D card: keeps the shown window, which follows the data until someone zooms or pans. */
function TimeDomain1d({ signal }: { signal: SignalView }) {
  const { original } = signal;
  const n = original.length;
  // Derived state, updated during render when a new signal arrives (React's documented pattern).
  const [seen, setSeen] = useState<Float32Array | null>(null);
  const [auto, setAuto] = useState<SampleWindow | null>(null);
  const [manual, setManual] = useState<{ n: number; window: SampleWindow } | null>(null);
  if (seen !== original) {
    setSeen(original);
    setAuto((previous) => followWindow(previous && previous.end <= n ? previous : null, original));
  }
  const peak = useMemo(() => strongestSample(original), [original]);
  const minSpan = useMemo(() => minValueSpan(amplitude(original)), [original]);
  const w = (manual?.n === n ? manual.window : null) ?? auto ?? followWindow(null, original);
  const data = useMemo(
    () => windowPoints(original, signal.filtered, w),
    [original, signal.filtered, w],
  );
  const yDomain = useMemo(() => valueDomain(data, minSpan), [data, minSpan]);
  const change = (next: SampleWindow) => setManual({ n, window: next });
  const drag = usePanDrag(w, n, change);
  const decimated = w.end - w.start > TIME_WINDOW_MAX;
  const label =
    `sample (${w.start}–${w.end - 1} of ${n})` + (decimated ? ', min/max per group' : '');
  return (
    <PlotCard
      title="Time domain: original vs filtered"
      lesson={LESSONS.time}
      tools={<SignalPicker />}
      testId="plot-time"
      attrs={{
        'data-x-min': w.start,
        'data-x-max': w.end - 1,
        'data-y-min': yDomain[0],
        'data-y-max': yDomain[1],
        'data-peak': peak,
      }}
    >
      <div className="chart-box chart-pan" {...drag}>
        <Chart1d
          data={data}
          xMin={w.start}
          xMax={w.end - 1}
          yMin={yDomain[0]}
          yMax={yDomain[1]}
          label={label}
        />
      </div>
      <WindowControls window={w} n={n} peak={peak} onChange={change} />
    </PlotCard>
  );
}

export function TimeDomainPlot() {
  const signal = useAppState((s) => s.signal);
  if (signal?.shape.length === 2) {
    return (
      <PlotCard
        title="Image: original vs filtered"
        lesson={LESSON_2D}
        tools={<SignalPicker />}
        testId="plot-time"
      >
        <ImagePair signal={signal} shape={signal.shape} />
      </PlotCard>
    );
  }
  if (signal) return <TimeDomain1d signal={signal} />;
  return (
    <PlotCard title="Time domain: original vs filtered" lesson={LESSONS.time} testId="plot-time">
      <Waiting height="var(--chart-height)" />
    </PlotCard>
  );
}
