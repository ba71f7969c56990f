/**
 * Ratios to the control with their 95% intervals, one row per task × arm: a dot at the median
 * ratio and a bar across its interval, against 1 (no change) and 0.85 (the claim's 15% saving).
 * Log-scaled, so halving and doubling sit equally far from 1.
 */
import type { ArmComparison } from '../../../train/experiment/compare';
import { CLAIMED_SAVING } from '../../../train/experiment/compare';

const ROW = 20;
const LABEL = 150;
const PLOT = 360;

export function CiPlot(props: {
  rows: readonly ArmComparison[];
  metric: 'timeRatio' | 'flopsRatio' | 'stepsRatio';
  title: string;
}) {
  const rows = props.rows.filter((r) => r.verdict !== 'control');
  if (rows.length === 0) return null;
  const values = rows.flatMap((r) => [r[props.metric].lo, r[props.metric].hi, 1]);
  const lo = Math.log(Math.max(1e-3, Math.min(...values) * 0.9));
  const hi = Math.log(Math.max(...values) * 1.1);
  const x = (v: number) => LABEL + ((Math.log(Math.max(v, 1e-3)) - lo) / (hi - lo || 1)) * PLOT;
  const height = (rows.length + 1) * ROW + 8;
  const bar = 1 - CLAIMED_SAVING;
  return (
    <svg
      viewBox={`0 0 ${LABEL + PLOT + 20} ${height}`}
      className="train-ci"
      data-testid={`train-ci-${props.metric}`}
      role="img"
      aria-label={props.title}
    >
      <line x1={x(1)} x2={x(1)} y1={0} y2={height - ROW} stroke="#6b7280" />
      <line
        x1={x(bar)}
        x2={x(bar)}
        y1={0}
        y2={height - ROW}
        stroke="#16a34a"
        strokeDasharray="4 3"
      />
      <text x={x(1) + 3} y={height - 6} fontSize={10}>
        1
      </text>
      <text x={x(bar) - 3} y={height - 6} fontSize={10} textAnchor="end">
        {bar}
      </text>
      {rows.map((r, i) => {
        const y = (i + 0.5) * ROW;
        const iv = r[props.metric];
        const color =
          r.verdict === 'supported'
            ? '#16a34a'
            : r.verdict === 'contradicted'
              ? '#dc2626'
              : '#6b7280';
        return (
          <g key={`${r.task}-${r.arm}`}>
            <text x={0} y={y + 4} fontSize={11}>
              {r.task} · {r.arm}
            </text>
            <line x1={x(iv.lo)} x2={x(iv.hi)} y1={y} y2={y} stroke={color} strokeWidth={2} />
            <circle cx={x(iv.estimate)} cy={y} r={3.5} fill={color} />
          </g>
        );
      })}
    </svg>
  );
}
