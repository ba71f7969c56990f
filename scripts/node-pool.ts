/** fft.js worker pool on Node's worker_threads, one worker per available core. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createFftWorkerPool, type FftWorkerPool } from '../src/bench/cpu/worker-pool';
import type { FromWorker } from '../src/bench/cpu/worker-protocol';

const WORKER_URL = new URL('./fftjs-node-worker.ts', import.meta.url).href;
const BOOTSTRAP =
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
  `.then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(import.meta.url)}));`;

export function createNodeFftPool(): FftWorkerPool {
  return createFftWorkerPool(() => {
    // Node 20 does not carry tsx's loader into workers (not even with `--import tsx` in
    // execArgv), so a one-line bootstrap loads the TypeScript worker through tsx's API.
    const w = new Worker(BOOTSTRAP, { eval: true });
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
