/**
 * The training pool in the browser: Web Workers running src/train/worker-web.ts (the GPU engine for the spectral step where WebGPU is present), bundled by Vite
 * (`?worker&url`: a module worker in dev, a classic IIFE bundle in the build, Vite's default).
 */
import workerUrl from '../../../train/worker-web?worker&url';
import { createWorkerPool, type WorkerPool } from '../../../parallel/pool';
import { createPoolRunner, type TrainTaskRegistry } from '../../../train/pool-runner';
import type { ShardRunner } from '../../../train/runner';
import type { RunnerFactory } from './session';

export function createBrowserTrainRunner(maxWorkers: number): {
  runner: ShardRunner;
  pool: WorkerPool<TrainTaskRegistry>;
} {
  const pool = createWorkerPool<TrainTaskRegistry>({
    maxWorkers,
    script: workerUrl,
    workerType: 'web',
    ...(import.meta.env.DEV ? { workerOpts: { type: 'module' } } : {}),
  });
  return { runner: createPoolRunner(pool), pool };
}

/** The session's runner on the browser pool. */
export const browserRunnerFactory: RunnerFactory = (n) => {
  const { runner, pool } = createBrowserTrainRunner(n);
  return { runner, busy: () => pool.busy() };
};
