import { describe, expect, it } from 'vitest';
import { createRng } from '../../../measure';
import { twoSpirals } from '../../../train/datasets';
import { initNetwork } from '../../../train/network';
import { decisionGrid, fitCurve, gradientSpectrum } from './insight';

describe('training insight', () => {
  const s = initNetwork({ sizes: [2, 24, 2], activation: 'tanh', optimizer: 'sgd' }, createRng(1));
  const data = twoSpirals(80, 2);

  it('the filtered spectrum is the unfiltered one times R², R = 1 at k = 0 and below it above', () => {
    const sp = gradientSpectrum(s, data, { phi: 1.618034, kUnit: 'radians' });
    expect(sp).toHaveLength(17); // widest fan-in 24 → padded to 32 → bins 0…16
    expect(sp[0]?.after).toBeCloseTo(sp[0]?.before ?? NaN, 12);
    for (const p of sp.slice(1)) expect(p.after).toBeLessThan(p.before);
    const top = sp[16];
    expect((top?.after ?? 0) / (top?.before ?? 1)).toBeCloseTo(
      (1 / (1 + 1.618034 * Math.PI ** 2)) ** 2,
      9,
    );
  });

  it('fits a 1D curve and classifies a 2D grid', () => {
    const one = initNetwork(
      { sizes: [1, 8, 1], activation: 'tanh', optimizer: 'sgd' },
      createRng(2),
    );
    const f = fitCurve(one, 11);
    expect(f.map((p) => p.x)).toEqual(Array.from({ length: 11 }, (_, i) => -1 + i / 5));
    expect(f.every((p) => Number.isFinite(p.y))).toBe(true);
    const g = decisionGrid(s, data, 10);
    expect(g.classes).toHaveLength(100);
    expect(g.x0).toBeLessThan(g.x1);
    expect([...g.classes].every((c) => c === 0 || c === 1)).toBe(true);
  });
});
