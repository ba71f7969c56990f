import { describe, expect, it } from 'vitest';
import { curve, logGrid, paramVector, residuals } from './curves';
import { MODELS } from './models';

describe('chart curves', () => {
  it('spaces the grid evenly in log x from lo to hi', () => {
    const g = logGrid(1, 1000, 4);
    expect(g[0]).toBeCloseTo(1, 12);
    expect(g[1]).toBeCloseTo(10, 12);
    expect(g[3]).toBeCloseTo(1000, 9);
  });

  it('evaluates a model from its named parameters, and residuals vanish on its own curve', () => {
    const params = { lambda: 10, sigma: 0.1, kappa: 0.01 };
    expect(paramVector('usl', params)).toEqual([10, 0.1, 0.01]);
    const c = curve('usl', params, [1, 4]);
    expect(c[1]?.y).toBeCloseTo(MODELS.usl.value([10, 0.1, 0.01], 4), 12);
    expect(residuals('usl', params, c).every((r) => Math.abs(r.y) < 1e-12)).toBe(true);
  });
});
