/** The browser's CPU FFT worker (a module Web Worker bundled by Vite): fft.js or PFFFT. */
import FFT from 'fft.js';
import { instantiatePffft } from './pffft-glue';
import { serveCpuFft, type FromWorker, type ToWorker } from './worker-protocol';

// The app's type library is the DOM's; a dedicated worker's scope needs only these two members.
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
serveCpuFft(
  { fftjs: FFT, pffft: instantiatePffft },
  {
    post: (message, transfer) => scope.postMessage(message, transfer ?? []),
    onMessage: (handler) => {
      scope.onmessage = (e) => handler(e.data);
    },
  },
);
