import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xa = Array.from({ length: 50 }, () => a.next());
    const xb = Array.from({ length: 50 }, () => b.next());
    const xc = Array.from({ length: 50 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('draws uniforms in [0, 1) with the right mean and variance', () => {
    const r = createRng(1);
    const n = 20_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      s += x;
      s2 += x * x;
    }
    const m = s / n;
    // Mean 1/2 and variance 1/12, within about 5 standard errors.
    expect(Math.abs(m - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - m * m - 1 / 12)).toBeLessThan(0.005);
  });

  it('draws standard normals', () => {
    const r = createRng(2);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => r.normal());
    const m = xs.reduce((a, x) => a + x, 0) / n;
    const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1);
    expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
  });

  it('draws every integer of [0, n) and nothing else', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => r.int(0)).toThrow(/n ≥ 1/);
  });

  it('shuffles into a permutation, deterministically', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    const a = createRng(4).shuffle([...xs]);
    const b = createRng(4).shuffle([...xs]);
    expect(a).toEqual(b);
    expect([...a].sort((p, q) => p - q)).toEqual(xs);
    expect(a).not.toEqual(xs);
  });

  it('forks streams that depend on the seed and stream number only', () => {
    const r = createRng(5);
    const f1 = r.fork(1).next();
    r.next();
    r.next();
    expect(r.fork(1).next()).toBe(f1);
    expect(r.fork(2).next()).not.toBe(f1);
    expect(createRng(6).fork(1).next()).not.toBe(f1);
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => createRng(1.5)).toThrow(/safe integer/);
    expect(() => createRng(Number.NaN)).toThrow(/safe integer/);
  });
});
