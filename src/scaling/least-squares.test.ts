import { describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import { boundsFor, fitLeastSquares } from './least-squares';
import { MODEL_IDS, MODELS } from './models';
import { synthetic, TRUTH } from './testing/synthetic';

describe('fitLeastSquares', () => {
  it.each(MODEL_IDS)('%s: recovers its parameters from exact data to 1e-6', (id) => {
    const fit = fitLeastSquares(MODELS[id], synthetic(id, 0, 1), { rng: createRng(7) });
    TRUTH[id].forEach((v, j) =>
      expect(Math.abs((fit.params[j] as number) / v - 1)).toBeLessThan(1e-6),
    );
  });

  it('recovers parameters of data in any units (bytes per second, 1e9)', () => {
    const x = [1, 2, 4, 8, 16, 32];
    const y = x.map((n) => MODELS.usl.value([3e9, 0.1, 0.01], n));
    const fit = fitLeastSquares(MODELS.usl, { x, y }, { rng: createRng(1) });
    expect(fit.params[0]).toBeCloseTo(3e9, -2);
    expect(fit.params[2]).toBeCloseTo(0.01, 8);
  });

  it('keeps every parameter inside its bounds when the data pull it out', () => {
    // Superlinear throughput: Amdahl's best σ would be negative, Gustafson's σ too.
    const x = [1, 2, 3, 4, 6, 8];
    const y = x.map((n) => 100 * n ** 1.3);
    for (const id of ['amdahl', 'gustafson', 'usl'] as const) {
      const points = { x, y };
      const fit = fitLeastSquares(MODELS[id], points, { rng: createRng(2) });
      const { lo, hi } = boundsFor(MODELS[id], points);
      fit.params.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(lo[j] as number);
        expect(v).toBeLessThanOrEqual(hi[j] as number);
      });
      expect(fit.params[1], id).toBe(0);
    }
    // Throughput falling with n: Gustafson's σ would exceed 1.
    const falling = { x, y: x.map((n) => 100 / n) };
    const g = fitLeastSquares(MODELS.gustafson, falling, { rng: createRng(3) });
    expect(g.params[1]).toBe(1);
  });

  it('is deterministic per seed, and the seed matters only through the random starts', () => {
    const points = synthetic('hs', 0.03, 5);
    const a = fitLeastSquares(MODELS.hs, points, { rng: createRng(11) });
    const b = fitLeastSquares(MODELS.hs, points, { rng: createRng(11) });
    expect(b.params).toEqual(a.params);
    expect(a.converged).toBe(a.starts);
  });
});
