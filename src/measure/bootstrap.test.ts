import { describe, expect, it } from 'vitest';
import { bootstrapCI, pairedRatioCI } from './bootstrap';
import { createRng } from './rng';
import { mean, median } from './summary';

describe('bootstrapCI', () => {
  it('is reproducible per seed and brackets its estimate', () => {
    const r = createRng(10);
    const xs = Array.from({ length: 40 }, () => r.normal());
    const a = bootstrapCI(xs, mean, { seed: 1 });
    const b = bootstrapCI(xs, mean, { seed: 1 });
    expect(a).toEqual(b);
    expect(a.lo).toBeLessThanOrEqual(a.estimate);
    expect(a.hi).toBeGreaterThanOrEqual(a.estimate);
    expect(a.estimate).toBe(mean(xs));
  });

  it('covers the true mean about 95% of the time', () => {
    // 200 data sets of N(3, 1), n = 30: the percentile interval of the mean should cover 3 in
    // roughly 95% of them (binomial spread at 200 trials: ±3%; the percentile bootstrap
    // undercovers slightly at n = 30).
    const r = createRng(11);
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 30 }, () => 3 + r.normal());
      const ci = bootstrapCI(xs, mean, { seed: t, resamples: 500 });
      if (ci.lo <= 3 && 3 <= ci.hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('is degenerate on constant data', () => {
    expect(bootstrapCI([2, 2, 2], median, { seed: 1 })).toEqual({ estimate: 2, lo: 2, hi: 2 });
  });

  it('refuses empty data and bad options', () => {
    expect(() => bootstrapCI([], mean, { seed: 1 })).toThrow(/empty/);
    expect(() => bootstrapCI([1], mean, { seed: 1, level: 1 })).toThrow(/level/);
    expect(() => bootstrapCI([1], mean, { seed: 1, resamples: 0 })).toThrow(/resamples/);
  });
});

describe('pairedRatioCI', () => {
  it('gives the median per-pair ratio, and cancels what the pairs share', () => {
    // Control varies 10× between seeds; treatment is exactly 0.8× its pair: the ratio is 0.8
    // with no spread at all, which an unpaired comparison would not see.
    const control = [1, 3, 10, 2, 7, 5];
    const treatment = control.map((c) => 0.8 * c);
    const ci = pairedRatioCI(treatment, control, { seed: 2 });
    expect(ci.estimate).toBeCloseTo(0.8, 12);
    expect(ci.lo).toBeCloseTo(0.8, 12);
    expect(ci.hi).toBeCloseTo(0.8, 12);
  });

  it('refuses unequal lengths and a zero control', () => {
    expect(() => pairedRatioCI([1], [1, 2], { seed: 1 })).toThrow(/length/);
    expect(() => pairedRatioCI([1, 1], [1, 0], { seed: 1 })).toThrow(/pair 1/);
  });
});
