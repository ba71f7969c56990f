/**
 * The page's side of a benchmark-run import: one worker per file, progress as it reads, and
 * cancel by terminating the worker (io/file-worker.ts). The size is checked here first, so a
 * file over RUN_LIMITS.fileBytes never starts a worker.
 */
import { readInWorker, type FileWorkerOptions } from '../io/file-worker';
import { RunImportCancelledError, type RunImportProgress } from './run-import-job';
import { RUN_LIMITS, type BenchRun } from './schema';

export { RunImportCancelledError, type RunImportProgress };

/** A refused import; the message names the file. */
export class RunImportError extends Error {
  override readonly name = 'RunImportError';
}

export type RunImportOptions = FileWorkerOptions<RunImportProgress>;

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
  return readInWorker(
    () =>
      new Worker(new URL('./run-import-worker.ts', import.meta.url), {
        type: 'module',
        name: 'benchmark import worker',
      }),
    file,
    options,
    {
      cancelled: () => new RunImportCancelledError(`import of ${file.name} cancelled`),
      refused: (problem) => new RunImportError(`${file.name}: ${problem}`),
    },
  );
}
