/**
 * The read-reduce: Σ of every value of every signal. It reads each byte once and writes a few
 * sums, so its time is the adapter's read bandwidth, the floor for operators that mostly read
 * (the batch reductions). On the GPU the sums are added in a tree of fan-in 16 (a read-reduce
 * pass, then reduce-flat levels per signal and over the batch), so the float32 rounding error
 * grows as log16 of the count.
 */
import { signalLength } from '../shape';
import type { ReadReduceResult, SignalOptions } from '../types';
import { checkSignals } from '../validate';
import { copyOp } from './copy';
import type { CheckedBase, Operator } from './operator';

export const readReduceOp: Operator<SignalOptions, ReadReduceResult, CheckedBase> = {
  id: 'read-reduce',
  check: checkSignals,
  reference(data) {
    let total = 0;
    for (let i = 0; i < data.length; i++) total += data[i] as number;
    return { total };
  },
  // The copy's signals, summed into the per-signal sums instead of copied.
  program: (data, o) => ({ ...copyOp.program(data, o), blocks: [{ kind: 'sum' }], sums: true }),
  decode(out, o, timing) {
    // The batch's vec4 follows the per-signal ones; its four lanes are added in float64.
    const at = 4 * o.batch;
    const lanes = out.sums?.subarray(at, at + 4);
    if (lanes?.length !== 4) throw new Error('read-reduce: the GPU returned no sums');
    return { total: lanes.reduce((a, b) => a + b, 0), timing };
  },
  work: (o) => {
    const values = 2 * o.batch * signalLength(o.shape);
    return { flops: values, bytes: 4 * values };
  },
};
