import { describe, expect, it } from 'vitest';
import { pairedPermutationTest } from './permutation';
import { createRng } from './rng';

describe('pairedPermutationTest', () => {
  it('computes the exact p-value for a small case by enumeration', () => {
    // Differences 1, 2, 3: of the 8 sign patterns only +++ and −−− reach |sum| = 6: p = 2/8.
    expect(pairedPermutationTest([2, 3, 4], [1, 1, 1], { seed: 1 })).toBe(0.25);
    // All differences zero: every pattern is as extreme: p = 1.
    expect(pairedPermutationTest([1, 2], [1, 2], { seed: 1 })).toBe(1);
  });

  it('finds a real shift and not a null one (Monte Carlo beyond 16 pairs)', () => {
    const r = createRng(3);
    const b = Array.from({ length: 30 }, () => r.normal());
    const shifted = b.map((x) => x + 1 + 0.3 * r.normal());
    const noise = b.map((x) => x + 0.3 * r.normal());
    expect(pairedPermutationTest(shifted, b, { seed: 4 })).toBeLessThan(0.001);
    expect(pairedPermutationTest(noise, b, { seed: 4 })).toBeGreaterThan(0.01);
    expect(pairedPermutationTest(noise, b, { seed: 4 })).toBe(
      pairedPermutationTest(noise, b, { seed: 4 }),
    );
  });

  it('refuses unequal lengths and non-finite values', () => {
    expect(() => pairedPermutationTest([1], [1, 2], { seed: 1 })).toThrow(/length/);
    expect(() => pairedPermutationTest([Number.NaN], [1], { seed: 1 })).toThrow(/finite/);
  });
});
