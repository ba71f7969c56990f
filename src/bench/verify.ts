/** Error measures against the float64 reference, and the tolerances results are judged by. */

import { fftTolerance } from '../engine';

// The engine's definitions, under the names the benchmark uses.
export { fftTolerance, linfRelError as maxRelError } from '../engine';

/** Forward FFT, filter, inverse FFT: two transforms' worth of rounding. */
export function resolventTolerance(points: number): number {
  return 2 * fftTolerance(points);
}

/** A float32 sum of n terms, relative to Σ|x|: the worst-case rounding bound n·2⁻²⁴. */
export function sumTolerance(n: number): number {
  return n * 2 ** -24;
}
