import { describe, expect, it } from 'vitest';
import { dbDomain, decimalsFor, DYNAMIC_RANGE_DB, stepTicks, unitDomain } from './axis';

describe('unitDomain', () => {
  it('never leaves [0, 1], even for a coherence of exactly 1', () => {
    expect(unitDomain([1, 1, 1])).toEqual([0.9, 1]);
    expect(unitDomain([0.999_999])).toEqual([0.9, 1]);
    expect(unitDomain([0])).toEqual([0, 0.1]);
    expect(unitDomain([0.987, 0.95])).toEqual([0.9, 1]);
  });

  it('contains every value and is at least one step wide', () => {
    for (const values of [[0.5], [0.31, 0.74], [0.05, 0.06], [0.2, 1]]) {
      const [lo, hi] = unitDomain(values);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      expect(hi - lo).toBeGreaterThanOrEqual(0.1 - 1e-12);
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
      }
    }
  });

  it('falls back to [0, 1] without finite values', () => {
    expect(unitDomain([])).toEqual([0, 1]);
    expect(unitDomain([Number.NaN])).toEqual([0, 1]);
  });

  it('gives round ticks that end inside the range', () => {
    expect(stepTicks([0.7, 1])).toEqual([0.7, 0.8, 0.9, 1]);
    expect(stepTicks([0.9, 1])).toEqual([0.9, 0.92, 0.94, 0.96, 0.98, 1]);
    expect(stepTicks([0.4, 0.6])).toEqual([0.4, 0.45, 0.5, 0.55, 0.6]);
    const ticks = stepTicks([0, 1]);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(1);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});

describe('dbDomain', () => {
  it('spans the dynamic range below the peak, in 10 dB steps', () => {
    expect(dbDomain(0)).toEqual([-100, 10]);
    expect(dbDomain(52.4)).toEqual([-50, 60]);
    expect(dbDomain(-7)).toEqual([-110, 0]);
    const [lo, hi] = dbDomain(33.3);
    expect(hi - lo).toBeLessThanOrEqual(DYNAMIC_RANGE_DB + 20);
    expect(lo).toBeLessThanOrEqual(33.3 - DYNAMIC_RANGE_DB);
  });

  it('never reaches down to float round-off (−190 dB) for a unit-height spectrum', () => {
    expect(dbDomain(0)[0]).toBeGreaterThanOrEqual(-120);
  });

  it('gives a silent spectrum a finite range', () => {
    expect(dbDomain(-Infinity)).toEqual([-DYNAMIC_RANGE_DB, 0]);
  });
});

describe('decimalsFor', () => {
  it('tells apart neighbouring bar centres however close they are', () => {
    for (const [lo, step] of [
      [0.987_61, 1e-6],
      [0.5, 0.0015],
      [0.2, 0.033],
      [0.999_9, 3.7e-8],
    ] as const) {
      const d = decimalsFor(step);
      const labels = Array.from({ length: 24 }, (_, b) => (lo + (b + 0.5) * step).toFixed(d));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('does not print more decimals than the step needs', () => {
    expect(decimalsFor(0.1)).toBe(2);
    expect(decimalsFor(0.01)).toBe(3);
    expect(decimalsFor(50)).toBe(0);
  });
});
