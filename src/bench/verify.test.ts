import { describe, expect, it } from 'vitest';
import { fftTolerance, maxRelError } from './verify';

describe('maxRelError', () => {
  it('is max|a − b| over max|b|', () => {
    expect(maxRelError([1, 2, 3.5], [1, 2, 4])).toBeCloseTo(0.5 / 4, 15);
  });
  it('is 0 for equal arrays, including all-zero ones', () => {
    expect(maxRelError([0, 0], [0, 0])).toBe(0);
    expect(maxRelError([1, -2], [1, -2])).toBe(0);
  });
  it('is infinite for NaN output or a nonzero output against a zero reference', () => {
    expect(maxRelError([Number.NaN, 1], [1, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(maxRelError([1e-9], [0])).toBe(Number.POSITIVE_INFINITY);
  });
  it('rejects arrays of different lengths', () => {
    expect(() => maxRelError([1], [1, 2])).toThrow(/length/);
  });
  it('the fp32 FFT tolerance grows with log10 N', () => {
    expect(fftTolerance(1000)).toBeCloseTo(2e-6 + 1.5e-6, 15);
    expect(fftTolerance(2 ** 20)).toBeGreaterThan(fftTolerance(16));
  });
});
