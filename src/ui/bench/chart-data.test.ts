import { describe, expect, it } from 'vitest';
import { finiteExtent, pow2Ticks } from './chart-data';

describe('chart ticks', () => {
  it('whole powers of two spanning the data', () => {
    expect(pow2Ticks([4.2, 10, 7])).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(pow2Ticks([0, 20])).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(pow2Ticks([])).toEqual([]);
  });

  it('a million points (a forged crossover) do not overflow the stack', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => Math.log2(i + 1));
    const ticks = pow2Ticks(values);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.log2(1_000_000));
    expect(ticks.length).toBeLessThanOrEqual(11);
  });

  it('ignores non-finite values and bounds the tick count for huge ranges', () => {
    expect(finiteExtent([NaN, Infinity, 3, -2])).toEqual({ lo: -2, hi: 3 });
    expect(finiteExtent([NaN])).toBeNull();
    expect(pow2Ticks([0, 1e9]).length).toBeLessThanOrEqual(11);
  });
});
