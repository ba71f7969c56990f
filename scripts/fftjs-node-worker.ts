/** The fft.js worker under Node (worker_threads); runs under tsx like its parent. */
import { parentPort } from 'node:worker_threads';
import FFT from 'fft.js';
import { serveFftJs, type ToWorker } from '../src/bench/cpu/worker-protocol';

const port = parentPort;
if (!port) throw new Error('fftjs-node-worker must run as a worker thread');
serveFftJs(FFT, {
  post: (message, transfer) => port.postMessage(message, (transfer ?? []) as ArrayBuffer[]),
  onMessage: (handler) => port.on('message', (m: ToWorker) => handler(m)),
});
