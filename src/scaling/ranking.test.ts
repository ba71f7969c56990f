import { describe, expect, it } from 'vitest';
import { ScalingDataError } from './errors';
import { fitAndRank } from './ranking';
import { MODEL_IDS } from './models';
import { synthetic } from './testing/synthetic';

describe('fitAndRank', () => {
  it.each(MODEL_IDS)(
    'ranks %s first on data it generated (exact, and with 1 percent noise)',
    (id) => {
      for (const noise of [0, 0.01]) {
        const ranking = fitAndRank(synthetic(id, noise, 17), { seed: 1, resamples: 0 });
        expect(ranking.models[0]?.model, `noise ${noise}`).toBe(id);
        expect(ranking.models.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6]);
      }
    },
  );

  it('reports Δ AICc from the best and Akaike weights that sum to 1', () => {
    const r = fitAndRank(synthetic('usl', 0.02, 3), { seed: 1, resamples: 0 });
    expect(r.models[0]?.deltaAicc).toBe(0);
    const deltas = r.models.map((m) => m.deltaAicc ?? NaN);
    expect([...deltas].sort((a, b) => a - b)).toEqual(deltas);
    expect(r.models.reduce((a, m) => a + (m.weight ?? 0), 0)).toBeCloseTo(1, 12);
    expect(r.bestHoldOut).not.toBeNull();
    expect(r.bestLoo).not.toBeNull();
  });

  it('skips models with too few points and says why; throws when none can be fitted', () => {
    const r = fitAndRank({ x: [1, 2, 3], y: [1, 1.9, 2.6] }, { seed: 1, resamples: 0 });
    expect(r.models.map((m) => m.paramCount)).toEqual([2, 2, 2, 2]);
    expect(r.skipped.map((s) => s.model).sort()).toEqual(['hs', 'usl']);
    expect(() => fitAndRank({ x: [1, 2], y: [1, 2] }, { seed: 1 }, ['usl'])).toThrow(
      ScalingDataError,
    );
  });
});
