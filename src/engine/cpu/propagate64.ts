/**
 * Float64 reference of split-step Fourier propagation. It applies the symmetric splitting
 * literally, half step by half step, so that a GPU schedule which merges adjacent half steps
 * (one potential multiply per step instead of two) is checked against the definition rather
 * than against a copy of the same optimization.
 */
import { signalLength } from '../shape';
import type { Shape } from '../types';
import { fftNdInPlace } from './fft64';

/** ψ ← table·ψ element-wise; table interleaved complex, ψ split re/im at `offset`. */
export function multiplyInPlace(
  re: Float64Array,
  im: Float64Array,
  offset: number,
  table: Float64Array,
): void {
  const n = table.length >> 1;
  for (let i = 0; i < n; i++) {
    const tr = table[2 * i] as number;
    const ti = table[2 * i + 1] as number;
    const j = offset + i;
    const r = re[j] as number;
    const m = im[j] as number;
    re[j] = r * tr - m * ti;
    im[j] = r * ti + m * tr;
  }
}

/**
 * For each of `steps` steps: ψ ← Vhalf·ψ; ψ ← IFFT(K·FFT(ψ)); ψ ← Vhalf·ψ. re/im hold one signal
 * at complex offset `offset` (prod(shape) values); kinetic = kineticPhase(...); vHalf =
 * potentialPhase(V, c, 0.5), or undefined for V = 0.
 */
export function propagate64InPlace(
  re: Float64Array,
  im: Float64Array,
  offset: number,
  shape: Shape,
  kinetic: Float64Array,
  vHalf: Float64Array | undefined,
  steps: number,
): void {
  const points = signalLength(shape);
  if (kinetic.length !== 2 * points || (vHalf && vHalf.length !== 2 * points)) {
    throw new RangeError(`propagate64InPlace: tables must hold ${points} complex values`);
  }
  for (let s = 0; s < steps; s++) {
    if (vHalf) multiplyInPlace(re, im, offset, vHalf);
    fftNdInPlace(re, im, shape, false, offset);
    multiplyInPlace(re, im, offset, kinetic);
    fftNdInPlace(re, im, shape, true, offset);
    if (vHalf) multiplyInPlace(re, im, offset, vHalf);
  }
}
