/** The claim experiment as Markdown tables and sentences (the CLI prints it; the README quotes it). */
import type { Interval } from '../../measure/bootstrap';
import { median } from '../../measure/summary';
import type { ClaimMetric, ClaimRuns } from './claim';
import type { Baseline, Comparison, Verdict } from './compare';

export const RATIO_COLUMNS: readonly [ClaimMetric, string][] = [
  ['contextSwitches', 'switches'],
  ['switchesPerTask', 'switches/task'],
  ['cacheMisses', 'cache misses'],
  ['overheadTime', 'overhead time'],
  ['meanResponse', 'mean resp.'],
  ['p99Response', 'p99 resp.'],
  ['makespan', 'makespan'],
];
export const ABSOLUTE_COLUMNS: readonly [ClaimMetric, string][] = [
  ['deadlineMisses', 'deadline misses'],
  ['dropped', 'dropped'],
  ['migrations', 'migrations'],
];

const f2 = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
export const fmtInterval = (i: Interval) => `${f2(i.estimate)} [${f2(i.lo)}, ${f2(i.hi)}]`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function comparisonTable(
  runs: ClaimRuns,
  comparisons: readonly Comparison[],
  workload: string,
  baseline: Baseline,
): string {
  const find = (policy: string, metric: ClaimMetric) =>
    comparisons.find(
      (c) =>
        c.workload === workload &&
        c.baseline === baseline &&
        c.policy === policy &&
        c.metric === metric,
    );
  const head = [
    'policy',
    ...RATIO_COLUMNS.map(([, l]) => `${l} ÷ ${baseline}`),
    ...ABSOLUTE_COLUMNS.map(([, l]) => `${l} (median)`),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const base = runs.values[workload]?.[baseline];
  for (const policy of runs.policies) {
    const cells: string[] = [policy];
    for (const [m] of RATIO_COLUMNS) {
      const c = find(policy, m);
      cells.push(policy === baseline ? '1' : c?.ratio ? fmtInterval(c.ratio) : '—');
    }
    for (const [m] of ABSOLUTE_COLUMNS) {
      const c = find(policy, m);
      const own = policy === baseline ? base?.[m] : undefined;
      cells.push(c ? f2(c.medianPolicy) : own ? f2(median(own)) : '—');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function verdictSentence(v: Verdict): string {
  const r = v.reduction;
  const q = v.reductionPerTask;
  const c = v.costs;
  const p99 = c.p99Ratio ? `p99 response ×${fmtInterval(c.p99Ratio)}` : 'p99 response: no ratio';
  const mean = c.meanResponseRatio ? `mean response ×${fmtInterval(c.meanResponseRatio)}` : '';
  const fifo = v.fifoReduction
    ? ` FIFO, which drops nothing and ignores coherence, gets ${pct(v.fifoReduction.estimate)} ` +
      `[${pct(v.fifoReduction.lo)}, ${pct(v.fifoReduction.hi)}] against ${v.baseline} too.`
    : '';
  return (
    `${v.workload}, against ${v.baseline}: ${pct(r.estimate)} fewer context switches ` +
    `[95% CI ${pct(r.lo)}, ${pct(r.hi)}] — ${v.label}. Per completed task: ${pct(q.estimate)} ` +
    `[${pct(q.lo)}, ${pct(q.hi)}]. Paid for with ${pct(c.droppedShare)} of tasks dropped ` +
    `(${pct(c.droppedWorkShare)} of the work lost), deadline misses ${f2(c.deadlineMisses.coherence)} ` +
    `vs ${f2(c.deadlineMisses.baseline)} (medians), ${p99}${mean ? `, ${mean}` : ''}.${fifo}`
  );
}

export function formatClaimReport(
  runs: ClaimRuns,
  comparisons: readonly Comparison[],
  verdicts: readonly Verdict[],
): string {
  const m = runs.machine;
  const out: string[] = [
    `Scheduler claim experiment: ${runs.seeds} paired seeds × ${runs.count} tasks, offered load ` +
      `${runs.load}, ${m.speeds.length} cores (speeds ${m.speeds.join(',')}), quantum ${m.quantum}, ` +
      `switch ${m.switchCost}, miss ${m.missCost}, migration ${m.migrationCost}.`,
    'Ratios: median over seeds of policy ÷ baseline on the same task set, [95% bootstrap CI].',
  ];
  for (const workload of runs.workloads) {
    for (const baseline of ['fifo', 'eevdf'] as const) {
      out.push('', `### ${workload} — against ${baseline}`, '');
      out.push(comparisonTable(runs, comparisons, workload, baseline));
    }
  }
  out.push('', '### Verdict on "20–40% fewer context switches" (coherence policy)', '');
  for (const v of verdicts) out.push(`- ${verdictSentence(v)}`);
  return out.join('\n');
}
