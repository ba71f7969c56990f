import { describe, expect, it } from 'vitest';
import { ScalingDataError } from './errors';
import { fitModel } from './model-fit';
import { MODEL_IDS, MODELS } from './models';
import { synthetic, TRUTH } from './testing/synthetic';

describe('fitModel', () => {
  it.each(MODEL_IDS)(
    '%s: with 1 percent seeded noise, each true parameter lies in its 95 percent CI',
    (id) => {
      const fit = fitModel(id, synthetic(id, 0.01, 42), { seed: 3, resamples: 150 });
      MODELS[id].params.forEach((s, j) => {
        const [lo, hi] = fit.ci[s.name] as [number, number];
        const v = TRUTH[id][j] as number;
        expect(lo, `${id}.${s.name}`).toBeLessThanOrEqual(v);
        expect(hi, `${id}.${s.name}`).toBeGreaterThanOrEqual(v);
        expect(lo).toBeLessThanOrEqual(fit.params[s.name] as number);
        expect(hi).toBeGreaterThanOrEqual(fit.params[s.name] as number);
      });
      expect(fit.r2).toBeGreaterThan(0.99);
    },
  );

  it('exact data: R² is 1, the CIs collapse onto the truth, LOO and hold-out errors vanish', () => {
    const fit = fitModel('usl', synthetic('usl', 0, 1), { seed: 1, resamples: 20 });
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.ci.kappa?.[0]).toBeCloseTo(0.002, 9);
    expect(fit.ci.kappa?.[1]).toBeCloseTo(0.002, 9);
    expect(fit.derived.peak).toBeCloseTo(Math.sqrt(0.95 / 0.002), 6);
    expect(fit.looRmse).toBeLessThan(1e-6);
    expect(fit.holdOut?.mape).toBeLessThan(1e-6);
  });

  it('computes AIC and AICc from the SSE as documented', () => {
    const fit = fitModel('amdahl', synthetic('amdahl', 0.05, 9), { seed: 1, resamples: 0 });
    const n = fit.points;
    const aic = n * Math.log(fit.sse / n) + 2 * 3;
    expect(fit.aic).toBeCloseTo(aic, 9);
    expect(fit.aicc).toBeCloseTo(aic + (2 * 3 * 4) / (n - 4), 9);
    expect(fit.rmse).toBeCloseTo(Math.sqrt(fit.sse / n), 12);
  });

  it('hold-out fits the smaller half of x and predicts the larger half', () => {
    const points = synthetic('amdahl', 0.02, 4);
    // Shuffled order must not matter: the split is by x.
    const order = [5, 0, 12, 3, 15, 1, 7, 9, 2, 14, 4, 6, 8, 10, 11, 13];
    const shuffled = {
      x: order.map((i) => points.x[i] as number),
      y: order.map((i) => points.y[i] as number),
    };
    const a = fitModel('amdahl', points, { seed: 2, resamples: 0 });
    const b = fitModel('amdahl', shuffled, { seed: 2, resamples: 0 });
    expect(a.holdOut?.trainPoints).toBe(8);
    expect(a.holdOut?.testPoints).toBe(8);
    expect(b.holdOut?.rmse).toBeCloseTo(a.holdOut?.rmse ?? NaN, 9);
    // A wrong model extrapolates worse than the generating one.
    const g = fitModel('gustafson', points, { seed: 2, resamples: 0 });
    expect(g.holdOut?.rmse).toBeGreaterThan(3 * (a.holdOut?.rmse ?? Infinity));
  });

  it('refuses fewer points than parameters + 1, and leaves out what it cannot compute', () => {
    const x = [1, 2, 3];
    const y = [1, 1.8, 2.4];
    expect(() => fitModel('usl', { x, y }, { seed: 1 })).toThrow(ScalingDataError);
    expect(() => fitModel('usl', { x, y }, { seed: 1 })).toThrow(
      /usl has 3 parameters.*at least 4.*have 3/,
    );
    const small = fitModel('amdahl', { x, y }, { seed: 1, resamples: 10 });
    expect(small.aicc).toBeNull(); // n = 3 ≤ k + 2
    expect(small.looRmse).toBeNull(); // 2 points left for 2 parameters + 1
    expect(small.holdOut).toBeNull(); // 1 point in the smaller half
  });

  it('is deterministic per seed; another seed changes only the bootstrap', () => {
    const points = synthetic('hs', 0.02, 8);
    const a = fitModel('hs', points, { seed: 5, resamples: 40 });
    const b = fitModel('hs', points, { seed: 5, resamples: 40 });
    const c = fitModel('hs', points, { seed: 6, resamples: 40 });
    expect(b).toEqual(a);
    expect(c.ci).not.toEqual(a.ci);
    expect(c.params.alpha).toBeCloseTo(a.params.alpha ?? NaN, 3);
  });
});
