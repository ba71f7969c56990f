/**
 * The executors of real execution: the GPU queue (one executor, the app's or the script's GPU
 * engine, jobs one after another as a queue runs them) and the CPU workers of the shared pool
 * (one executor per worker). React-free and Vite-free: the engine and the pool are handed in.
 */
import type { Engine } from '../../engine';
import type { WorkerPool } from '../../parallel/pool';
import type { Executor, JobRunner } from './execute';
import { resolventOn } from './job';
import type { SchedTasks } from './worker';

/** Signals per call of the GPU queue; a job's last call is padded to one of GPU_CALL_SIZES. */
export const GPU_CALL = 32;
export const GPU_CALL_SIZES = [8, 16, GPU_CALL] as const;

/**
 * How the GPU queue splits a job of `batch` signals: calls of GPU_CALL signals, the rest in
 * one call padded with zero signals to 8, 16 or 32. The engine keeps a plan (buffers, bind
 * groups) per batch size in a small cache, and a new one cost about 100 ms of CPU time on
 * SwiftShader, more than a unit of work: three sizes stay cached however many tasks there are.
 */
export function gpuCalls(batch: number): number[] {
  const calls = new Array<number>(Math.floor(batch / GPU_CALL)).fill(GPU_CALL);
  const rest = batch % GPU_CALL;
  if (rest > 0) calls.push(GPU_CALL_SIZES.find((s) => s >= rest) ?? GPU_CALL);
  return calls;
}

/**
 * The GPU queue as one executor. Jobs are chained so one finishes (its result read back)
 * before the next is submitted, even if a caller asks for two at once: the dispatcher's
 * one-job-per-executor rule then holds for the GPU as it does for a worker.
 */
export function gpuExecutor(engine: Pick<Engine, 'resolvent'>, label = 'GPU'): Executor {
  let tail: Promise<unknown> = Promise.resolve();
  const run: JobRunner = (job) => {
    const next = tail.then(() => resolventOn(engine, job, gpuCalls(job.batch)));
    tail = next.catch(() => undefined);
    return next;
  };
  return { label, kind: 'gpu', run };
}

/**
 * `count` CPU executors on a pool of at least `count` workers. The dispatcher gives each at
 * most one job at a time, so no job waits in the pool's queue: each lands on a free worker.
 */
export function poolExecutors(pool: WorkerPool<SchedTasks>, count: number): Executor[] {
  const run: JobRunner = async (job) => (await pool.exec('resolventJob', [job]).result).value;
  return Array.from({ length: count }, (_, i) => ({ label: `CPU ${i + 1}`, kind: 'cpu', run }));
}
