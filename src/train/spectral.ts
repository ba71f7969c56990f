/**
 * The φ-resolvent in training. Both forms act on rows along a tensor's last axis (a unit's
 * fan-in for weights, a layer's units for activations), each row zero-padded to a power of two
 * P, transformed, scaled per bin and transformed back:
 *
 * - `smooth`: g ← IFFT(R·FFT(g)) with R(k) = 1/(1 + φk²) = (I − φΔ)⁻¹: Laplacian-smoothing
 *   gradient descent (Osher et al., 2018). Padding then truncating keeps it a symmetric
 *   positive-definite matrix (a principal block of a circulant with positive eigenvalues R), so
 *   the smoothed step is still a descent direction.
 * - `penalty`: λ·mean|X − R·X|² over rows and bins; since Σ_k w_k|X_k|² = xᵀFᴴWFx, its gradient
 *   is (λ/rows)·2·IFFT((1 − R)²·X): the same filter with gains (1 − R)².
 *
 * The filter is a parameter, so the trainer runs the same code with this float64 CPU
 * implementation or the engine's `filter` operator (`AsyncSpectralFilter`, see
 * spectral-backend.ts; checked equal in a GPU test). R itself comes from the engine's one
 * definition (`weights`, `axisQ`).
 */
import { fft64InPlace } from '../engine/cpu/fft64';
import { axisQ, weights } from '../engine/resolvent-math';
import type { KUnit } from '../engine/types';

/** y = IFFT(gains ⊙ FFT(x)) for `rows` real rows of power-of-two length `n`, real part returned. */
export type SpectralFilter = (
  data: Float64Array,
  n: number,
  rows: number,
  gains: Float64Array,
) => Float64Array;

/** The same filter where it runs asynchronously (the GPU engine's calls are). */
export type AsyncSpectralFilter = (
  data: Float64Array,
  n: number,
  rows: number,
  gains: Float64Array,
) => Promise<Float64Array>;

export function nextPowerOfTwo(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

/**
 * In-place complex FFT of the whole arrays (a power-of-two length): the engine's float64
 * reference FFT (forward unnormalized, inverse ÷ n, numpy's convention), so the trainer's
 * default filter and the engine's CPU path are one implementation.
 */
export function fftInPlace(re: Float64Array, im: Float64Array, inverse: boolean): void {
  fft64InPlace(re, im, re.length, inverse);
}

/** The float64 CPU filter (the default `SpectralFilter`). */
export const cpuFilter: SpectralFilter = (data, n, rows, gains) => {
  const out = new Float64Array(n * rows);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    re.set(data.subarray(r * n, (r + 1) * n));
    im.fill(0);
    fftInPlace(re, im, false);
    for (let k = 0; k < n; k++) {
      re[k] = (re[k] as number) * (gains[k] as number);
      im[k] = (im[k] as number) * (gains[k] as number);
    }
    fftInPlace(re, im, true);
    out.set(re, r * n);
  }
  return out;
};

export interface ResolventParams {
  phi: number;
  /** Unit of k in R(k). 'radians' makes R the inverse of I − φ·(discrete Laplacian) at low k. */
  kUnit: KUnit;
}

export const RESOLVENT_DEFAULTS: ResolventParams = { phi: 1.618034, kUnit: 'radians' };

/** R(k) per bin of length p, and (1 − R)², in numpy's bin order. */
export function resolventGains(
  p: number,
  r: ResolventParams,
): { r: Float64Array; highPass2: Float64Array } {
  const q = axisQ(p, r.kUnit, 1);
  const rr = new Float64Array(p);
  const hp = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const w = weights(r.phi, q[k] as number);
    rr[k] = w.r;
    hp[k] = w.oneMinusR * w.oneMinusR;
  }
  return { r: rr, highPass2: hp };
}

/** Rows of width `n` zero-padded to width `p`. */
export function pad(x: Float64Array, n: number, rows: number, p: number): Float64Array {
  if (p === n) return x.slice();
  const out = new Float64Array(p * rows);
  for (let r = 0; r < rows; r++) out.set(x.subarray(r * n, (r + 1) * n), r * p);
  return out;
}

