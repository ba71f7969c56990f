/**
 * Paired comparisons of the claim experiment and the verdict on "20–40% fewer context
 * switches". A ratio is the median over seeds of policy ÷ baseline on the same task set, with a
 * percentile-bootstrap 95% interval over seeds. Where the baseline is 0 on some seed (FIFO drops
 * nothing) a ratio means nothing, and the medians of both are reported instead.
 */
import { bootstrapCI, type Interval, pairedRatioCI } from '../../measure/bootstrap';
import { pairedPermutationTest } from '../../measure/permutation';
import { median } from '../../measure/summary';
import { CLAIM_METRICS, type ClaimMetric, type ClaimRuns } from './claim';

export const BASELINES = ['fifo', 'eevdf'] as const;
export type Baseline = (typeof BASELINES)[number];

export interface Comparison {
  workload: string;
  policy: string;
  baseline: Baseline;
  metric: ClaimMetric;
  medianPolicy: number;
  medianBaseline: number;
  /** Median paired ratio with its 95% interval; null where the baseline is 0 on some seed. */
  ratio: Interval | null;
  /** Median paired difference (policy − baseline) with its 95% interval. */
  difference: Interval;
  /** Two-sided paired permutation p-value of the mean difference. */
  p: number;
}

export interface Verdict {
  workload: string;
  baseline: Baseline;
  /** 1 − ratio of context switches (coherence ÷ baseline), with its interval. */
  reduction: Interval;
  /** The same per completed task: what is left once the dropped tasks are accounted for. */
  reductionPerTask: Interval;
  label: string;
  /**
   * FIFO's own reduction against the same baseline (absent when the baseline is FIFO): a
   * policy that drops nothing and ignores coherence, so what it gets is not coherence's doing.
   */
  fifoReduction: Interval | null;
  costs: {
    droppedShare: number;
    droppedWorkShare: number;
    deadlineMisses: { coherence: number; baseline: number };
    p99Ratio: Interval | null;
    meanResponseRatio: Interval | null;
  };
}

const OPTIONS = { seed: 12345, resamples: 2000 };

function ratioOrNull(t: readonly number[], c: readonly number[]): Interval | null {
  if (c.some((v) => !(v > 0)) || t.some((v) => !(v >= 0))) return null;
  return pairedRatioCI(t, c, OPTIONS);
}

export function compareRuns(runs: ClaimRuns): Comparison[] {
  const out: Comparison[] = [];
  for (const workload of runs.workloads) {
    const w = runs.values[workload];
    if (!w) continue;
    for (const baseline of BASELINES) {
      const base = w[baseline];
      if (!base) continue;
      for (const policy of runs.policies) {
        const row = w[policy];
        if (!row || policy === baseline) continue;
        for (const metric of CLAIM_METRICS) {
          const t = row[metric];
          const c = base[metric];
          const diffs = t.map((v, i) => v - (c[i] ?? 0));
          out.push({
            workload,
            policy,
            baseline,
            metric,
            medianPolicy: median(t),
            medianBaseline: median(c),
            ratio: ratioOrNull(t, c),
            difference: bootstrapCI(diffs, median, OPTIONS),
            p: pairedPermutationTest(t, c, OPTIONS),
          });
        }
      }
    }
  }
  return out;
}

const flip = (i: Interval): Interval => ({ estimate: 1 - i.estimate, lo: 1 - i.hi, hi: 1 - i.lo });

/** Where a reduction and its interval sit against the claimed 20–40%. */
export function claimLabel(r: Interval): string {
  if (r.hi < 0) return 'more switches than the baseline';
  if (r.lo <= 0) return 'no clear change';
  if (r.lo > 0.4) return 'fewer, and more than the claimed 40%';
  if (r.hi < 0.2) return 'fewer, but less than the claimed 20%';
  if (r.estimate >= 0.2 && r.estimate <= 0.4) return 'within the claimed 20–40%';
  return r.estimate < 0.2
    ? 'fewer, likely under the claimed 20%'
    : 'fewer, likely over the claimed 40%';
}

export function verdicts(runs: ClaimRuns, policy = 'coherence'): Verdict[] {
  const out: Verdict[] = [];
  for (const workload of runs.workloads) {
    const w = runs.values[workload];
    const coh = w?.[policy];
    const work = runs.totalWork[workload] ?? [];
    if (!w || !coh) continue;
    for (const baseline of BASELINES) {
      const base = w[baseline];
      if (!base) continue;
      const sw = ratioOrNull(coh.contextSwitches, base.contextSwitches);
      const per = ratioOrNull(coh.switchesPerTask, base.switchesPerTask);
      if (!sw || !per) continue;
      const reduction = flip(sw);
      const fifo = w.fifo;
      const fifoRatio =
        baseline === 'fifo' || !fifo
          ? null
          : ratioOrNull(fifo.contextSwitches, base.contextSwitches);
      out.push({
        workload,
        baseline,
        reduction,
        reductionPerTask: flip(per),
        label: claimLabel(reduction),
        fifoReduction: fifoRatio ? flip(fifoRatio) : null,
        costs: {
          droppedShare: median(coh.dropped.map((d) => d / runs.count)),
          droppedWorkShare: median(coh.droppedWork.map((d, i) => d / (work[i] ?? 1))),
          deadlineMisses: {
            coherence: median(coh.deadlineMisses),
            baseline: median(base.deadlineMisses),
          },
          p99Ratio: ratioOrNull(coh.p99Response, base.p99Response),
          meanResponseRatio: ratioOrNull(coh.meanResponse, base.meanResponse),
        },
      });
    }
  }
  return out;
}
