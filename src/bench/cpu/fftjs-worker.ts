/** The browser's fft.js worker (a module Web Worker bundled by Vite). */
import FFT from 'fft.js';
import { serveFftJs, type FromWorker, type ToWorker } from './worker-protocol';

// The app's type library is the DOM's; a dedicated worker's scope needs only these two members.
const scope = self as unknown as {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
serveFftJs(FFT, {
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  onMessage: (handler) => {
    scope.onmessage = (e) => handler(e.data);
  },
});
