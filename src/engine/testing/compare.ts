/** Error measures for comparing GPU results with the float64 reference. */

/** L∞ relative error max|a − b| / max|b| (pyvkfft's FFT accuracy criterion). */
export function linfRelError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) {
    throw new Error(`length mismatch: ${actual.length} vs ${expected.length}`);
  }
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    maxDiff = Math.max(maxDiff, Math.abs((actual[i] as number) - e));
    maxRef = Math.max(maxRef, Math.abs(e));
  }
  return maxRef === 0 ? maxDiff : maxDiff / maxRef;
}

/** The accuracy bound for an fp32 FFT of N points: 2e-6 + 5e-7·log10(N). */
export function fftTolerance(n: number): number {
  return 2e-6 + 5e-7 * Math.log10(n);
}

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
