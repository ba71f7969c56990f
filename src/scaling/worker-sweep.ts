/**
 * The horizontal sweep: one fixed batch of FFTs split over n workers of the shared pool
 * (src/parallel), n = 1 … past the core count. Strong scaling: the work stays the same, so
 * throughput against n shows the serial fraction, contention and oversubscription that
 * Amdahl, Gustafson, the USL and f_HS describe.
 */
import type { WorkerPool } from '../parallel/pool';
import type { FftTasks } from './fft-task';
import {
  calibrateRepeats,
  measurePoint,
  type PointPlan,
  type Sweep,
  type SweepPoint,
} from './sweep';

/** The shortest span the sweep times (see `runWorkerSweep`). */
export const MIN_SPAN_MS = 20;

export interface WorkerSweepPlan extends PointPlan {
  counts: number[];
  /** FFT length. */
  size: number;
  /** Signals in the whole batch, split over the workers. */
  signals: number;
  /** Transforms of the batch per span. */
  repeats: number;
  seed: number;
}

export interface SweepProgress {
  sweep: string;
  done: number;
  total: number;
  label: string;
}

/** Contiguous slices of `total` over `parts`, sizes differing by at most one. */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts),
  );
}

/** One span: n tasks at once; from the first task's start to the last one's end, ms. */
async function round(
  pool: WorkerPool<FftTasks>,
  n: number,
  plan: WorkerSweepPlan,
): Promise<number> {
  const slices = splitEvenly(plan.signals, n).filter((s) => s > 0);
  const results = await Promise.all(
    slices.map((s, i) => pool.exec('fftBatch', [plan.size, s, plan.repeats, plan.seed + i]).result),
  );
  const start = Math.min(...results.map((r) => r.value.startMs));
  const end = Math.max(...results.map((r) => r.value.endMs));
  return end - start;
}

export async function runWorkerSweep(
  pool: WorkerPool<FftTasks>,
  plan: WorkerSweepPlan,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<Sweep> {
  const max = Math.max(...plan.counts);
  // Start every worker before timing anything: start-up is not scaling.
  await round(pool, max, { ...plan, signals: max, repeats: 1 });
  // Browsers coarsen performance.now() (100 µs without cross-origin isolation) and a small
  // batch on one fast worker can finish inside one tick: size the repeats so that the longest
  // span of the sweep (one worker) lasts MIN_SPAN_MS, which keeps rounding under 1%.
  const calibrated = await calibrateRepeats(
    (repeats) => round(pool, 1, { ...plan, repeats }),
    MIN_SPAN_MS,
    plan.repeats * 4096,
  );
  const sized = { ...plan, repeats: Math.max(plan.repeats, calibrated) };
  const points: SweepPoint[] = [];
  for (const [i, n] of plan.counts.entries()) {
    onProgress?.({ sweep: 'workers', done: i, total: plan.counts.length, label: `${n} workers` });
    const work = sized.signals * sized.repeats * 1e3; // FFTs per span, as FFTs per second per ms
    points.push(await measurePoint(n, work, () => round(pool, n, sized), sized, signal));
  }
  onProgress?.({
    sweep: 'workers',
    done: plan.counts.length,
    total: plan.counts.length,
    label: 'done',
  });
  return {
    id: 'workers',
    label: 'Workers n: fixed FFT batch split over the pool',
    xLabel: 'workers n',
    yLabel: 'FFTs per second',
    intendedModels: ['amdahl', 'gustafson', 'usl', 'hs'],
    method:
      `${plan.signals} fft.js complex FFTs of length ${plan.size} × ${sized.repeats} per span, ` +
      `split over n workers of the shared workerpool pool (src/parallel); ` +
      `median of ${plan.rounds} spans after ${plan.warmup} warm-up`,
    points,
  };
}
