/** The ranking as a plain-text table for the command line. */
import { MODELS } from './models';
import type { Ranking } from './ranking';

const num = (v: number | null): string => {
  if (v === null) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(3) : v.toPrecision(4);
};

export function formatRanking(ranking: Ranking): string {
  const lines: string[] = [];
  for (const f of ranking.models) {
    const model = MODELS[f.model];
    const params = model.params
      .map((s) => {
        const [lo, hi] = f.ci[s.name] ?? [NaN, NaN];
        return `${s.symbol}=${num(f.params[s.name] ?? null)} [${num(lo)}, ${num(hi)}]`;
      })
      .join('  ');
    const derived = Object.entries(f.derived)
      .map(([k, v]) => `${k}=${num(v)}`)
      .join(' ');
    lines.push(
      `${String(f.rank).padStart(2)}. ${f.model.padEnd(9)} AICc ${num(f.aicc).padStart(10)}` +
        `  R² ${f.r2.toFixed(4)}  LOO RMSE ${num(f.looRmse)}` +
        `  hold-out RMSE ${num(f.holdOut?.rmse ?? null)}` +
        (f.holdOut ? ` (${(f.holdOut.mape * 100).toFixed(1)}%)` : ''),
      `      ${params}${derived ? `  ${derived}` : ''}`,
    );
  }
  for (const s of ranking.skipped) lines.push(`    ${s.model}: not fitted, ${s.reason}`);
  lines.push(
    `best hold-out prediction: ${ranking.bestHoldOut ?? '–'}; best leave-one-out: ${ranking.bestLoo ?? '–'}`,
  );
  return lines.join('\n');
}
