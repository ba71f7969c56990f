/** Messages between the page and the import worker. */
import type { ImportedData } from './import-data';
import type { ImportProgress } from './import-job';

export interface ToImportWorker {
  file: File;
}

export type FromImportWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; data: ImportedData }
  | { type: 'refused'; file: string; problem: string };
