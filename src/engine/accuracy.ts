/**
 * How GPU results are judged against the float64 reference: one definition, used by the GPU
 * tests and by the benchmark's verification.
 */

/** L∞ relative error max|a − b| / max|b| (0 when both are all zero; ∞ on NaN). */
export function linfRelError(actual: ArrayLike<number>, reference: ArrayLike<number>): number {
  if (actual.length !== reference.length) {
    throw new Error(`length mismatch: ${actual.length} vs reference ${reference.length}`);
  }
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < reference.length; i++) {
    const b = reference[i] as number;
    const d = Math.abs((actual[i] as number) - b);
    // NaN must not hide behind a comparison: it makes the error infinite.
    if (Number.isNaN(d)) return Number.POSITIVE_INFINITY;
    if (d > maxDiff) maxDiff = d;
    if (Math.abs(b) > maxRef) maxRef = Math.abs(b);
  }
  if (maxRef === 0) return maxDiff === 0 ? 0 : Number.POSITIVE_INFINITY;
  return maxDiff / maxRef;
}

/**
 * The fp32 FFT criterion of pyvkfft's accuracy tests: 2e-6 + 5e-7·log10(N), N the points of
 * one signal, for uniform input in [−1, 1).
 */
export function fftTolerance(points: number): number {
  return 2e-6 + 5e-7 * Math.log10(points);
}
