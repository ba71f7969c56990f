/** Error measures for comparing GPU results with the float64 reference. */

export { fftTolerance, linfRelError } from '../accuracy';

/** Largest relative difference between two arrays of metrics, each scaled by its own size. */
export function maxRelDiff(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-30,
): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const d = Math.abs((actual[i] as number) - e) / Math.max(Math.abs(e), floor);
    worst = Math.max(worst, d);
  }
  return worst;
}
