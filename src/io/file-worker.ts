/**
 * A file read and parsed in a dedicated worker, both sides of it: the page starts one worker
 * per file, hears its progress, and cancels by terminating it (which frees whatever it had
 * read); the worker runs one job on the file and posts progress, the result or why it refused.
 * The data import (io/import-*.ts) and the benchmark-run import (bench/run-import-*.ts) share it.
 */

export interface ToFileWorker {
  file: File;
}

export type FromFileWorker<P, R> =
  | { type: 'progress'; progress: P }
  | { type: 'done'; result: R }
  /** What the job said; the page adds the file's name. */
  | { type: 'refused'; problem: string };

export interface FileWorkerOptions<P> {
  onProgress?: (p: P) => void;
  signal?: AbortSignal;
}

/** The errors a client turns the outcomes into (each names the file its own way). */
export interface FileWorkerErrors {
  cancelled(): Error;
  refused(problem: string): Error;
}

/** Page side: runs the worker `spawn` makes on `file` (Vite bundles the worker at the call). */
export function readInWorker<P, R>(
  spawn: () => Worker,
  file: File,
  options: FileWorkerOptions<P>,
  errors: FileWorkerErrors,
): Promise<R> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.reject(errors.cancelled());
  return new Promise((resolve, reject) => {
    const worker = spawn();
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(errors.cancelled());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<FromFileWorker<P, R>>) => {
      const m = e.data;
      if (m.type === 'progress') {
        onProgress?.(m.progress);
        return;
      }
      finish();
      if (m.type === 'done') resolve(m.result);
      else reject(errors.refused(m.problem));
    };
    worker.onerror = (e) => {
      finish();
      reject(errors.refused(`the import worker failed (${e.message || 'no message'})`));
    };
    const message: ToFileWorker = { file };
    worker.postMessage(message);
  });
}

/**
 * Worker side: answers each file the page sends with `job`'s result (its `transfer` list moved,
 * not copied) or `problemOf` its error.
 */
export function serveFileJob<P, R>(
  job: (file: File, onProgress: (p: P) => void) => Promise<R>,
  problemOf: (error: unknown) => string,
  transfer: (result: R) => Transferable[] = () => [],
): void {
  // The app's type library is the DOM's; a dedicated worker's scope needs only these members.
  const scope = self as unknown as {
    postMessage(message: FromFileWorker<P, R>, transfer?: Transferable[]): void;
    onmessage: ((e: MessageEvent<ToFileWorker>) => void) | null;
  };
  scope.onmessage = (e) => {
    job(e.data.file, (progress) => scope.postMessage({ type: 'progress', progress })).then(
      (result) => scope.postMessage({ type: 'done', result }, transfer(result)),
      (error: unknown) => scope.postMessage({ type: 'refused', problem: problemOf(error) }),
    );
  };
}
