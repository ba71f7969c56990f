/**
 * The spectral filter: IFFT(g ⊙ FFT(x)) with a real gain per bin, in numpy's FFT bin order.
 * On the GPU it is the spectral pipeline with the 'multiply' hook, its table the gains.
 */
import { interleave, split, toComplexF32 } from '../complex';
import { fftNdInPlace } from '../cpu/fft64';
import { fftFlops } from '../resolvent-math';
import { signalLength } from '../shape';
import type { FilterOptions, FilterResult, InputArray } from '../types';
import {
  checkBatch,
  checkData,
  checkFlag,
  checkOptions,
  checkShape,
  checkValues,
} from '../validate';
import type { CheckedBase, Operator } from './operator';

export interface CheckedFilter extends CheckedBase {
  real: boolean;
  gains: InputArray;
  fused: boolean;
}

function check(data: InputArray, options: FilterOptions): CheckedFilter {
  const o = checkOptions(options);
  const shape = checkShape(o.shape);
  const batch = checkBatch(o.batch);
  const real = checkFlag('real', o.real, false);
  const fused = checkFlag('fused', o.fused, true);
  const n = signalLength(shape);
  checkValues('gains', o.gains, n, `prod(shape) = ${n} real gains, one per bin`);
  checkData(data, shape, batch, real);
  return { shape, batch, real, gains: options.gains, fused };
}

/** The gains as complex factors (g, 0), the 'multiply' hook's table. */
function gainTable(gains: InputArray): Float32Array<ArrayBuffer> {
  const out = new Float32Array(2 * gains.length);
  for (let i = 0; i < gains.length; i++) out[2 * i] = gains[i] as number;
  return out;
}

export const filterOp: Operator<FilterOptions, FilterResult, CheckedFilter> = {
  id: 'filter',
  check,
  reference(data, o) {
    const n = signalLength(o.shape);
    const s = split(data, o.real);
    for (let b = 0; b < o.batch; b++) {
      fftNdInPlace(s.re, s.im, o.shape, false, b * n);
      for (let k = 0; k < n; k++) {
        const g = o.gains[k] as number;
        s.re[b * n + k] = g * (s.re[b * n + k] as number);
        s.im[b * n + k] = g * (s.im[b * n + k] as number);
      }
      fftNdInPlace(s.re, s.im, o.shape, true, b * n);
    }
    return { data: interleave(s) };
  },
  program: (data, o) => ({
    shape: o.shape,
    batch: o.batch,
    input: () => toComplexF32(data, o.real),
    blocks: [{ kind: 'spectral', hook: { kind: 'multiply', table: 'gains' }, fused: o.fused }],
    // No key: the gains may change between calls, and uploading n values is cheap beside the data.
    tables: { gains: { data: () => gainTable(o.gains) } },
    sums: false,
  }),
  decode: (out, _o, timing) => ({ data: out.data, timing }),
  work: (o) => {
    const n = signalLength(o.shape);
    return { flops: o.batch * (2 * fftFlops(n) + 2 * n), bytes: 2 * o.batch * n * 8 };
  },
};
