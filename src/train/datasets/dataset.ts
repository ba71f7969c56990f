/**
 * A data set as the trainer reads it: row-major inputs and targets in typed arrays, with the
 * loss its targets call for ('ce': one class index per example; 'mse': outputDim values).
 */
import type { LossKind } from '../mlp';

export interface Dataset {
  name: string;
  loss: LossKind;
  inputDim: number;
  /** Classes ('ce') or regression outputs ('mse'). */
  outputDim: number;
  count: number;
  x: Float64Array;
  y: Float64Array;
  /** Class names for classification sets. */
  classes?: string[];
}

/** Values per example in `y`. */
export function targetWidth(d: Pick<Dataset, 'loss' | 'outputDim'>): number {
  return d.loss === 'ce' ? 1 : d.outputDim;
}

/** The examples at `indices`, in that order, as a new data set. */
export function subset(d: Dataset, indices: readonly number[], name = d.name): Dataset {
  const yw = targetWidth(d);
  const x = new Float64Array(indices.length * d.inputDim);
  const y = new Float64Array(indices.length * yw);
  indices.forEach((src, dst) => {
    x.set(d.x.subarray(src * d.inputDim, (src + 1) * d.inputDim), dst * d.inputDim);
    y.set(d.y.subarray(src * yw, (src + 1) * yw), dst * yw);
  });
  const out: Dataset = { ...d, name, count: indices.length, x, y };
  return out;
}

/** Each input column rescaled to mean 0 and standard deviation 1 (constant columns left at 0). */
export function standardize(x: Float64Array, count: number, dim: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let c = 0; c < dim; c++) {
    let mean = 0;
    for (let i = 0; i < count; i++) mean += x[i * dim + c] as number;
    mean /= count;
    let v = 0;
    for (let i = 0; i < count; i++) v += ((x[i * dim + c] as number) - mean) ** 2;
    const sd = Math.sqrt(v / count);
    for (let i = 0; i < count; i++)
      out[i * dim + c] = sd > 0 ? ((x[i * dim + c] as number) - mean) / sd : 0;
  }
  return out;
}
