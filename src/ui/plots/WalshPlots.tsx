/** The Walsh–Hadamard kind: the shown signal, then its Walsh and Fourier spectra side by side. */
import { useMemo } from 'react';
import {
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
import { fourierPoints, walshPoints, type CoefficientPoint } from './kind-plot-data';
import { PlotCard, Waiting } from './PlotCard';
import { MAX_POINTS } from './plot-data';
import { SignalPicker } from './SignalPicker';

export function WalshSignalPlot() {
  const signal = useAppState((s) => s.walsh?.signal);
  const data = useMemo(
    () => signal && Array.from(signal.subarray(0, MAX_POINTS), (v, i) => ({ i, x: v })),
    [signal],
  );
  const n = signal?.length ?? 0;
  return (
    <PlotCard
      title="Signal"
      lesson={LESSONS.walshSignal}
      tools={<SignalPicker />}
      more={
        n > MAX_POINTS && (
          <p className="muted">
            Samples 0–{MAX_POINTS - 1} of {n}.
          </p>
        )
      }
      testId="plot-walsh-signal"
    >
      {!data ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
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
            <YAxis tick={AXIS_TICK} width={44} tickFormatter={(v: number) => formatNumber(v, 2)} />
            <Tooltip
              formatter={(v) => formatNumber(Number(v))}
              labelFormatter={(i) => `t = ${i}`}
            />
            <Line dataKey="x" name="x[t]" stroke={COLORS.original} {...LINE} type="stepAfter" />
          </LineChart>
        </ResponsiveContainer>
      )}
    </PlotCard>
  );
}

function Spectrum(props: {
  testId: string;
  title: string;
  points: CoefficientPoint[] | null;
  axis: string;
  color: string;
  count: number | undefined;
  n: number;
}) {
  return (
    <figure className="spectrum-half" data-testid={props.testId}>
      <figcaption>
        <strong>{props.title}</strong>{' '}
        {props.count !== undefined && (
          <span className="muted">
            — {props.count} of {props.n} coefficients hold 99% of the energy
          </span>
        )}
      </figcaption>
      {!props.points ? (
        <Waiting height={CHART_HEIGHT} />
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={props.points} margin={MARGIN}>
            <CartesianGrid stroke={COLORS.grid} />
            <XAxis
              dataKey="at"
              type="number"
              domain={[0, 'dataMax']}
              tick={AXIS_TICK}
              label={{ value: props.axis, position: 'insideBottom', offset: -8, fontSize: 11 }}
            />
            <YAxis
              tick={AXIS_TICK}
              width={44}
              domain={[0, 'auto']}
              tickFormatter={(v: number) => formatNumber(v, 2)}
            />
            <Tooltip
              formatter={(v) => [formatNumber(Number(v)), '|coefficient| / N']}
              labelFormatter={(at) => `${props.axis} ${at}`}
            />
            <Line dataKey="amplitude" stroke={props.color} {...LINE} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

export function WalshSpectraPlot() {
  const walsh = useAppState((s) => s.walsh?.walsh);
  const fourier = useAppState((s) => s.walsh?.fourier);
  const walshCount = useAppState((s) => s.walsh?.walshCount);
  const fourierCount = useAppState((s) => s.walsh?.fourierCount);
  const n = walsh?.length ?? 0;
  const walshData = useMemo(() => (walsh ? walshPoints(walsh) : null), [walsh]);
  const fourierData = useMemo(() => (fourier ? fourierPoints(fourier) : null), [fourier]);
  return (
    <PlotCard
      title="Walsh–Hadamard vs Fourier spectrum of the same signal"
      lesson={LESSONS.walshSpectra}
      testId="plot-walsh-spectra"
    >
      <div className="spectrum-pair">
        <Spectrum
          testId="spectrum-walsh"
          title="Walsh, sequency order"
          points={walshData}
          axis="sequency s"
          color={COLORS.resolvent}
          count={walshCount}
          n={n}
        />
        <Spectrum
          testId="spectrum-fourier"
          title="Fourier, |X(k)|"
          points={fourierData}
          axis="k (cycles per N)"
          color={COLORS.spectrum}
          count={fourierCount}
          n={n}
        />
      </div>
    </PlotCard>
  );
}
