/** Seeded train/validation splits. */
import { createRng } from '../../measure';
import { subset, type Dataset } from './dataset';

export interface Split {
  train: Dataset;
  validation: Dataset;
}

/** A seeded shuffle, the first ⌈(1 − fraction)·n⌉ examples for training, the rest for validation. */
export function splitDataset(d: Dataset, validationFraction: number, seed: number): Split {
  if (!(validationFraction >= 0 && validationFraction < 1))
    throw new RangeError(`validation fraction must be in [0, 1), got ${validationFraction}`);
  const order = createRng(seed).shuffle(Array.from({ length: d.count }, (_, i) => i));
  const nTrain = Math.max(1, Math.ceil((1 - validationFraction) * d.count));
  return {
    train: subset(d, order.slice(0, nTrain), `${d.name}/train`),
    validation: subset(d, order.slice(nTrain), `${d.name}/validation`),
  };
}
