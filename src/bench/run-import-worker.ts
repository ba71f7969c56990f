/**
 * The benchmark-run import worker (a module Web Worker bundled by Vite): reads, parses and
 * validates one run file off the main thread, so the page keeps answering while an 8 MiB file
 * is decoded and checked, and the page cancels an import by terminating the worker.
 */
// First: the run schema is zod, which would probe `new Function` (refused by the app's CSP).
import '../security/zod-jitless';
import { readBenchRun } from './run-import-job';
import type { FromRunImportWorker, ToRunImportWorker } from './run-import-protocol';

// The app's type library is the DOM's; a dedicated worker's scope needs only these members.
const scope = self as unknown as {
  postMessage(message: FromRunImportWorker): void;
  onmessage: ((e: MessageEvent<ToRunImportWorker>) => void) | null;
};

scope.onmessage = (e) => {
  const { file } = e.data;
  readBenchRun(file.stream(), file.size, (progress) =>
    scope.postMessage({ type: 'progress', progress }),
  ).then(
    (run) => scope.postMessage({ type: 'done', run }),
    (error: unknown) =>
      scope.postMessage({
        type: 'refused',
        problem: error instanceof Error ? error.message : String(error),
      }),
  );
};
