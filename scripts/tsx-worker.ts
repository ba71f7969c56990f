/** Starts the CPU FFT worker (cpu-fft-node-worker.ts) under tsx, from `npm run bench`. */
import { Worker } from 'node:worker_threads';

export function spawnTsxFftWorker(): Worker {
  const url = new URL('./cpu-fft-node-worker.ts', import.meta.url).href;
  // Node 20 does not carry tsx's loader into workers (not even with `--import tsx` in
  // execArgv), so a one-line bootstrap loads the TypeScript worker through tsx's API.
  const bootstrap =
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
    `.then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(bootstrap, { eval: true });
}
