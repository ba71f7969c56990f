/**
 * The import worker (a module Web Worker bundled by Vite): reads and parses one file off the
 * main thread, so the page keeps answering while a large file is read, and the page cancels an
 * import by terminating the worker.
 */
import { ImportError } from './import-data';
import { runImport } from './import-job';
import type { FromImportWorker, ToImportWorker } from './import-protocol';

// The app's type library is the DOM's; a dedicated worker's scope needs only these members.
const scope = self as unknown as {
  postMessage(message: FromImportWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToImportWorker>) => void) | null;
};

scope.onmessage = (e) => {
  const { file } = e.data;
  runImport(file, (progress) => scope.postMessage({ type: 'progress', progress })).then(
    (data) => scope.postMessage({ type: 'done', data }, [data.data.buffer]),
    (error: unknown) => {
      const problem =
        error instanceof ImportError
          ? error.problem
          : `could not be read (${error instanceof Error ? error.message : String(error)})`;
      scope.postMessage({ type: 'refused', file: file.name, problem });
    },
  );
};
