/**
 * Float64 reference of the radix-2 Stockham FFT stage by stage: the same recurrence, butterfly
 * for butterfly, as the GPU's 'stages' kernels forced to radix 2 (fft-stages.ts
 * `radix2Butterflies`), so every intermediate buffer the GPU capture reads back has a float64
 * counterpart. The last stage is the DFT (tested against fft64.ts).
 */
import { interleave, split } from '../complex';
import {
  checkFftStages,
  radix2Butterflies,
  stageCount,
  type FftStagesOptions,
  type FftStagesResult,
} from '../fft-stages';
import type { InputArray } from '../types';

/** Every stage of the N-point transform of `data` (one signal), in float64. */
export function fft64Stages(data: InputArray, options: FftStagesOptions): FftStagesResult {
  const { n, inverse, real } = checkFftStages(data, options);
  let { re, im } = split(data, real);
  const stages = [interleave({ re, im })];
  const count = stageCount(n);
  // The inverse conjugates the twiddles; its last stage applies 1/N, as the GPU stage does.
  const sign = inverse ? 1 : -1;
  for (let s = 1; s <= count; s++) {
    const scale = inverse && s === count ? 1 / n : 1;
    const nextRe = new Float64Array(n);
    const nextIm = new Float64Array(n);
    for (const { inputs, outputs, k, span } of radix2Butterflies(n, s)) {
      const a = (sign * 2 * Math.PI * k) / span;
      const wr = Math.cos(a);
      const wi = Math.sin(a);
      const [i0, i1] = inputs;
      const [o0, o1] = outputs;
      const br = re[i1] as number;
      const bi = im[i1] as number;
      const tr = br * wr - bi * wi;
      const ti = br * wi + bi * wr;
      const ar = re[i0] as number;
      const ai = im[i0] as number;
      nextRe[o0] = (ar + tr) * scale;
      nextIm[o0] = (ai + ti) * scale;
      nextRe[o1] = (ar - tr) * scale;
      nextIm[o1] = (ai - ti) * scale;
    }
    re = nextRe;
    im = nextIm;
    stages.push(interleave({ re, im }));
  }
  return { n, inverse, stages, source: 'cpu' };
}
