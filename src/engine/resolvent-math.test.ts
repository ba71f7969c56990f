import { describe, expect, it } from 'vitest';
import {
  axisQ,
  highKFractionOf,
  kappa,
  metricsFromSums,
  resolventTable,
  weights,
} from './resolvent-math';

describe('highKFractionOf', () => {
  it('is the removed share Σ(1 − R)²|X|² / Σ|X|²', () => {
    expect(highKFractionOf({ energy: 8, highK: 2 })).toBe(0.25);
    // A pure tone at a bin where R = 0.8 loses (1 − 0.8)² of its energy.
    const energy = 64 * 64;
    expect(highKFractionOf({ energy, highK: (1 - 0.8) ** 2 * energy })).toBeCloseTo(0.04, 15);
  });

  it('is 0 for a silent signal and stays in [0, 1] under round-off', () => {
    expect(highKFractionOf({ energy: 0, highK: 0 })).toBe(0);
    expect(highKFractionOf({ energy: 1, highK: 1 + 1e-7 })).toBe(1);
    expect(highKFractionOf({ energy: 1, highK: -1e-12 })).toBe(0);
  });

  it('does not change with the amplitude, unlike E_hk', () => {
    const o = { shape: [16] as const, batch: 1, lambda: 1 };
    const small = { energy: 2, kept: 1.5, highK: 0.1 };
    const big = { energy: 200, kept: 150, highK: 10 };
    const a = metricsFromSums(() => small, o, Float64Array);
    const b = metricsFromSums(() => big, o, Float64Array);
    expect(b.batchHighKEnergy).toBeCloseTo(100 * a.batchHighKEnergy, 12);
    expect(highKFractionOf(big)).toBeCloseTo(highKFractionOf(small), 15);
  });
});

describe('per-axis q and the R table', () => {
  it('axisQ is (kScale·κ)² and the table is weights().r, bit for bit, in every unit', () => {
    for (const unit of ['cycles', 'radians', 'index'] as const) {
      for (const [n, kScale] of [
        [1, 1],
        [7, 2.5],
        [64, 0.1],
        [1024, 1],
      ] as const) {
        const q = axisQ(n, unit, kScale);
        for (let i = 0; i < n; i++) expect(q[i]).toBe((kScale * kappa(i, n, unit)) ** 2);
      }
      const shape = [16, 32] as const;
      const table = resolventTable([...shape], 1.618034, unit, 1.5);
      for (let y = 0; y < shape[0]; y++) {
        for (let x = 0; x < shape[1]; x++) {
          const q = (1.5 * kappa(y, 16, unit)) ** 2 + (1.5 * kappa(x, 32, unit)) ** 2;
          expect(table[y * 32 + x]).toBe(weights(1.618034, q).r);
        }
      }
    }
  });
});
