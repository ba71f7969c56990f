/**
 * The CPU engine's worker (a module Web Worker bundled by Vite): the float64 engine computes
 * here, so a frame that takes seconds on the CPU leaves the page free to answer clicks. One
 * request at a time, in the order they came (the engine is synchronous inside each answer).
 */
import { createCpuEngine } from '../engine/cpu-engine';
import { answer, type CpuRequest, type CpuResponse } from './cpu-worker-protocol';

// The app's type library is the DOM's; a dedicated worker's scope needs only these members.
const scope = self as unknown as {
  postMessage(message: CpuResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<CpuRequest>) => void) | null;
};

const engine = createCpuEngine();

scope.onmessage = (e) => {
  void answer(engine, e.data).then(({ response, transfer }) => {
    scope.postMessage(response, transfer);
  });
};

scope.postMessage({ kind: 'ready' });
