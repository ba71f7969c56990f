/**
 * Filtering a whole recording frame by frame, and putting it back together (weighted
 * overlap-add). Frames of N samples start every N/2 samples; each is multiplied by √Hann,
 * filtered, multiplied by √Hann again and added into the output. Two periodic Hann windows
 * shifted by N/2 sum to exactly 1, so a filter that changes nothing gives back the input
 * (to float rounding), including the first and last half-frame: the frames start N/2 samples
 * before the recording and run N/2 past its end, over zeros.
 *
 * The filter acts on each frame circularly (a product in the DFT domain), so a frame's tail
 * wraps onto its head; the window keeps both ends near zero, which keeps that wrap faint for a
 * smooth gain such as the φ-resolvent's R(k).
 */
import type { Engine, KUnit } from '../engine';
import { sqrtHann } from './spectrum';

/** Filters `batch` real frames of N samples (back to back) into `batch` real frames. */
export type FrameFilter = (frames: Float32Array, batch: number) => Promise<ArrayLike<number>>;

export interface OverlapAddOptions {
  /** Frame size N: even (a power of two for the engine). */
  n: number;
  /** Frames per filter call (the last call is padded with silent frames to the same batch). */
  batch?: number;
  signal?: AbortSignal;
  /** After each filter call: frames done, frames in all. */
  onProgress?(done: number, total: number): void;
}

/** Frames that cover `length` samples twice over with hop N/2, starting N/2 before sample 0. */
export function frameCount(length: number, n: number): number {
  const hop = n / 2;
  return length === 0 ? 0 : Math.floor((length - 1) / hop) + 2;
}

export async function overlapAdd(
  input: ArrayLike<number>,
  filter: FrameFilter,
  options: OverlapAddOptions,
): Promise<Float32Array<ArrayBuffer>> {
  const { n, signal, onProgress } = options;
  if (!Number.isInteger(n) || n < 2 || n % 2 !== 0) {
    throw new RangeError(`frame size must be an even whole number ≥ 2, got ${n}`);
  }
  const hop = n / 2;
  const length = input.length;
  const total = frameCount(length, n);
  const batch = Math.max(1, Math.min(options.batch ?? 32, total));
  const w = sqrtHann(n);
  // float64 accumulation: a long recording adds many small terms into each output sample.
  const out = new Float64Array(length);
  const frames = new Float32Array(batch * n);
  for (let first = 0; first < total; first += batch) {
    signal?.throwIfAborted();
    const count = Math.min(batch, total - first);
    frames.fill(0);
    for (let f = 0; f < count; f++) {
      const start = (first + f - 1) * hop;
      for (let j = Math.max(0, -start); j < n && start + j < length; j++) {
        frames[f * n + j] = (input[start + j] ?? 0) * (w[j] ?? 0);
      }
    }
    const filtered = await filter(frames, batch);
    if (filtered.length < count * n) {
      throw new RangeError(
        `the filter returned ${filtered.length} samples; expected at least ${count * n}`,
      );
    }
    for (let f = 0; f < count; f++) {
      const start = (first + f - 1) * hop;
      for (let j = Math.max(0, -start); j < n && start + j < length; j++) {
        out[start + j] = (out[start + j] ?? 0) + (filtered[f * n + j] ?? 0) * (w[j] ?? 0);
      }
    }
    onProgress?.(first + count, total);
  }
  signal?.throwIfAborted();
  return Float32Array.from(out);
}

export interface ResolventParams {
  phi: number;
  lambda: number;
  kUnit: KUnit;
  kScale: number;
}

/**
 * The φ-resolvent on `engine` as a frame filter: the real parts of IFFT(R·FFT(frame)). R is
 * real and even in k, so for a real frame the imaginary parts are zero up to rounding.
 */
export function resolventFilter(engine: Engine, params: ResolventParams, n: number): FrameFilter {
  return async (frames, batch) => {
    const r = await engine.resolvent(frames, { shape: [n], batch, real: true, ...params });
    const real = new Float32Array(batch * n);
    for (let i = 0; i < real.length; i++) real[i] = r.filtered[2 * i] ?? 0;
    return real;
  };
}
