/**
 * The page's side of a benchmark-run import: one worker per file, progress as it reads, and
 * cancel by terminating the worker (which frees whatever it had read or parsed). The size is
 * checked here first, so a file over RUN_LIMITS.fileBytes never starts a worker.
 */
import { RunImportCancelledError, type RunImportProgress } from './run-import-job';
import type { FromRunImportWorker } from './run-import-protocol';
import { RUN_LIMITS, type BenchRun } from './schema';

export { RunImportCancelledError, type RunImportProgress };

/** A refused import; the message names the file. */
export class RunImportError extends Error {
  override readonly name = 'RunImportError';
}

export interface RunImportOptions {
  onProgress?: (p: RunImportProgress) => void;
  signal?: AbortSignal;
}

export function importRunInWorker(file: File, options: RunImportOptions = {}): Promise<BenchRun> {
  // The size is known before reading: a forged multi-GB file is never read.
  if (file.size > RUN_LIMITS.fileBytes) {
    return Promise.reject(
      new RunImportError(
        `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MiB; the limit for a benchmark ` +
          `run is ${RUN_LIMITS.fileBytes / 2 ** 20} MiB (RUN_LIMITS.fileBytes)`,
      ),
    );
  }
  const { onProgress, signal } = options;
  if (signal?.aborted) {
    return Promise.reject(new RunImportCancelledError(`import of ${file.name} cancelled`));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./run-import-worker.ts', import.meta.url), {
      type: 'module',
      name: 'benchmark import worker',
    });
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(new RunImportCancelledError(`import of ${file.name} cancelled`));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<FromRunImportWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        onProgress?.(m.progress);
        return;
      }
      finish();
      if (m.type === 'done') resolve(m.run);
      else reject(new RunImportError(`${file.name}: ${m.problem}`));
    };
    worker.onerror = (e) => {
      finish();
      reject(
        new RunImportError(`${file.name}: the import worker failed (${e.message || 'no message'})`),
      );
    };
    worker.postMessage({ file });
  });
}
