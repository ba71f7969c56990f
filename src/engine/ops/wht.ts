/**
 * The Walsh–Hadamard transform y = H_n·x of real signals, unnormalized, natural (Sylvester)
 * order: scipy.linalg.hadamard(n) @ x. H_n is real, so the GPU transforms the real and
 * imaginary parts of complex values independently, and two real signals travel as one
 * complex signal (re = signal 2j, im = signal 2j + 1): no bytes are wasted on zeros.
 */
import { wht64InPlace } from '../cpu/wht64';
import type { InputArray, WhtOptions, WhtResult } from '../types';
import { checkAxis, checkBatch, checkData, checkOptions, MAX_1D_LOG2 } from '../validate';
import type { CheckedBase, Operator } from './operator';

export interface CheckedWht extends CheckedBase {
  n: number;
}

function check(data: InputArray, options: WhtOptions): CheckedWht {
  const o = checkOptions(options);
  const n = checkAxis('n', o.n, MAX_1D_LOG2);
  const batch = checkBatch(o.batch);
  checkData(data, [n], batch, true);
  return { n, batch, shape: [n] };
}

/** Pairs of real signals as complex signals; an odd batch ends with a zero imaginary part. */
function packPairs(data: InputArray, o: CheckedWht): Float32Array<ArrayBuffer> {
  const pairs = Math.ceil(o.batch / 2);
  const out = new Float32Array(pairs * o.n * 2);
  for (let b = 0; b < o.batch; b++) {
    const base = Math.floor(b / 2) * o.n * 2 + (b % 2);
    for (let i = 0; i < o.n; i++) out[base + 2 * i] = data[b * o.n + i] as number;
  }
  return out;
}

export const whtOp: Operator<WhtOptions, WhtResult, CheckedWht> = {
  id: 'wht',
  check,
  reference(data, o) {
    const out = Float64Array.from(data);
    for (let b = 0; b < o.batch; b++) wht64InPlace(out, b * o.n, o.n);
    return { data: out };
  },
  program: (data, o) => ({
    shape: [o.n],
    batch: Math.ceil(o.batch / 2),
    input: () => packPairs(data, o),
    blocks: [{ kind: 'wht' }],
    tables: {},
    sums: false,
  }),
  decode(out, o, timing) {
    const data = new Float32Array(o.batch * o.n);
    for (let b = 0; b < o.batch; b++) {
      const base = Math.floor(b / 2) * o.n * 2 + (b % 2);
      for (let i = 0; i < o.n; i++) data[b * o.n + i] = out.data[base + 2 * i] as number;
    }
    return { data, timing };
  },
  work: (o) => ({ flops: o.batch * o.n * Math.log2(o.n), bytes: 2 * o.batch * o.n * 4 }),
};
