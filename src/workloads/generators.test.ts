import { describe, expect, it } from 'vitest';
import { GENERATOR_IDS, GENERATORS, generatorsFor } from './generator-catalog';
import { generate, generateSignal, WorkloadError, type WorkloadSpec } from './generators';
import { MAX_TOTAL_SAMPLES } from './param-rules';

const BASE: WorkloadSpec = {
  generator: 'coherent',
  shape: [256],
  batch: 4,
  seed: 7,
  f0: 0.02,
  f1: 0.3,
  tones: 4,
  snrDb: 10,
  sigma: 3,
  cell: 4,
};

function specFor(
  id: (typeof GENERATOR_IDS)[number],
  extra: Partial<WorkloadSpec> = {},
): WorkloadSpec {
  const dims = GENERATORS.find((g) => g.id === id)?.dims;
  return { ...BASE, generator: id, shape: dims === 2 ? [16, 32] : [256], ...extra };
}

function signal(data: Float32Array, b: number, n: number): Float32Array {
  return data.subarray(b * n, (b + 1) * n);
}

describe('generator catalogue', () => {
  it('lists every generator id exactly once, with its dimensionality', () => {
    expect(GENERATORS.map((g) => g.id).sort()).toEqual([...GENERATOR_IDS].sort());
    expect(generatorsFor(2).map((g) => g.id)).toEqual(['blob', 'checkerboard', 'noise2d']);
    expect(generatorsFor(1)).toHaveLength(7);
  });

  it('describes each generator in one plain sentence', () => {
    for (const g of GENERATORS) {
      expect(g.description).toMatch(/^[A-Z][^.]*\.$/);
      expect(g.label.length).toBeGreaterThan(2);
    }
  });
});

describe('generate: deterministic, seeded, one distinct signal per batch entry', () => {
  for (const id of GENERATOR_IDS) {
    it(`${id}`, () => {
      const spec = specFor(id);
      const n = spec.shape.length === 1 ? spec.shape[0] : spec.shape[0] * spec.shape[1];
      const a = generate(spec);
      expect(a).toHaveLength(spec.batch * n);
      expect(a.every(Number.isFinite)).toBe(true);
      expect(generate(spec)).toEqual(a);
      expect(generate({ ...spec, seed: spec.seed + 1 })).not.toEqual(a);
      for (let b = 1; b < spec.batch; b++) {
        expect(signal(a, b, n)).not.toEqual(signal(a, 0, n));
      }
      // Signal b does not depend on the batch size, so growing the batch keeps what is shown.
      const bigger = generate({ ...spec, batch: spec.batch + 3 });
      expect(bigger.subarray(0, a.length)).toEqual(a);
      // generate() is generateSignal() rounded to float32.
      expect(signal(a, 2, n)).toEqual(Float32Array.from(generateSignal(spec, 2)));
    });
  }

  it('lays 2D signals out row-major as batch × ny × nx', () => {
    const a = generate(specFor('noise2d', { shape: [8, 64], batch: 3 }));
    expect(a).toHaveLength(3 * 8 * 64);
  });
});

describe('generate rejects bad specs with a WorkloadError naming the field', () => {
  const cases: [string, Partial<WorkloadSpec>, string, RegExp][] = [
    ['n not a power of two', { shape: [1000] }, 'shape[0] (n)', /power of two from 2 to 1048576/],
    ['n too large', { shape: [2 ** 21] }, 'shape[0] (n)', /got 2097152/],
    ['2D shape for a 1D generator', { shape: [16, 16] }, 'shape', /\[n\]/],
    ['f0 above Nyquist', { f0: 0.6 }, 'f0', /0 < f0 ≤ 0\.5.*got 0\.6/],
    ['f1 zero', { f1: 0 }, 'f1', /got 0$/],
    ['tones 17', { tones: 17 }, 'tones', /1 to 16/],
    ['tones fractional', { tones: 2.5 }, 'tones', /whole number/],
    ['SNR out of range', { snrDb: 61 }, 'snrDb', /-40 to 60/],
    ['σ zero', { sigma: 0 }, 'sigma', /> 0/],
    ['cell zero', { cell: 0 }, 'cell', /1 to 2048/],
    ['seed negative', { seed: -1 }, 'seed', /0 to 4294967295/],
    ['batch zero', { batch: 0 }, 'batch', /1 to 65536/],
    ['NaN f0', { f0: Number.NaN }, 'f0', /got NaN/],
    ['too many samples', { shape: [2 ** 20], batch: 65 }, 'batch', /at most 67108864/],
  ];
  for (const [what, change, field, message] of cases) {
    it(what, () => {
      const run = (): Float32Array => generate({ ...BASE, ...change });
      expect(run).toThrow(WorkloadError);
      expect(run).toThrow(message);
      try {
        run();
      } catch (e) {
        expect(e instanceof WorkloadError && e.field).toBe(field);
      }
    });
  }

  it('rejects an unknown generator and a 1D shape for a 2D generator', () => {
    const unknown = { ...BASE, generator: 'sawtooth' } as unknown as WorkloadSpec;
    expect(() => generate(unknown)).toThrow(/generator must be one of 'coherent'/);
    expect(() => generate({ ...BASE, generator: 'blob', shape: [64] })).toThrow(
      /\[ny, nx\] for the 2D generator 'blob'/,
    );
  });

  it('accepts exactly the largest batch that fits', () => {
    const spec: WorkloadSpec = { ...BASE, generator: 'impulse', shape: [2 ** 20], batch: 64 };
    expect(64 * 2 ** 20).toBe(MAX_TOTAL_SAMPLES);
    expect(() => generateSignal(spec, 63)).not.toThrow();
    expect(() => generateSignal(spec, 64)).toThrow(
      /signal index must be a whole number from 0 to 63/,
    );
  });
});
