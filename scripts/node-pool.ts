/** CPU FFT worker pool (fft.js or PFFFT) on Node's worker_threads, one per available core. */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createFftWorkerPool, type FftWorkerPool } from '../src/bench/cpu/worker-pool';
import type { FromWorker } from '../src/bench/cpu/worker-protocol';

/**
 * `spawn` starts one worker that serves the CPU FFT protocol: under tsx, a bootstrap that
 * loads the TypeScript worker (tsx-worker.ts); in the bundle, the bundle itself.
 */
export function createNodeFftPool(spawn: () => Worker): FftWorkerPool {
  return createFftWorkerPool(() => {
    const w = spawn();
    return {
      post: (m, transfer) => w.postMessage(m, (transfer ?? []) as ArrayBuffer[]),
      onMessage: (h) => {
        w.on('message', (m: FromWorker) => h(m));
        // A worker that fails to start answers the pending request with its error.
        w.on('error', (e: Error) => h({ type: 'error', message: e.message }));
      },
      terminate: () => void w.terminate(),
    };
  }, availableParallelism());
}
