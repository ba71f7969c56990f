/**
 * The page's side of an import: one worker per file, progress as it reads, and cancel by
 * terminating the worker (which frees whatever it had read). The file size is checked here
 * first, so a file over the limit never starts a worker.
 */
import { ImportError, MAX_FILE_BYTES, type ImportedData } from './import-data';
import type { ImportProgress } from './import-job';
import type { FromImportWorker } from './import-protocol';

/** The import was cancelled by the user; nothing changed. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError';
}

export function importInWorker(
  file: File,
  options: { onProgress?: (p: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportedData> {
  if (file.size > MAX_FILE_BYTES) {
    const mib = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`;
    return Promise.reject(
      new ImportError(
        file.name,
        `the file is ${mib(file.size)}; the limit is ${mib(MAX_FILE_BYTES)} (checked before reading)`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
      type: 'module',
      name: 'import worker',
    });
    const finish = (): void => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(new ImportCancelledError(`import of ${file.name} cancelled`));
    };
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<FromImportWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        options.onProgress?.(m.progress);
        return;
      }
      finish();
      if (m.type === 'done') resolve(m.data);
      else reject(new ImportError(m.file, m.problem));
    };
    worker.onerror = (e) => {
      finish();
      reject(new ImportError(file.name, `the import worker failed (${e.message || 'no message'})`));
    };
    worker.postMessage({ file });
  });
}
