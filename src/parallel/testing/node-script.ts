/** Pool options for tests: a TypeScript worker module run through tsx in a worker thread. */
import { nodeWorkerScript, type PoolOptions } from '../pool';

export function testWorkerScript(
  workerModuleUrl: URL,
): Pick<PoolOptions, 'script' | 'workerType' | 'workerThreadOpts'> {
  // tsx's ESM entry (its CommonJS one cannot be loaded with import() from an eval'd worker).
  return nodeWorkerScript(workerModuleUrl.href, import.meta.resolve('tsx/esm/api'));
}
