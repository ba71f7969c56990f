/**
 * The unit of work of the worker sweep: a batch of complex FFTs with fft.js (the benchmark's
 * CPU kernel), timed inside the worker. Times are on a clock shared by all threads
 * (timeOrigin + now), so the pool can take one span from the first start to the last end.
 */
import FFT from 'fft.js';
import { FftJsBatch } from '../bench/cpu/fftjs-kernel';
import { createRng } from '../measure';

export interface FftTaskResult {
  /** Shared-clock milliseconds at the start and end of the timed transforms. */
  startMs: number;
  endMs: number;
  /** Sum of the output, so the work cannot be optimized away and runs can be compared. */
  checksum: number;
}

const now = (): number => performance.timeOrigin + performance.now();

/** `signals` FFTs of length `size`, `repeats` times over; the data are seeded and untimed. */
export function fftBatch(
  size: number,
  signals: number,
  repeats: number,
  seed: number,
): FftTaskResult {
  const kernel = new FftJsBatch(FFT, [size]);
  const rng = createRng(seed);
  const input = Float64Array.from({ length: 2 * size * signals }, () => rng.next() - 0.5);
  const output = new Float64Array(input.length);
  kernel.run(input, output); // untimed: compiles the kernel's hot loop before the clock starts
  const startMs = now();
  for (let r = 0; r < repeats; r++) kernel.run(input, output);
  const endMs = now();
  let checksum = 0;
  for (let i = 0; i < output.length; i += 97) checksum += output[i] as number;
  return { startMs, endMs, checksum };
}

export const fftTasks = { fftBatch };
export type FftTasks = typeof fftTasks;
