/**
 * Axis helpers for the benchmark charts. An imported run is untrusted and may hold hundreds of
 * thousands of points, so nothing here spreads an array into arguments (`Math.min(...values)`
 * overflows the call stack from about 125k values): extents are loops.
 */

/** The smallest and largest finite value, or null when there is none. */
export function finiteExtent(values: readonly number[]): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** At most this many ticks, whatever the range (a forged run may span 2^0 … 2^1000). */
const MAX_TICKS = 11;

/** Whole powers of two over the data's range (log2 values), so the axis never shows 2^15.02. */
export function pow2Ticks(values: readonly number[]): number[] {
  const extent = finiteExtent(values);
  if (!extent) return [];
  const lo = Math.floor(extent.lo);
  const hi = Math.ceil(extent.hi);
  const step = Math.max(1, Math.ceil((hi - lo) / (MAX_TICKS - 1)));
  const out: number[] = [];
  for (let v = lo; v <= hi && out.length < MAX_TICKS; v += step) out.push(v);
  return out;
}
