/**
 * The Scaling tab's pool and adapter in the browser: Web Workers of the shared pool running the
 * FFT task (bundled by Vite: a module worker in dev, a classic bundle in the build).
 */
import workerUrl from '../../../scaling/fft-task-worker?worker&url';
import { createWorkerPool } from '../../../parallel/pool';
import type { FftTasks } from '../../../scaling/fft-task';
import type { ScalingDeps } from './session';

export const browserScalingDeps: ScalingDeps = {
  cores: navigator.hardwareConcurrency || 4,
  runtime: navigator.userAgent,
  createPool: (maxWorkers) =>
    createWorkerPool<FftTasks>({
      maxWorkers,
      script: workerUrl,
      workerType: 'web',
      ...(import.meta.env.DEV ? { workerOpts: { type: 'module' } } : {}),
    }),
  adapter: async () =>
    'gpu' in navigator && navigator.gpu
      ? navigator.gpu.requestAdapter({ powerPreference: 'high-performance' })
      : null,
};
