/**
 * The live stream's two spec fields: t0 moves the window along the signal (each generator's
 * window at t0 is the static window shifted by t0), noiseDraw gives fresh noise and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { GENERATOR_IDS, GENERATORS } from './generator-catalog';
import { generate, generateSignal, WorkloadError, type WorkloadSpec } from './generators';

const BASE: WorkloadSpec = {
  generator: 'coherent',
  shape: [256],
  batch: 3,
  seed: 11,
  f0: 0.013,
  f1: 0.31,
  tones: 4,
  snrDb: 6,
  sigma: 3,
  cell: 4,
};

function specFor(id: (typeof GENERATOR_IDS)[number], extra: Partial<WorkloadSpec> = {}) {
  const dims = GENERATORS.find((g) => g.id === id)?.dims;
  const spec: WorkloadSpec = {
    ...BASE,
    generator: id,
    shape: dims === 2 ? [16, 32] : [256],
    ...extra,
  };
  return spec;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return worst;
}

describe('absent stream fields are the static workload', () => {
  for (const id of GENERATOR_IDS) {
    it(id, () => {
      const spec = specFor(id);
      expect(generate({ ...spec, t0: 0, noiseDraw: 0 })).toEqual(generate(spec));
    });
  }
});

describe('t0 slides the window along the signal', () => {
  const d = 37;
  for (const id of ['coherent', 'square', 'square-aligned', 'coherent-noise'] as const) {
    it(`${id}: the window at t0 = ${d} is the window at 0 shifted by ${d} (tones only)`, () => {
      // High SNR: the noise is drawn afresh for each window, the tones are what must line up.
      const spec = specFor(id, { snrDb: 60 });
      const a = generateSignal(spec, 1);
      const b = generateSignal({ ...spec, t0: d }, 1);
      const tol = id === 'coherent-noise' ? 1e-2 : 1e-9;
      // Square waves jump at edges: a rounding of the phase may move one sample across it.
      const mismatched = Array.from(b.subarray(0, 256 - d)).filter(
        (v, t) => Math.abs(v - (a[t + d] ?? 0)) > tol,
      ).length;
      expect(mismatched).toBeLessThanOrEqual(id.startsWith('square') ? 2 : 0);
      expect(maxAbsDiff(b, a)).toBeGreaterThan(0.1);
    });
  }

  it('chirp: the sweep restarts every n samples (t0 is taken modulo n)', () => {
    const spec = specFor('chirp');
    const a = generateSignal(spec, 0);
    const b = generateSignal({ ...spec, t0: d }, 0);
    for (let t = 0; t < 256; t++) expect(b[t]).toBeCloseTo(a[(t + d) % 256] ?? NaN, 9);
    expect(generateSignal({ ...spec, t0: 256 * 3 }, 0)).toEqual(a);
  });

  it('impulse: the spike moves right by t0, wrapping', () => {
    const spec = specFor('impulse');
    const at = (t0: number): number => generateSignal({ ...spec, t0 }, 2).indexOf(1);
    expect(at(d)).toBe((at(0) + d) % 256);
    expect(at(1000)).toBe((at(0) + 1000) % 256);
  });

  for (const id of ['blob', 'checkerboard'] as const) {
    it(`${id}: the image moves right by t0 pixels, wrapping`, () => {
      const spec = specFor(id);
      const [ny, nx] = [16, 32];
      const a = generateSignal(spec, 0);
      for (const t0 of [5, 32 + 3]) {
        const b = generateSignal({ ...spec, t0 }, 0);
        for (let y = 0; y < ny; y++) {
          for (let x = 0; x < nx; x++) {
            const from = a[y * nx + ((x - (t0 % nx) + nx) % nx)] ?? NaN;
            expect(b[y * nx + x]).toBeCloseTo(from, 9);
          }
        }
      }
    });
  }
});

describe('noiseDraw: fresh noise, everything else unchanged', () => {
  it('gives the same samples for the same draw and different ones for another draw', () => {
    for (const id of ['noise', 'noise2d', 'coherent-noise'] as const) {
      const spec = specFor(id);
      const one = generate({ ...spec, noiseDraw: 1 });
      expect(generate({ ...spec, noiseDraw: 1 })).toEqual(one);
      expect(generate({ ...spec, noiseDraw: 2 })).not.toEqual(one);
      expect(one).not.toEqual(generate(spec));
    }
  });

  it('keeps the tones of coherent-noise: two draws differ only by noise', () => {
    const spec = specFor('coherent-noise', { snrDb: 60 });
    const clean = generateSignal({ ...spec, generator: 'coherent' }, 0);
    for (const noiseDraw of [1, 2, 99]) {
      expect(maxAbsDiff(generateSignal({ ...spec, noiseDraw }, 0), clean)).toBeLessThan(1e-2);
    }
  });

  it('changes nothing in generators without noise', () => {
    for (const id of ['coherent', 'chirp', 'square', 'impulse', 'blob', 'checkerboard'] as const) {
      const spec = specFor(id);
      expect(generate({ ...spec, noiseDraw: 5 })).toEqual(generate(spec));
    }
  });
});

describe('the stream fields are checked like every other field', () => {
  const cases: [Partial<WorkloadSpec>, string, RegExp][] = [
    [{ t0: -1 }, 't0', /t0 must be a whole number of samples from 0 to .*got -1/],
    [{ t0: 2.5 }, 't0', /got 2\.5/],
    [{ noiseDraw: 2 ** 32 }, 'noiseDraw', /noise draw must be a whole number from 0 to 4294967295/],
    [{ noiseDraw: Number.NaN }, 'noiseDraw', /got NaN/],
  ];
  for (const [change, field, message] of cases) {
    it(`${field} ${JSON.stringify(change)}`, () => {
      const run = (): Float32Array => generate({ ...BASE, ...change });
      expect(run).toThrow(message);
      try {
        run();
      } catch (e) {
        expect(e instanceof WorkloadError && e.field).toBe(field);
      }
    });
  }
});
