/**
 * The page's side of an import: one worker per file, progress as it reads, and cancel by
 * terminating the worker (file-worker.ts). The file size is checked here first, so a file over
 * the limit never starts a worker.
 */
import { readInWorker, type FileWorkerOptions } from './file-worker';
import { fileSizeRefusal, ImportError, type ImportedData } from './import-data';
import type { ImportProgress } from './import-job';

/** The import was cancelled by the user; nothing changed. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError';
}

export function importInWorker(
  file: File,
  options: FileWorkerOptions<ImportProgress> = {},
): Promise<ImportedData> {
  const tooLarge = fileSizeRefusal(file);
  if (tooLarge) return Promise.reject(tooLarge);
  return readInWorker(
    () =>
      new Worker(new URL('./import-worker.ts', import.meta.url), {
        type: 'module',
        name: 'import worker',
      }),
    file,
    options,
    {
      cancelled: () => new ImportCancelledError(`import of ${file.name} cancelled`),
      refused: (problem) => new ImportError(file.name, problem),
    },
  );
}
