/** The batched FFT: forward unnormalized, inverse scaled by 1/N (numpy.fft.fft / ifft, fft2). */
import { interleave, split, toComplexF32 } from '../complex';
import { fftNdInPlace } from '../cpu/fft64';
import { fftFlops } from '../resolvent-math';
import type { FftResult, TransformOptions } from '../types';
import { checkTransform, signalLength, type CheckedTransform } from '../validate';
import type { Operator } from './operator';

export const fftOp: Operator<TransformOptions, FftResult, CheckedTransform> = {
  id: 'fft',
  check: checkTransform,
  reference(data, o) {
    const n = signalLength(o.shape);
    const s = split(data, o.real);
    for (let b = 0; b < o.batch; b++) fftNdInPlace(s.re, s.im, o.shape, o.inverse, b * n);
    return { data: interleave(s) };
  },
  program: (data, o) => ({
    shape: o.shape,
    batch: o.batch,
    input: () => toComplexF32(data, o.real),
    blocks: [{ kind: 'fft', inverse: o.inverse }],
    tables: {},
    sums: false,
  }),
  decode: (out, _o, timing) => ({ data: out.data, timing }),
  work: (o) => {
    const n = signalLength(o.shape);
    return { flops: o.batch * fftFlops(n), bytes: 2 * o.batch * n * 8 };
  },
};
