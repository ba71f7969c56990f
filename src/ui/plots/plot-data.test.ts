import { describe, expect, it } from 'vitest';
import { resolventTable } from '../../engine';
import { FLOOR_DB, histogram, MAX_POINTS, spectrum1d, spectrum2d, timeWindow } from './plot-data';

describe('timeWindow', () => {
  it('shows at most MAX_POINTS samples, from the start', () => {
    const a = Float32Array.from({ length: 2000 }, (_, i) => i);
    const points = timeWindow(a, a);
    expect(points).toHaveLength(MAX_POINTS);
    expect(points[7]).toEqual({ i: 7, original: 7, filtered: 7 });
  });
});

describe('spectrum1d', () => {
  it('keeps a lone peak when bins are grouped', () => {
    const n = 4096;
    const mag = new Float32Array(n);
    mag[1001] = 10;
    const table = resolventTable([n], 1, 'cycles', 1);
    const points = spectrum1d(mag, table, 'cycles');
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    const top = points.find((p) => p.db > 0);
    expect(top?.k).toBe(1001 / n);
    expect(top?.db).toBeCloseTo(20, 5);
    expect(Math.min(...points.map((p) => p.db))).toBe(FLOOR_DB);
    // κ runs from 0 to Nyquist (½ cycle per sample), R from 1 down to 1/(1 + φ/4).
    expect(points[0]?.k).toBe(0);
    expect(points[0]?.r).toBe(1);
    expect(points.at(-1)?.k).toBeCloseTo(0.5, 2);
    expect(points.at(-1)?.r).toBeCloseTo(1 / 1.25, 2);
  });

  it('uses the unit of κ on the x axis', () => {
    const n = 64;
    const table = resolventTable([n], 1, 'index', 1);
    const points = spectrum1d(new Float32Array(n).fill(1), table, 'index');
    expect(points).toHaveLength(n / 2 + 1);
    expect(points.at(-1)?.k).toBe(32);
    expect(points.at(-1)?.db).toBe(0);
  });
});

describe('spectrum2d', () => {
  it('averages rings of |κ|', () => {
    const shape = [16, 16] as const;
    const mag = new Float32Array(256).fill(2);
    const table = resolventTable(shape, 1, 'cycles', 1);
    const rings = spectrum2d(mag, table, shape, 'cycles');
    expect(rings[0]).toEqual({ k: 0, db: 20 * Math.log10(2), r: 1 });
    for (let i = 1; i < rings.length; i++) {
      expect(rings[i]?.k).toBeGreaterThan(rings[i - 1]?.k ?? 0);
      expect(rings[i]?.r).toBeLessThan(rings[i - 1]?.r ?? 1);
    }
  });
});

describe('histogram', () => {
  it('counts every value once across the range', () => {
    const bars = histogram([0, 0.1, 0.2, 0.9, 1], 4);
    expect(bars).toHaveLength(4);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bars[0]?.count).toBe(3);
    expect(bars[3]?.count).toBe(2);
  });

  it('gives one bar for identical values', () => {
    expect(histogram([0.5, 0.5, 0.5], 10)).toEqual([{ x: 0.5, count: 3 }]);
  });
});
