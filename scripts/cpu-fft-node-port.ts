/**
 * The CPU FFT worker's side under Node (worker_threads): fft.js or PFFFT on this thread's
 * parent port. The tsx worker entry and the self-contained bundle both call it.
 */
import { parentPort } from 'node:worker_threads';
import FFT from 'fft.js';
import { instantiatePffft } from '../src/bench/cpu/pffft-glue';
import { serveCpuFft, type ToWorker } from '../src/bench/cpu/worker-protocol';

export function serveCpuFftOnParentPort(): void {
  const port = parentPort;
  if (!port) throw new Error('the CPU FFT worker must run as a worker thread');
  serveCpuFft(
    { fftjs: FFT, pffft: instantiatePffft },
    {
      post: (message, transfer) => port.postMessage(message, (transfer ?? []) as ArrayBuffer[]),
      onMessage: (handler) => port.on('message', (m: ToWorker) => handler(m)),
    },
  );
}
