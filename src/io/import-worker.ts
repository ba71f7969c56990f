/**
 * The import worker (a module Web Worker bundled by Vite): reads and parses one file off the
 * main thread, so the page keeps answering while a large file is read, and the page cancels an
 * import by terminating the worker.
 */
import { serveFileJob } from './file-worker';
import { ImportError } from './import-data';
import { runImport } from './import-job';

serveFileJob(
  runImport,
  (error) =>
    error instanceof ImportError
      ? error.problem
      : `could not be read (${error instanceof Error ? error.message : String(error)})`,
  // The samples are moved to the page, not copied (8M values are 32 MiB).
  (data) => [data.data.buffer],
);
