/**
 * One sweep: its measured points (median with quartile bars) and every model's fitted curve on
 * log x, the hold-out extrapolation of the model that predicted best, the residuals of the
 * top-ranked model, and the ranking table with 95% bootstrap intervals.
 */
import {
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { curve, logGrid, residuals } from '../../../scaling/curves';
import { MODELS, type ModelId } from '../../../scaling/models';
import type { FittedSweep } from '../../../scaling/report';
import { AXIS_TICK, COLORS, LEGEND, LINE, MARGIN } from '../../plots/chart-style';

export const MODEL_COLORS: Record<ModelId, string> = {
  amdahl: '#2563eb',
  gustafson: '#64748b',
  usl: '#dc2626',
  hs: '#059669',
  vs: '#d97706',
  ns: '#7c3aed',
};

export const num = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : v.toPrecision(3);
};

const X_AXIS = {
  type: 'number',
  dataKey: 'x',
  scale: 'log',
  domain: ['auto', 'auto'],
  tick: AXIS_TICK,
  tickFormatter: num,
  allowDuplicatedCategory: false,
} as const;

function RankingTable({ sweep }: { sweep: FittedSweep }) {
  return (
    <table className="scaling-ranking" data-testid={`ranking-${sweep.id}`}>
      <thead>
        <tr>
          <th>#</th>
          <th>model</th>
          <th>AICc</th>
          <th>Δ</th>
          <th>R²</th>
          <th>LOO RMSE</th>
          <th>hold-out error</th>
          <th>parameters [95% CI]</th>
        </tr>
      </thead>
      <tbody>
        {sweep.fits.models.map((f) => (
          <tr key={f.model} data-model={f.model}>
            <td>{f.rank}</td>
            <td style={{ color: MODEL_COLORS[f.model] }}>{MODELS[f.model].label}</td>
            <td>{num(f.aicc)}</td>
            <td>{num(f.deltaAicc)}</td>
            <td>{f.r2.toFixed(3)}</td>
            <td>{num(f.looRmse)}</td>
            <td>{f.holdOut ? `${(100 * f.holdOut.mape).toFixed(1)}%` : '–'}</td>
            <td className="params">
              {MODELS[f.model].params.map((s) => {
                const [lo, hi] = f.ci[s.name] ?? [NaN, NaN];
                return (
                  <span key={s.name}>
                    {s.symbol} = {num(f.params[s.name])} [{num(lo)}, {num(hi)}]{' '}
                  </span>
                );
              })}
              {f.derived.peak !== undefined && <span>n* = {num(f.derived.peak)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SweepCard({ sweep }: { sweep: FittedSweep }) {
  const points = sweep.points.map((p) => ({
    x: p.x,
    y: p.y,
    spread: [p.y - p.yLo, p.yHi - p.y],
  }));
  const xs = sweep.points.map((p) => p.x);
  const grid = logGrid(Math.min(...xs), Math.max(...xs), 48);
  const best = sweep.fits.models[0];
  const holdOutModel = sweep.fits.models.find((m) => m.model === sweep.fits.bestHoldOut);
  return (
    <section
      className="card scaling-sweep"
      data-testid={`sweep-${sweep.id}`}
      aria-label={sweep.label}
    >
      <h3>{sweep.label}</h3>
      <p className="muted small">{sweep.method}</p>
      <p data-testid={`verdict-${sweep.id}`}>
        Best by AICc: <strong>{best ? MODELS[best.model].label : '–'}</strong>. Best prediction of
        the held-out larger half of x:{' '}
        <strong>{holdOutModel ? MODELS[holdOutModel.model].label : '–'}</strong>
        {holdOutModel?.holdOut && ` (${(100 * holdOutModel.holdOut.mape).toFixed(1)}% mean error)`}.
      </p>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart margin={MARGIN}>
          <CartesianGrid stroke={COLORS.grid} />
          <XAxis
            {...X_AXIS}
            label={{ value: sweep.xLabel, position: 'insideBottom', offset: -10, fontSize: 11 }}
          />
          <YAxis tick={AXIS_TICK} tickFormatter={num} width={64} />
          <Tooltip formatter={(v) => num(Number(v))} />
          <Legend {...LEGEND} />
          {sweep.fits.models.map((f) => (
            <Line
              key={f.model}
              data={curve(f.model, f.params, grid)}
              dataKey="y"
              name={f.model}
              stroke={MODEL_COLORS[f.model]}
              {...LINE}
            />
          ))}
          {holdOutModel?.holdOut && (
            <Line
              data={curve(holdOutModel.model, holdOutModel.holdOut.params, grid)}
              dataKey="y"
              name={`${holdOutModel.model} fitted on the smaller half`}
              stroke={MODEL_COLORS[holdOutModel.model]}
              strokeDasharray="4 3"
              {...LINE}
            />
          )}
          <Scatter data={points} dataKey="y" name="measured (median, IQR)" fill="#111827">
            <ErrorBar dataKey="spread" direction="y" stroke="#111827" />
          </Scatter>
        </ComposedChart>
      </ResponsiveContainer>
      {best && (
        <>
          <p className="muted small">Residuals of {MODELS[best.model].label} (measured − fitted)</p>
          <ResponsiveContainer width="100%" height={110}>
            <ComposedChart margin={MARGIN}>
              <CartesianGrid stroke={COLORS.grid} />
              <XAxis {...X_AXIS} />
              <YAxis tick={AXIS_TICK} tickFormatter={num} width={64} />
              <Scatter
                data={residuals(best.model, best.params, sweep.points)}
                dataKey="y"
                name="residual"
                fill={MODEL_COLORS[best.model]}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </>
      )}
      <RankingTable sweep={sweep} />
      {sweep.fits.skipped.map((s) => (
        <p key={s.model} className="muted small">
          {s.model}: not fitted, {s.reason}
        </p>
      ))}
    </section>
  );
}
