/**
 * The Scheduler tab's backends in the browser: Web Workers of the shared pool for the claim
 * experiment and for real execution's CPU workers (bundled by Vite: a module worker in dev, a
 * classic bundle in the build), and the app's engine for the GPU queue.
 */
import claimWorkerUrl from '../../../sched/experiment/worker?worker&url';
import realWorkerUrl from '../../../sched/real/worker?worker&url';
import { createWorkerPool } from '../../../parallel/pool';
import type { ClaimTasks } from '../../../sched/experiment/worker';
import type { SchedTasks } from '../../../sched/real/worker';
import { poolExperiment, poolReal, type RealBackend, type SchedLabBackends } from './backends';

const workerOptions = import.meta.env.DEV ? { workerOpts: { type: 'module' as const } } : {};

export function browserBackends(gpuEngine: RealBackend['gpuEngine']): SchedLabBackends {
  const cores = navigator.hardwareConcurrency || 2;
  // One core is left to the page, so it keeps answering clicks while the workers compute.
  const concurrency = Math.max(1, Math.min(4, cores - 1));
  const experiment = poolExperiment(
    () =>
      createWorkerPool<ClaimTasks>({
        maxWorkers: concurrency,
        script: claimWorkerUrl,
        workerType: 'web',
        ...workerOptions,
      }),
    concurrency,
  );
  const real = poolReal(
    (workers) =>
      createWorkerPool<SchedTasks>({
        maxWorkers: workers,
        script: realWorkerUrl,
        workerType: 'web',
        ...workerOptions,
      }),
    Math.max(1, Math.min(8, cores)),
    gpuEngine,
  );
  return {
    experiment: experiment.backend,
    real: real.backend,
    dispose() {
      experiment.dispose();
      real.dispose();
    },
  };
}
