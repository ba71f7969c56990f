/**
 * The CPU engine the app falls back to without WebGPU: the float64 engine in a Web Worker
 * (cpu-worker.ts), or on the page's own thread where no worker can start.
 */
import { createCpuEngine } from '../engine/cpu-engine';
import type { Engine } from '../engine/types';
import { createCpuEngineProxy, type CpuPort } from './cpu-engine-proxy';
import type { CpuResponse } from './cpu-worker-protocol';
import { cpuWorkerFallbackNotice, type Notice } from './notices';

/** A module worker, bundled by Vite from this `new URL(…, import.meta.url)`. */
export function spawnCpuWorker(): CpuPort {
  const worker = new Worker(new URL('./cpu-worker.ts', import.meta.url), {
    type: 'module',
    name: 'CPU engine',
  });
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    listen: (onMessage, onDeath) => {
      worker.onmessage = (e: MessageEvent<CpuResponse>) => onMessage(e.data);
      worker.onerror = (e) => {
        // Handled here: the proxy restarts the worker (or falls back) and says so itself.
        e.preventDefault();
        onDeath(e.message || 'the worker failed with no message');
      };
      worker.onmessageerror = () => onDeath('a message from the worker could not be read');
    },
    terminate: () => worker.terminate(),
  };
}

/** The CPU engine for the app; `notify` hears when it had to compute on the page's thread. */
export function createCpuWorkerEngine(notify: (notice: Notice) => void): Engine {
  if (typeof Worker !== 'function') return createCpuEngine();
  return createCpuEngineProxy(spawnCpuWorker, {
    fallback: {
      engine: createCpuEngine,
      onFallback: (reason) => notify(cpuWorkerFallbackNotice(reason)),
    },
  });
}
