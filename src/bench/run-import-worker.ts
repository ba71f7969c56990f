/**
 * The benchmark-run import worker (a module Web Worker bundled by Vite): reads, parses and
 * validates one run file off the main thread, so the page keeps answering while an 8 MiB file
 * is decoded and checked, and the page cancels an import by terminating the worker.
 */
// First: the run schema is zod, which would probe `new Function` (refused by the app's CSP).
import '../security/zod-jitless';
import { serveFileJob } from '../io/file-worker';
import { readBenchRun } from './run-import-job';

serveFileJob(
  (file: File, onProgress) => readBenchRun(file.stream(), file.size, onProgress),
  (error) => (error instanceof Error ? error.message : String(error)),
);
