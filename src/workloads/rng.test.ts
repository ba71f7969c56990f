import { describe, expect, it } from 'vitest';
import { createRng, substreamSeed } from './rng';

describe('substreamSeed', () => {
  it('gives distinct 32-bit seeds for distinct (seed, stream) pairs', () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 64; seed++) {
      for (let stream = 0; stream < 64; stream++) {
        const s = substreamSeed(seed, stream);
        expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
        seeds.add(s);
      }
    }
    expect(seeds.size).toBe(64 * 64);
  });

  it('starts streams that do not repeat each other', () => {
    const a = createRng(substreamSeed(1, 0));
    const b = createRng(substreamSeed(1, 1));
    const xs = Array.from({ length: 8 }, () => a.next());
    const ys = Array.from({ length: 8 }, () => b.next());
    expect(xs.some((x) => ys.includes(x))).toBe(false);
  });
});
