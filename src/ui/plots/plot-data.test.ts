import { describe, expect, it } from 'vitest';
import { resolventTable } from '../../engine';
import { dbDomain } from './axis';
import {
  histogram,
  MAX_POINTS,
  peakOf,
  spectrum1d,
  spectrum2d,
  spectrumImages,
  toDb,
} from './plot-data';

describe('spectrum1d', () => {
  it('keeps a lone peak when bins are grouped, and floors the rest', () => {
    const n = 4096;
    const mag = new Float32Array(n);
    mag[1001] = 10;
    const table = resolventTable([n], 1, 'cycles', 1);
    const [floor] = dbDomain(toDb(peakOf(mag)));
    const points = spectrum1d(mag, table, 'cycles', floor);
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS + 1);
    const top = points.find((p) => p.db > floor);
    expect(top?.k).toBe(1001 / n);
    expect(top?.db).toBeCloseTo(20, 5);
    // Empty bins sit on the floor, 100 dB (rounded to 10 dB) under the peak, not at −∞.
    expect(Math.min(...points.map((p) => p.db))).toBe(floor);
    expect(floor).toBe(-80);
    // κ runs from 0 to Nyquist (½ cycle per sample), R from 1 down to 1/(1 + φ/4).
    expect(points[0]?.k).toBe(0);
    expect(points[0]?.r).toBe(1);
    expect(points.at(-1)?.k).toBeCloseTo(0.5, 2);
    expect(points.at(-1)?.r).toBeCloseTo(1 / 1.25, 2);
  });

  it('draws |R·X| as |X| lowered by 20·log10 R', () => {
    const n = 64;
    const phi = 3;
    const table = resolventTable([n], phi, 'cycles', 1);
    const points = spectrum1d(new Float32Array(n).fill(1), table, 'cycles', -100);
    for (const p of points) {
      expect(p.db).toBe(0);
      expect(p.filteredDb).toBeCloseTo(20 * Math.log10(1 / (1 + phi * p.k * p.k)), 9);
    }
  });

  it('uses the unit of κ on the x axis', () => {
    const n = 64;
    const table = resolventTable([n], 1, 'index', 1);
    const points = spectrum1d(new Float32Array(n).fill(1), table, 'index', -100);
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
    const rings = spectrum2d(mag, table, shape, 'cycles', -100);
    expect(rings[0]).toEqual({
      k: 0,
      db: 20 * Math.log10(2),
      filteredDb: 20 * Math.log10(2),
      r: 1,
    });
    for (let i = 1; i < rings.length; i++) {
      expect(rings[i]?.k).toBeGreaterThan(rings[i - 1]?.k ?? 0);
      expect(rings[i]?.r).toBeLessThan(rings[i - 1]?.r ?? 1);
      expect(rings[i]?.filteredDb).toBeLessThan(rings[i]?.db ?? 0);
    }
  });
});

describe('spectrumImages', () => {
  it('puts k = 0 at the centre and maps the dB range onto 0..1', () => {
    const shape = [4, 4] as const;
    const mag = new Float32Array(16);
    mag[0] = 100; // k = 0: 40 dB
    mag[1] = 1; // kx = 1: 0 dB
    const table = resolventTable(shape, 1, 'index', 1);
    const { original, filtered } = spectrumImages(mag, table, shape, [-60, 40]);
    // fftshift: bin (0, 0) moves to (2, 2), bin (0, 1) to (2, 3).
    expect(original[2 * 4 + 2]).toBe(1);
    expect(original[2 * 4 + 3]).toBeCloseTo(0.6, 6);
    expect(original[0]).toBe(0);
    // R(kx = 1) = 1/2 in mode index with φ = 1: 6.02 dB darker on the same scale.
    expect(filtered[2 * 4 + 3]).toBeCloseTo((20 * Math.log10(0.5) + 60) / 100, 6);
    expect(filtered[2 * 4 + 2]).toBe(1);
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
