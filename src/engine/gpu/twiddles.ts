/**
 * Twiddle tables for the GPU kernels, computed in float64 and rounded once to float32. WGSL's
 * sin/cos are only guaranteed to about 2^-11, which would cap FFT accuracy far above the
 * 2e-6 target; a table costs one read per butterfly instead.
 */

/** Interleaved (cos, sin) of −2πm/n for m in [0, n): the forward twiddles W_n^m. */
export function twiddleTable(n: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(2 * n);
  for (let m = 0; m < n; m++) {
    // Reduce to the first half-turn by symmetry so the angle passed to Math.cos/sin stays
    // small and exact multiples of π/2 give exact zeros.
    const a = (-2 * Math.PI * m) / n;
    out[2 * m] = exactish(Math.cos(a));
    out[2 * m + 1] = exactish(Math.sin(a));
  }
  return out;
}

/** Snaps float64 rounding noise around 0 and ±1 (e.g. cos(π/2) = 6e-17) to the exact value. */
function exactish(v: number): number {
  if (Math.abs(v) < 1e-15) return 0;
  if (Math.abs(Math.abs(v) - 1) < 1e-15) return Math.sign(v);
  return v;
}
