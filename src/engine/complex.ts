/** Conversions between interleaved complex arrays and split re/im float64 arrays. */
import type { InputArray } from './types';

export interface Split {
  re: Float64Array;
  im: Float64Array;
}

/** Splits interleaved (re, im) data, or real data (`real: true`) with zero imaginary parts. */
export function split(data: InputArray, real: boolean): Split {
  const n = real ? data.length : data.length / 2;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  if (real) {
    for (let i = 0; i < n; i++) re[i] = data[i] as number;
  } else {
    for (let i = 0; i < n; i++) {
      re[i] = data[2 * i] as number;
      im[i] = data[2 * i + 1] as number;
    }
  }
  return { re, im };
}

export function interleave({ re, im }: Split): Float64Array {
  const out = new Float64Array(re.length * 2);
  for (let i = 0; i < re.length; i++) {
    out[2 * i] = re[i] as number;
    out[2 * i + 1] = im[i] as number;
  }
  return out;
}

/** Real samples → interleaved complex float32 with zero imaginary parts. */
export function complexFromReal(real: ArrayLike<number>): Float32Array<ArrayBuffer> {
  const out = new Float32Array(real.length * 2);
  for (let i = 0; i < real.length; i++) out[2 * i] = real[i] as number;
  return out;
}

/** Interleaved input as float32, for upload (real input gets zero imaginary parts). */
export function toComplexF32(data: InputArray, real: boolean): Float32Array<ArrayBuffer> {
  if (real) return complexFromReal(data);
  // A Float32Array over a plain ArrayBuffer uploads as is; anything else is copied once.
  if (data instanceof Float32Array && data.buffer instanceof ArrayBuffer) {
    return data as Float32Array<ArrayBuffer>;
  }
  return Float32Array.from(data);
}
