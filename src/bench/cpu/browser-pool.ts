/** CPU FFT worker pool (fft.js or PFFFT) on Web Workers, one per logical core. */
import { createFftWorkerPool, type FftWorkerPool } from './worker-pool';
import type { FromWorker } from './worker-protocol';

export function createBrowserFftPool(): FftWorkerPool {
  const cores = Math.max(1, navigator.hardwareConcurrency || 1);
  return createFftWorkerPool(() => {
    const w = new Worker(new URL('./cpu-fft-worker.ts', import.meta.url), {
      type: 'module',
      name: 'CPU FFT benchmark worker',
    });
    return {
      post: (m, transfer) => w.postMessage(m, transfer ?? []),
      onMessage: (h) => {
        w.onmessage = (e: MessageEvent<FromWorker>) => h(e.data);
        // A worker that fails to load answers the pending request with its error.
        w.onerror = (e) => h({ type: 'error', message: e.message || 'worker failed to load' });
      },
      terminate: () => w.terminate(),
    };
  }, cores);
}
