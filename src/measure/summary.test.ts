import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, mean, median, quantile } from './summary';

describe('median', () => {
  it('takes the middle of an odd count, unsorted input', () => {
    expect(median([5, 1, 3])).toBe(3);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('does not reorder the caller’s array', () => {
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });
  it('rejects an empty list', () => {
    expect(() => median([])).toThrow(/empty/);
  });
});

describe('coefficientOfVariation', () => {
  it('is the sample standard deviation over the mean', () => {
    // mean 5, sample variance ((−2)² + 0² + 2²)/2 = 4, std 2.
    expect(coefficientOfVariation([3, 5, 7])).toBeCloseTo(2 / 5, 12);
  });
  it('is 0 for identical values and for a single value', () => {
    expect(coefficientOfVariation([2, 2, 2])).toBe(0);
    expect(coefficientOfVariation([9])).toBe(0);
  });
  it('does not depend on the unit', () => {
    const a = [1.1, 0.9, 1.3, 1.0];
    expect(coefficientOfVariation(a.map((x) => x * 1000))).toBeCloseTo(
      coefficientOfVariation(a),
      12,
    );
  });
  it('mean is the arithmetic mean', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics as R type 7 / NumPy do', () => {
    const xs = [4, 1, 3, 2];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(4);
    expect(quantile(xs, 0.5)).toBe(2.5);
    // numpy.quantile([1, 2, 3, 4], 0.9) = 3.7
    expect(quantile(xs, 0.9)).toBeCloseTo(3.7, 12);
  });
  it('refuses an empty list and q outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty/);
    expect(() => quantile([1], 1.5)).toThrow(/0 ≤ q ≤ 1/);
    expect(() => quantile([1], Number.NaN)).toThrow(/0 ≤ q ≤ 1/);
  });
});
