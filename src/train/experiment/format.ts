/** Plain-text tables of the experiments' results, for the CLI and the README. */
import { formatBytes } from '../memory';
import type { ArmComparison } from './compare';
import type { ParallelRow } from './parallel';

const ci = (i: { estimate: number; lo: number; hi: number }) =>
  `${i.estimate.toFixed(2)} [${i.lo.toFixed(2)}, ${i.hi.toFixed(2)}]`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((x, c) => x.padEnd(widths[c] ?? 0)).join(' | ') + ' |';
  return [
    line(head),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
  ].join('\n');
}

export function formatComparison(rows: readonly ArmComparison[]): string {
  return table(
    [
      'task',
      'arm',
      'reached',
      'median steps',
      'steps ratio [95% CI]',
      'p',
      'time ratio [95% CI]',
      'p',
      'median MFLOP',
      'FLOP ratio [95% CI]',
      'verdict',
    ],
    rows.map((r) => [
      r.task,
      r.arm,
      `${r.reached}/${r.runs}`,
      r.medianSteps.toFixed(0),
      ci(r.stepsRatio),
      r.stepsP.toFixed(3),
      ci(r.timeRatio),
      r.timeP.toFixed(3),
      (r.medianFlops / 1e6).toFixed(1),
      ci(r.flopsRatio),
      r.verdict,
    ]),
  );
}

export function formatParallel(rows: readonly ParallelRow[]): string {
  return table(
    [
      'shards',
      'workers',
      'interval',
      'reached',
      'median rounds',
      'median time (s)',
      'median bytes exchanged',
    ],
    rows.map((r) => [
      r.shards,
      String(r.workers),
      String(r.updateInterval),
      `${r.reached}/${r.runs}`,
      r.medianRounds.toFixed(0),
      (r.medianMs / 1000).toFixed(2),
      formatBytes(r.medianBytes),
    ]),
  );
}
