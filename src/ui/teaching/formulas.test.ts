import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { createCpuEngine, K_UNITS } from '../../engine';
import { createRng } from '../../workloads';
import { SWEEP_DECADES, SWEEP_PERIOD_FRAMES, HOP_FRACTION } from '../../app/live';
import { EXPLAINER, KAPPA_TEX, LIVE } from './formulas';

describe('typeset formulas', () => {
  it('every formula is valid TeX for KaTeX (a typo would show as red source text)', () => {
    for (const f of [...EXPLAINER.map((e) => e.tex), ...K_UNITS.map((u) => KAPPA_TEX[u])]) {
      expect(() => katex.renderToString(f, { throwOnError: true })).not.toThrow();
    }
  });

  it('have unique ids and a note each', () => {
    expect(new Set(EXPLAINER.map((e) => e.id)).size).toBe(EXPLAINER.length);
    for (const e of EXPLAINER) expect(e.note.length).toBeGreaterThan(20);
  });

  it('state the live constants live.ts uses', () => {
    expect(SWEEP_DECADES).toBe(1);
    expect(LIVE.tex).toContain('10^{\\,\\sin(2\\pi f / P)}');
    expect(LIVE.note).toContain(`P = ${SWEEP_PERIOD_FRAMES} frames`);
    expect(LIVE.note).toContain(`1/${1 / HOP_FRACTION} of the window`);
  });
});

/**
 * The explainer's formulas written out directly (a naive DFT, the sums as typeset), against the
 * engine's numbers: if the code's definition moved, the typeset one would now be wrong.
 */
describe('the typeset definitions are the ones the engine computes', () => {
  it('E_hk, the high-k share and C of a random batch, per k unit and scale', async () => {
    const [n, batch] = [16, 3];
    const rng = createRng(5);
    const x = Float32Array.from({ length: n * batch }, () => rng.uniform(-1, 1));
    const kappaOf: Record<(typeof K_UNITS)[number], (k: number) => number> = {
      cycles: (k) => (k < n / 2 ? k : k - n) / n,
      radians: (k) => (2 * Math.PI * (k < n / 2 ? k : k - n)) / n,
      index: (k) => (k < n / 2 ? k : k - n),
    };
    for (const kUnit of K_UNITS) {
      const [phi, s] = [0.7, 1.3];
      let [energy, kept, removed] = [0, 0, 0];
      for (let b = 0; b < batch; b++) {
        for (let k = 0; k < n; k++) {
          let [re, im] = [0, 0];
          for (let t = 0; t < n; t++) {
            const a = (-2 * Math.PI * k * t) / n;
            re += (x[b * n + t] ?? 0) * Math.cos(a);
            im += (x[b * n + t] ?? 0) * Math.sin(a);
          }
          const p = re * re + im * im;
          const r = 1 / (1 + phi * (s * kappaOf[kUnit](k)) ** 2);
          energy += p;
          kept += r * p;
          removed += (1 - r) ** 2 * p;
        }
      }
      const options = { shape: [n] as [number], batch, phi, lambda: 2, kUnit, kScale: s };
      const result = await createCpuEngine().resolvent(x, { ...options, real: true });
      expect(result.batchHighKEnergy).toBeCloseTo(removed / (batch * n), 9);
      expect(result.regularizer).toBeCloseTo((2 * removed) / (batch * n), 9);
      expect(result.batchCoherence).toBeCloseTo(kept / energy, 12);
      let total = 0;
      for (const e of result.energy) total += e;
      expect((result.batchHighKEnergy * batch * n) / total).toBeCloseTo(removed / energy, 12);
    }
  });
});
