/** Messages between the page and the benchmark-run import worker. */
import type { RunImportProgress } from './run-import-job';
import type { BenchRun } from './schema';

export interface ToRunImportWorker {
  file: File;
}

export type FromRunImportWorker =
  | { type: 'progress'; progress: RunImportProgress }
  | { type: 'done'; run: BenchRun }
  /** `problem` is the parser's message; the page adds the file's name. */
  | { type: 'refused'; problem: string };
