/** Summary statistics of repeated timings. Pure functions, unit-tested. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean of an empty list');
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Coefficient of variation: sample standard deviation ÷ mean. 0 for fewer than two values,
 * since one span says nothing about spread.
 */
export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  if (m === 0) return 0;
  const ss = values.reduce((a, v) => a + (v - m) * (v - m), 0);
  return Math.sqrt(ss / (values.length - 1)) / Math.abs(m);
}
