import { describe, expect, it } from 'vitest';
import { MODEL_IDS, MODELS } from './models';
import { designFor, TRUTH } from './testing/synthetic';

describe('scaling models', () => {
  it.each(MODEL_IDS)('%s: the analytic gradient matches central differences', (id) => {
    const model = MODELS[id];
    const p = TRUTH[id];
    for (const x of designFor(id)) {
      const g = model.gradient(p, x);
      p.forEach((v, j) => {
        const h = Math.abs(v) * 1e-6 || 1e-9;
        const up = p.map((w, i) => (i === j ? w + h : w));
        const down = p.map((w, i) => (i === j ? w - h : w));
        const fd = (model.value(up, x) - model.value(down, x)) / (2 * h);
        const scale = Math.max(Math.abs(fd), Math.abs(model.value(p, x) / (Math.abs(v) || 1)));
        expect(Math.abs((g[j] as number) - fd)).toBeLessThan(1e-6 * scale);
      });
    }
  });

  it('every model is linear in its first parameter (the fitter relies on it)', () => {
    for (const id of MODEL_IDS) {
      const p = [...TRUTH[id]];
      const doubled = [2 * (p[0] as number), ...p.slice(1)];
      for (const x of designFor(id))
        expect(MODELS[id].value(doubled, x)).toBeCloseTo(2 * MODELS[id].value(p, x), 6);
    }
  });

  it('USL with κ = 0 is Amdahl, and its peak n* = √((1 − σ)/κ) is the maximum', () => {
    for (const n of [1, 3, 17, 64])
      expect(MODELS.usl.value([100, 0.1, 0], n)).toBeCloseTo(MODELS.amdahl.value([100, 0.1], n));
    const p = [1000, 0.05, 0.002];
    const peak = MODELS.usl.derived?.(p).peak ?? NaN;
    expect(peak).toBeCloseTo(Math.sqrt(0.95 / 0.002), 12);
    const top = MODELS.usl.value(p, peak);
    for (const d of [-1, -0.1, 0.1, 1]) expect(MODELS.usl.value(p, peak + d)).toBeLessThan(top);
    expect(MODELS.usl.derived?.([1000, 0.05, 0]).peak).toBeNull();
  });

  it('at n = 1 Amdahl, Gustafson and the USL all give λ (one node’s throughput)', () => {
    expect(MODELS.amdahl.value([7, 0.4], 1)).toBe(7);
    expect(MODELS.gustafson.value([7, 0.4], 1)).toBe(7);
    expect(MODELS.usl.value([7, 0.4, 0.1], 1)).toBe(7);
  });

  it('the documents’ laws have their stated shapes', () => {
    expect(MODELS.hs.value([2, 1, 1], 3)).toBeCloseTo(2 * 3 * (1 - Math.exp(-3)), 12);
    expect(MODELS.vs.value([2, 0.5], 4)).toBeCloseTo(2 * Math.log(3), 12);
    expect(MODELS.ns.value([2, 0.5], 4)).toBeCloseTo(2 * Math.tanh(2), 12);
  });

  it('bounds enclose the start ranges and parameter names are unique', () => {
    for (const id of MODEL_IDS) {
      const names = MODELS[id].params.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const s of MODELS[id].params) {
        expect(s.lo).toBeLessThanOrEqual(s.start[0]);
        expect(s.start[1]).toBeLessThanOrEqual(s.hi);
      }
    }
  });
});