/** The first `n` of every row of width `p` (undoes `pad`). */
export function unpad(x: Float64Array, n: number, rows: number, p: number): Float64Array {
  if (p === n) return x;
  const out = new Float64Array(n * rows);
  for (let r = 0; r < rows; r++) out.set(x.subarray(r * p, r * p + n), r * n);
  return out;
}

/** Apply per-bin gains to each padded row of `x` (rows × n) and return rows × n. */
export function filterRows(
  x: Float64Array,
  n: number,
  rows: number,
  gainsFor: (p: number) => Float64Array,
  filter: SpectralFilter,
): Float64Array {
  const p = nextPowerOfTwo(n);
  return unpad(filter(pad(x, n, rows, p), p, rows, gainsFor(p)), n, rows, p);
}

/** A cache of gains per padded length, so a training run computes each table once. */
export function gainCache(r: ResolventParams): {
  r(p: number): Float64Array;
  highPass2(p: number): Float64Array;
} {
  const cache = new Map<number, ReturnType<typeof resolventGains>>();
  const get = (p: number) => {
    let g = cache.get(p);
    if (!g) {
      g = resolventGains(p, r);
      cache.set(p, g);
    }
    return g;
  };
  return { r: (p) => get(p).r, highPass2: (p) => get(p).highPass2 };
}

/** `filterRows` with an asynchronous filter (the GPU engine's). */
export async function filterRowsAsync(
  x: Float64Array,
  n: number,
  rows: number,
  gainsFor: (p: number) => Float64Array,
  filter: AsyncSpectralFilter,
): Promise<Float64Array> {
  const p = nextPowerOfTwo(n);
  return unpad(await filter(pad(x, n, rows, p), p, rows, gainsFor(p)), n, rows, p);
}

/**
 * The penalty λ·mean_{rows, bins}|X − R·X|² of rows × n values and its gradient, by the
 * identity in the header. Bins are counted on the padded length p.
 */
export function resolventPenalty(
  x: Float64Array,
  n: number,
  rows: number,
  lambda: number,
  gains: { highPass2(p: number): Float64Array },
  filter: SpectralFilter,
): { loss: number; grad: Float64Array } {
  return penaltyOf(x, filterRows(x, n, rows, gains.highPass2, filter), rows, lambda);
}

/** `resolventPenalty` with an asynchronous filter (the GPU engine's). */
export async function resolventPenaltyAsync(
  x: Float64Array,
  n: number,
  rows: number,
  lambda: number,
  gains: { highPass2(p: number): Float64Array },
  filter: AsyncSpectralFilter,
): Promise<{ loss: number; grad: Float64Array }> {
  return penaltyOf(x, await filterRowsAsync(x, n, rows, gains.highPass2, filter), rows, lambda);
}

/** The penalty and its gradient from w = IFFT((1 − R)²·X), row by row. */
function penaltyOf(
  x: Float64Array,
  w: Float64Array,
  rows: number,
  lambda: number,
): { loss: number; grad: Float64Array } {
  // Σ_k w_k|X_k|² = p·xᵀ·IFFT(w·X), so the mean over bins is xᵀ·IFFT(w·X) per row.
  let dot = 0;
  for (let i = 0; i < x.length; i++) dot += (x[i] as number) * (w[i] as number);
  const loss = (lambda * dot) / rows;
  const grad = new Float64Array(x.length);
  const scale = (2 * lambda) / rows;
  for (let i = 0; i < w.length; i++) grad[i] = scale * (w[i] as number);
  return { loss, grad };
}

/** FLOPs of filtering `rows` rows of width n: two FFTs of the padded length and the gains. */
export function filterFlops(n: number, rows: number): number {
  const p = nextPowerOfTwo(n);
  return rows * (2 * 5 * p * Math.log2(p) + 2 * p);
}
