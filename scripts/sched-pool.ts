/** The scheduler lab's worker pool on Node worker threads (TypeScript workers through tsx). */
import { availableParallelism } from 'node:os';
import { createWorkerPool, nodeWorkerScript, type WorkerPool } from '../src/parallel/pool';
import type { JobRunner } from '../src/sched/real/execute';
import type { SchedTasks } from '../src/sched/real/worker';

export interface SchedPool {
  pool: WorkerPool<SchedTasks>;
  run: JobRunner;
  executors: number;
}

export async function createSchedPool(
  executors = Math.min(4, availableParallelism()),
): Promise<SchedPool> {
  const pool = createWorkerPool<SchedTasks>({
    maxWorkers: executors,
    ...nodeWorkerScript(
      new URL('../src/sched/real/worker.ts', import.meta.url).href,
      import.meta.resolve('tsx/esm/api'),
    ),
  });
  await pool.warm(executors);
  return {
    pool,
    executors,
    run: async (job) => (await pool.exec('resolventJob', [job]).result).value,
  };
}
