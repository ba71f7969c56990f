/**
 * Sequency ordering of Walsh–Hadamard output, for display: natural (Sylvester) order is what the
 * transform produces cheaply, but sorting rows by their number of sign changes makes the
 * spectrum read like a Fourier spectrum (low sequency = slowly varying).
 */

function log2Exact(n: number): number {
  if (!Number.isInteger(n) || n < 1 || (n & (n - 1)) !== 0) {
    throw new RangeError(`n must be a power of two, got ${n}`);
  }
  return 31 - Math.clz32(n);
}

function reverseBits(v: number, bits: number): number {
  let r = 0;
  for (let b = 0; b < bits; b++) {
    r = (r << 1) | ((v >> b) & 1);
  }
  return r;
}

/** Natural-order row index of H_n with exactly s sign changes: the bit reversal of gray(s). */
export function sequencyToNatural(s: number, n: number): number {
  const bits = log2Exact(n);
  if (!Number.isInteger(s) || s < 0 || s >= n) {
    throw new RangeError(`sequency ${s} is outside [0, ${n})`);
  }
  return reverseBits(s ^ (s >> 1), bits);
}

/** out[s] = natural[offset + sequencyToNatural(s, n)] for s in [0, n). */
export function toSequencyOrder(natural: ArrayLike<number>, n: number, offset = 0): Float64Array {
  if (offset < 0 || offset + n > natural.length) {
    throw new RangeError(`[${offset}, ${offset + n}) is outside ${natural.length} values`);
  }
  const out = new Float64Array(n);
  for (let s = 0; s < n; s++) out[s] = natural[offset + sequencyToNatural(s, n)] as number;
  return out;
}
