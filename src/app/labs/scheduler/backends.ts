/**
 * Where the Scheduler tab's long work runs. The claim experiment runs on workers of the shared
 * pool (src/parallel), so the page keeps answering while it runs; real execution runs its jobs
 * on CPU workers of the pool and on the GPU queue of the app's engine. The session is handed
 * these backends, so its unit tests run them in-process or on Node worker threads.
 */
import type { Engine } from '../../../engine';
import type { WorkerPool } from '../../../parallel/pool';
import type { CoherenceScorer } from '../../../sched/coherence-score';
import { runClaimSet, type ClaimRuns, type ClaimSetRunner } from '../../../sched/experiment/claim';
import {
  compareRuns,
  verdicts,
  type Comparison,
  type Verdict,
} from '../../../sched/experiment/compare';
import type { ClaimTasks } from '../../../sched/experiment/worker';
import type { Executor } from '../../../sched/real/execute';
import { poolExecutors } from '../../../sched/real/executors';
import { resolventJob } from '../../../sched/real/job';
import type { SchedTasks } from '../../../sched/real/worker';

export interface ClaimAnalysis {
  comparisons: Comparison[];
  verdicts: Verdict[];
}

export interface ExperimentBackend {
  /** Task sets run at once. */
  concurrency: number;
  runSet: ClaimSetRunner;
  /** The paired comparisons and their bootstrap intervals (thousands of resamples each). */
  analyze(runs: ClaimRuns): Promise<ClaimAnalysis>;
  /** Stops the work in flight now (a pool terminates the busy workers and starts fresh ones). */
  cancel(): void;
}

export interface RealBackend {
  /** Most CPU workers the tab offers. */
  maxWorkers: number;
  /** `count` CPU executors, started and warm. */
  cpuExecutors(count: number): Promise<Executor[]>;
  /** The app's engine when it runs on WebGPU; null otherwise (the CPU engine is no GPU queue). */
  gpuEngine(): Promise<Pick<Engine, 'resolvent'> | null>;
}

export interface SchedLabBackends {
  experiment: ExperimentBackend;
  real: RealBackend;
  /** Terminates the pools (idempotent; they start again on next use). */
  dispose(): void;
}

/** The experiment on a pool of ClaimTasks workers, one task set per worker at a time. */
export function poolExperiment(
  createPool: () => WorkerPool<ClaimTasks>,
  concurrency: number,
): { backend: ExperimentBackend; dispose(): void } {
  let pool: WorkerPool<ClaimTasks> | null = null;
  const get = () => (pool ??= createPool());
  const inFlight = new Set<() => void>();
  async function exec<K extends keyof ClaimTasks & string>(
    name: K,
    args: Parameters<ClaimTasks[K]>,
  ): Promise<Awaited<ReturnType<ClaimTasks[K]>>> {
    const handle = get().exec(name, args);
    inFlight.add(handle.kill);
    try {
      return (await handle.result).value;
    } finally {
      inFlight.delete(handle.kill);
    }
  }
  return {
    backend: {
      concurrency,
      runSet: (spec) => exec('claimSet', [spec]),
      analyze: (runs) => exec('analyzeClaim', [runs]),
      cancel() {
        for (const kill of [...inFlight]) kill();
      },
    },
    dispose() {
      void pool?.terminate();
      pool = null;
    },
  };
}

/** CPU executors on a pool of SchedTasks workers, resized (restarted) when the count changes. */
export function poolReal(
  createPool: (workers: number) => WorkerPool<SchedTasks>,
  maxWorkers: number,
  gpuEngine: RealBackend['gpuEngine'],
): { backend: RealBackend; dispose(): void } {
  let pool: { size: number; pool: WorkerPool<SchedTasks> } | null = null;
  return {
    backend: {
      maxWorkers,
      gpuEngine,
      async cpuExecutors(count) {
        if (count === 0) return [];
        if (pool?.size !== count) {
          void pool?.pool.terminate();
          pool = { size: count, pool: createPool(count) };
        }
        await pool.pool.warm(count);
        return poolExecutors(pool.pool, count);
      },
    },
    dispose() {
      void pool?.pool.terminate();
      pool = null;
    },
  };
}

/**
 * Everything on this thread: for tests and for hosts without workers. The experiment yields to
 * the event loop between task sets; real "CPU workers" are in-process executors.
 */
export function inProcessBackends(
  scorer: CoherenceScorer,
  gpuEngine: RealBackend['gpuEngine'] = () => Promise.resolve(null),
): SchedLabBackends {
  return {
    experiment: {
      concurrency: 1,
      async runSet(spec) {
        await new Promise((r) => setTimeout(r, 0));
        return runClaimSet(scorer, spec);
      },
      analyze: (runs) =>
        Promise.resolve({ comparisons: compareRuns(runs), verdicts: verdicts(runs) }),
      cancel: () => undefined,
    },
    real: {
      maxWorkers: 4,
      gpuEngine,
      cpuExecutors: (count) =>
        Promise.resolve(
          Array.from({ length: count }, (_, i) => ({
            label: `CPU ${i + 1}`,
            kind: 'cpu' as const,
            run: resolventJob,
          })),
        ),
    },
    dispose: () => undefined,
  };
}
