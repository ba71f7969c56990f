/**
 * |X(k)| and the filtered |R·X(k)| of the chosen signal on a dB axis, with R(k) on its own axis
 * from 0 to 1. In 2D, images of both spectra above their radial profiles. The dB axis spans
 * DYNAMIC_RANGE_DB below the strongest bin; the card exposes it as `data-y-min`/`data-y-max`.
 */
import { memo, useMemo } from 'react';
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
import { dbDomain, DYNAMIC_RANGE_DB } from './axis';
import { AXIS_TICK, COLORS, LEGEND, LINE, MARGIN } from './chart-style';
import { PlotCard, Waiting } from './PlotCard';
import {
  peakOf,
  spectrum1d,
  spectrum2d,
  spectrumImages,
  toDb,
  type SpectrumPoint,
} from './plot-data';
import { SpectrumImages } from './SpectrumImages';

const R_TICKS = [0, 0.25, 0.5, 0.75, 1];
const kTick = (v: number): string => formatNumber(v, 3);
const dbTick = (v: number): string => v.toFixed(0);
const tooltipValue = (v: unknown): string => formatNumber(Number(v));
const tooltipLabel = (k: unknown): string => `|κ| = ${formatNumber(Number(k))}`;

const SpectrumChart = memo(function SpectrumChart({
  data,
  yMin,
  yMax,
  kLabel,
}: {
  data: SpectrumPoint[];
  yMin: number;
  yMax: number;
  kLabel: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis
          dataKey="k"
          type="number"
          domain={[0, 'dataMax']}
          tick={AXIS_TICK}
          tickFormatter={kTick}
          label={{ value: kLabel, position: 'insideBottom', offset: -8, fontSize: 11 }}
        />
        <YAxis
          yAxisId="db"
          tick={AXIS_TICK}
          width={44}
          domain={[yMin, yMax]}
          allowDataOverflow
          label={{ value: 'dB', angle: -90, position: 'insideLeft', fontSize: 11, dy: 10 }}
          tickFormatter={dbTick}
        />
        <YAxis
          yAxisId="r"
          orientation="right"
          domain={[0, 1]}
          tick={AXIS_TICK}
          width={36}
          ticks={R_TICKS}
        />
        <Tooltip formatter={tooltipValue} labelFormatter={tooltipLabel} />
        <Legend {...LEGEND} />
        <Line
          yAxisId="db"
          dataKey="db"
          name="|X| (dB)"
          stroke={COLORS.spectrum}
          {...LINE}
          // Wide and pale under |R·X|, so both show where R ≈ 1 puts one on the other.
          strokeWidth={2.5}
          strokeOpacity={0.45}
        />
        <Line
          yAxisId="db"
          dataKey="filteredDb"
          name="|R·X| (dB)"
          className="rx-curve"
          stroke={COLORS.filtered}
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
  );
});

export function SpectrumPlot() {
  const signal = useAppState((s) => s.signal);
  // The φ the shown frame ran with: during a live sweep it is not the configured one.
  const phi = useAppState((s) => s.frame?.phi ?? s.config.phi);
  const unit = useAppState((s) => s.config.kUnit);
  const kScale = useAppState((s) => s.config.kScale);
  const shape = signal?.shape;
  const magnitude = signal?.magnitude;
  const table = useMemo(
    () => (shape ? resolventTable(shape, phi, unit, kScale) : null),
    [shape, phi, unit, kScale],
  );
  // |R·X| ≤ |X| (0 < R ≤ 1), so the strongest |X| bin tops both curves.
  const range = useMemo(() => (magnitude ? dbDomain(toDb(peakOf(magnitude))) : null), [magnitude]);
  const floor = range?.[0];
  const data = useMemo(() => {
    if (!shape || !magnitude || !table || floor === undefined) return null;
    return shape.length === 1
      ? spectrum1d(magnitude, table, unit, floor)
      : spectrum2d(magnitude, table, shape, unit, floor);
  }, [shape, magnitude, table, unit, floor]);
  const images = useMemo(
    () =>
      shape?.length === 2 && magnitude && table && range
        ? spectrumImages(magnitude, table, shape, range)
        : null,
    [shape, magnitude, table, range],
  );
  const text = K_UNIT_TEXT[unit];
  const twoD = shape?.length === 2;
  return (
    <PlotCard
      title={twoD ? '2D spectrum: |X|, |R·X| and R' : 'Spectrum: |X|, filtered |R·X| and R(k)'}
      lesson={LESSONS.spectrum}
      testId="plot-spectrum"
      attrs={range ? { 'data-y-min': range[0], 'data-y-max': range[1] } : {}}
      more={
        <div className="k-units">
          <p>
            |R·X| is the spectrum the filter leaves: |X| lowered by −20·log10 R(k) dB at each k. The
            dB axis spans {DYNAMIC_RANGE_DB} dB below the strongest bin; quieter bins sit on its
            floor (float32 round-off lies about 140 dB down).
          </p>
          <p>
            <strong>k unit: {text.label}.</strong> {text.kappa}; {text.nyquist}.
          </p>
          <p className="muted">
            {kUnitWhy(shape ? shape.reduce((a, b) => Math.max(a, b), 0) : 1024)}
          </p>
        </div>
      }
    >
      {!data || !range ? (
        <Waiting height="var(--chart-height)" />
      ) : (
        <>
          {images && shape?.length === 2 && (
            <SpectrumImages images={images} shape={shape} range={range} />
          )}
          <div className={twoD ? 'chart-box chart-box-short' : 'chart-box'}>
            <SpectrumChart
              data={data}
              yMin={range[0]}
              yMax={range[1]}
              kLabel={`|κ| (${text.label})${twoD ? ', ring means' : ''}`}
            />
          </div>
        </>
      )}
    </PlotCard>
  );
}
