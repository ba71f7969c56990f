/**
 * Derived metrics of a measured case. One definition each; the runner, the CLI table and the
 * app's charts all use these. The FLOP count comes from the engine's `fftFlops`.
 */
import { fftFlops } from '../engine';
import type { CrossoverPoint } from './schema';

/** Points of one signal of a shape. */
export function signalPoints(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Bytes an out-of-place pass over interleaved complex float32 reads + writes: 2·batch·N·8. */
export function complexPassBytes(shape: readonly number[], batch: number): number {
  return 2 * batch * signalPoints(shape) * 8;
}

/** GFLOP/s of `batch` complex FFTs of `shape` done in `ms` (a 2D FFT counts as one of ny·nx). */
export function fftGflops(shape: readonly number[], batch: number, ms: number): number {
  return (batch * fftFlops(signalPoints(shape))) / (ms * 1e6);
}

export function gbps(bytes: number, ms: number): number {
  return bytes / (ms * 1e6);
}

export function signalsPerSec(batch: number, ms: number): number {
  return (batch * 1000) / ms;
}

/**
 * Fraction of the bandwidth floor reached: the copy kernel's time for the same bytes ÷ this
 * case's time. 1 means as fast as copying the data once; a multi-pass kernel sits below.
 */
export function efficiency(copyMs: number, ms: number): number {
  return copyMs / ms;
}

/**
 * A case's time in copy times for the same bytes: the reciprocal of `efficiency`. A bound such
 * as "at most 1.3× the copy time" reads directly on this scale.
 */
export function timeInCopies(efficiencyValue: number): number {
  return 1 / efficiencyValue;
}

/** How many times faster `ms` is than `baselineMs` (both for the same work). */
export function speedup(baselineMs: number, ms: number): number {
  return baselineMs / ms;
}

/**
 * The smallest batch from which the GPU is faster than the CPU at every larger batch measured
 * (so one noisy point does not declare a crossover). null when the GPU never overtakes.
 */
export function crossoverBatch(
  points: readonly CrossoverPoint[],
  gpu: (p: CrossoverPoint) => number | null,
): number | null {
  const sorted = [...points].sort((a, b) => a.batch - b.batch);
  let found: number | null = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as CrossoverPoint;
    const g = gpu(p);
    if (g === null || g >= p.cpuMs) break;
    found = p.batch;
  }
  return found;
}
