/**
 * The roofline on log-log axes: the bandwidth roof (intensity × copy bandwidth) up to the ridge,
 * the FMA peak after it, and each operator at its arithmetic intensity with the FLOP/s it
 * reached; the table says how far each is from the roof above it.
 */
import {
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Roofline } from '../../../scaling/gpu-sweeps';
import { attainable, ridgeIntensity } from '../../../scaling/roofline';
import { logGrid } from '../../../scaling/curves';
import { AXIS_TICK, COLORS, LINE, MARGIN } from '../../plots/chart-style';
import { num } from './SweepCard';

export function RooflineChart({ roofline }: { roofline: Roofline }) {
  const c = roofline.ceilings;
  const ridge = ridgeIntensity(c);
  const intensities = roofline.points.map((p) => p.intensity);
  const lo = Math.min(ridge / 8, ...intensities) / 2;
  const hi = Math.max(ridge * 8, ...intensities) * 2;
  const roof = logGrid(lo, hi, 40).map((x) => ({ x, y: attainable(c, x) }));
  const points = roofline.points.map((p) => ({ x: p.intensity, y: p.flopRate, op: p.op }));
  return (
    <section className="card scaling-roofline" data-testid="roofline" aria-label="Roofline">
      <h3>Roofline</h3>
      <p>
        Copy bandwidth <strong>{num(c.bandwidth / 1e9)} GB/s</strong>, FMA peak{' '}
        <strong>{num(c.peakFlops / 1e9)} GFLOP/s</strong>, ridge at {num(ridge)} FLOP/byte.
      </p>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart margin={MARGIN}>
          <CartesianGrid stroke={COLORS.grid} />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={[lo, hi]}
            tick={AXIS_TICK}
            tickFormatter={num}
            allowDuplicatedCategory={false}
            label={{ value: 'FLOP per byte', position: 'insideBottom', offset: -10, fontSize: 11 }}
          />
          <YAxis
            type="number"
            scale="log"
            domain={['auto', 'auto']}
            tick={AXIS_TICK}
            tickFormatter={num}
            width={64}
          />
          <Tooltip formatter={(v) => num(Number(v))} />
          <Line data={roof} dataKey="y" name="roof" stroke="#111827" {...LINE} />
          <Scatter data={points} dataKey="y" name="operators" fill={COLORS.resolvent}>
            <LabelList dataKey="op" position="top" fontSize={11} />
          </Scatter>
        </ComposedChart>
      </ResponsiveContainer>
      <table className="scaling-ranking">
        <thead>
          <tr>
            <th>operator</th>
            <th>size</th>
            <th>FLOP/byte</th>
            <th>GFLOP/s</th>
            <th>GB/s</th>
            <th>of its roof</th>
          </tr>
        </thead>
        <tbody>
          {roofline.points.map((p) => (
            <tr key={p.op} data-op={p.op}>
              <td>{p.op}</td>
              <td>{p.size}</td>
              <td>{num(p.intensity)}</td>
              <td>{num(p.flopRate / 1e9)}</td>
              <td>{num(p.byteRate / 1e9)}</td>
              <td>
                {(100 * p.fraction).toFixed(1)}% ({p.boundBy})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {roofline.failed.map((f) => (
        <p key={f.op} className="muted small">
          {f.op}: not measured ({f.reason})
        </p>
      ))}
    </section>
  );
}
