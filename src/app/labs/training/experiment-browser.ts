/** The experiment's worker in the browser (a module worker, bundled by Vite). */
import type { FromExperimentWorker } from './experiment-protocol';
import type { ExperimentPort } from './experiment-session';

export function browserExperimentPort(): ExperimentPort {
  const worker = new Worker(new URL('./experiment-worker.ts', import.meta.url), {
    type: 'module',
    name: 'regularizer experiment',
  });
  const port: ExperimentPort = {
    postMessage: (m) => worker.postMessage(m),
    onmessage: null,
    onerror: null,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (e: MessageEvent<FromExperimentWorker>) => port.onmessage?.({ data: e.data });
  worker.onerror = (e) => port.onerror?.({ message: e.message });
  return port;
}
