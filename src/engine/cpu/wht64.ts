/**
 * Float64 fast Walsh–Hadamard transform: the reference the GPU kernel is judged against. The
 * butterflies only add and subtract, so the result is exact for integer inputs of moderate size.
 */

/**
 * y = H_n·x, unnormalized, natural (Sylvester) order (scipy.linalg.hadamard(n) @ x), in place on
 * x[offset … offset + n). n must be a power of two.
 */
export function wht64InPlace(x: Float64Array, offset: number, n: number): void {
  if (!Number.isInteger(n) || n < 1 || (n & (n - 1)) !== 0) {
    throw new RangeError(`wht64InPlace: n must be a power of two, got ${n}`);
  }
  if (offset < 0 || offset + n > x.length) {
    throw new RangeError(`wht64InPlace: [${offset}, ${offset + n}) is outside ${x.length} values`);
  }
  // H_n = H_2 ⊗ … ⊗ H_2 and the factors commute, so the stride order is free; any order gives
  // the natural ordering, unlike the FFT there is no bit-reversal to undo.
  for (let h = 1; h < n; h <<= 1) {
    for (let start = offset, end = offset + n; start < end; start += h << 1) {
      for (let i = start; i < start + h; i++) {
        const a = x[i] as number;
        const b = x[i + h] as number;
        x[i] = a + b;
        x[i + h] = a - b;
      }
    }
  }
}
