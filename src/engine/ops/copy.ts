/**
 * The copy: every value of every signal read once and written once, unchanged, in one
 * dispatch. It does no arithmetic, so its time is the adapter's bandwidth floor: the benchmark
 * copies each case's bytes and divides by the case's time for its efficiency.
 */
import { toComplexF32 } from '../complex';
import { signalLength } from '../shape';
import type { CopyResult, SignalOptions } from '../types';
import { checkSignals } from '../validate';
import type { CheckedBase, Operator } from './operator';

export const copyOp: Operator<SignalOptions, CopyResult, CheckedBase> = {
  id: 'copy',
  check: checkSignals,
  reference: (data) => ({ data: Float64Array.from(data) }),
  program: (data, o) => ({
    shape: o.shape,
    batch: o.batch,
    input: () => toComplexF32(data, false),
    blocks: [{ kind: 'copy' }],
    tables: {},
    sums: false,
  }),
  decode: (out, _o, timing) => ({ data: out.data, timing }),
  work: (o) => ({ flops: 0, bytes: 2 * o.batch * signalLength(o.shape) * 8 }),
};
