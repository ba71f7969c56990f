import { describe, expect, it } from 'vitest';
import {
  complexText,
  diagramLayout,
  entryDiffs,
  maxOf,
  pairs,
  samplesKey,
  samplesOf,
  shortMagnitude,
} from './butterfly-data';

describe('butterfly view data', () => {
  it('the samples key changes only when the first n samples do, and parses back exactly', () => {
    const a = new Float32Array([0.1, -2.5, 3e-8, 7, 9, 9]);
    const b = new Float32Array([0.1, -2.5, 3e-8, 7, 1, 1]);
    expect(samplesKey(a, 4)).toBe(samplesKey(b, 4));
    expect(samplesKey(a, 5)).not.toBe(samplesKey(b, 5));
    expect(samplesOf(samplesKey(a, 4))).toEqual(Array.from(a.subarray(0, 4)));
  });

  it('pads a short signal with zeros, and is empty without one', () => {
    expect(samplesOf(samplesKey(new Float32Array([1, 2]), 4))).toEqual([1, 2, 0, 0]);
    expect(samplesKey(null, 8)).toBe('');
    expect(samplesOf('')).toEqual([]);
  });

  it('pairs and differences of interleaved complex values', () => {
    const a = new Float64Array([1, 2, 3, 4]);
    const b = new Float32Array([1, 2, 0, 0]);
    expect(pairs(a)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(entryDiffs(a, b)).toEqual([0, 5]);
    expect(maxOf(entryDiffs(a, b))).toBe(5);
    expect(() => entryDiffs(a, new Float64Array(2))).toThrow(/4 values vs 2/);
  });

  it('labels stay short', () => {
    expect(shortMagnitude(3, 4)).toBe('5');
    expect(shortMagnitude(1e-5, 0)).toBe('0');
    expect(shortMagnitude(12345, 0)).toBe('1e4');
    expect(shortMagnitude(0.123456, 0)).toBe('0.123');
    expect(complexText(1.23456, -0.5)).toBe('1.235 − 0.5i');
    expect(complexText(0, 2e-7)).toBe('0 + 2.00e-7i');
  });

  it('lays out a column per stage and a row per index, inside the SVG', () => {
    const l = diagramLayout(32, 6);
    expect(l.x(5) + l.nodeWidth).toBeLessThanOrEqual(l.width);
    expect(l.y(31) + l.nodeHeight / 2).toBeLessThanOrEqual(l.height);
    expect(l.y(1) - l.y(0)).toBe(l.rowHeight);
  });
});
