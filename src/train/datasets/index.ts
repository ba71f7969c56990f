/** The data sets by name, as the CLI, the experiments and the app select them. */
import type { Dataset } from './dataset';
import { fetchJson, iris, mnistSubset, penguins, type JsonReader } from './real';
import { modularAddition, regression1d, twoSpirals } from './synthetic';

export const DATASETS = ['iris', 'penguins', 'mnist', 'spirals', 'regression1d', 'modadd'] as const;
export type DatasetName = (typeof DATASETS)[number];

export function isDatasetName(s: string): s is DatasetName {
  return (DATASETS as readonly string[]).includes(s);
}

export interface LoadOptions {
  /** Seeds the synthetic sets' samples (real sets ignore it). */
  seed: number;
  read?: JsonReader;
  /** Size of the synthetic sets (examples; modadd: the modulus is fixed) and MNIST images per digit. */
  size?: number;
}

export async function loadDataset(name: DatasetName, o: LoadOptions): Promise<Dataset> {
  const read = o.read ?? fetchJson;
  switch (name) {
    case 'iris':
      return iris();
    case 'penguins':
      return penguins(read);
    case 'mnist':
      return mnistSubset(o.size ?? 100, read);
    case 'spirals':
      return twoSpirals(o.size ?? 400, o.seed);
    case 'regression1d':
      return regression1d(o.size ?? 256, o.seed);
    case 'modadd':
      return modularAddition(17, o.seed);
  }
}

export * from './dataset';
export * from './split';
export { iris, penguins, penguinsFrom, mnistSubset, fetchJson, type JsonReader } from './real';
export { modularAddition, regression1d, regressionTarget, twoSpirals } from './synthetic';
