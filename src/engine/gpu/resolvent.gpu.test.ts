/**
 * The fused resolvent pipeline (FFT → R·X → per-signal and batch reductions → inverse FFT) on
 * real WebGPU against the float64 CPU reference: metrics within 1e-5 relative, filtered
 * signals within the FFT tolerance; chunked runs equal unchunked ones.
 */
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../cpu-engine';
import { uniformSigned } from '../../workloads/rng';
import { fftTolerance, linfRelError, maxRelDiff } from '../testing/compare';
import { gpuFixture } from '../testing/gpu-fixture';
import type { FftResult, KUnit, ResolventOptions, ResolventResult, Shape } from '../types';
import { FFT_VARIANTS, type FftVariant } from './plan';

const gpu = gpuFixture();
const cpu = createCpuEngine();
const METRIC_TOL = 1e-5;

function expectClose(g: ResolventResult, c: ResolventResult, size: number, what: string): void {
  expect(maxRelDiff(g.energy, c.energy), `${what} energy`).toBeLessThan(METRIC_TOL);
  expect(maxRelDiff(g.coherence, c.coherence), `${what} coherence`).toBeLessThan(METRIC_TOL);
  expect(maxRelDiff(g.highKEnergy, c.highKEnergy), `${what} highKEnergy`).toBeLessThan(METRIC_TOL);
  expect(
    maxRelDiff(
      [g.batchHighKEnergy, g.batchCoherence, g.regularizer],
      [c.batchHighKEnergy, c.batchCoherence, c.regularizer],
    ),
    `${what} batch`,
  ).toBeLessThan(METRIC_TOL);
  expect(linfRelError(g.filtered, c.filtered), `${what} filtered`).toBeLessThanOrEqual(
    2 * fftTolerance(size),
  );
}

async function compare(
  shape: Shape,
  batch: number,
  options: Partial<ResolventOptions>,
  seed: number,
  variant: FftVariant = 'workgroup',
): Promise<ResolventResult> {
  const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
  const data = uniformSigned(seed, batch * size * 2);
  const o = { shape, batch, ...options };
  const g = await (await gpu.engineFor(variant)).resolvent(data, o);
  const c = await cpu.resolvent(data, o);
  expectClose(g, c, size, `${variant} [${shape.join('×')}]×${batch} ${JSON.stringify(options)}`);
  return g;
}

describe("'stages' without the workgroup exchange (a software adapter's default)", () => {
  it('fused resolvent in 1D and 2D against the float64 reference', async () => {
    const engine = await gpu.engineWith({ variant: 'stages', stageExchange: false });
    const cases: [Shape, number][] = [
      [[16], 9],
      [[1024], 64],
      [[4096], 3],
      [[2 ** 16], 1],
      [[64, 128], 2],
    ];
    for (const [shape, batch] of cases) {
      const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
      const data = uniformSigned(size + batch, batch * size * 2);
      const o = { shape, batch, phi: 1.618 };
      const g = await engine.resolvent(data, o);
      const c = await cpu.resolvent(data, o);
      expectClose(g, c, size, `stages direct [${shape.join('×')}]×${batch}`);
    }
  }, 300_000);
});

describe('resolvent metrics against the float64 reference', () => {
  const cases: [Shape, number][] = [
    [[2], 7],
    [[16], 33],
    [[256], 9],
    [[2048], 4],
    [[4096], 3],
    [[8192], 2],
    [[2 ** 16], 1],
    [[2 ** 20], 1],
    [[8, 8], 5],
    [[64, 128], 2],
    [[512, 512], 1],
    // 'workgroup': the fused pass over columns of 2048, four side by side (split exchanges).
    [[2048, 8], 2],
  ];
  for (const variant of FFT_VARIANTS) {
    for (const [shape, batch] of cases) {
      it(`${variant}: [${shape.join('×')}] × ${batch}`, async () => {
        await compare(shape, batch, { phi: 1.618034, lambda: 0.5 }, shape[0] + batch, variant);
      });
    }
  }

  for (const kUnit of ['cycles', 'radians', 'index'] as KUnit[]) {
    for (const [phi, kScale] of [
      [1e-4, 1],
      [1.618034, 2.5],
      [50, 0.1],
    ]) {
      it(`kUnit ${kUnit}, φ ${phi}, kScale ${kScale}`, async () => {
        const o = { kUnit, phi: phi as number, kScale: kScale as number };
        await compare([512], 6, o, 77, 'workgroup');
        await compare([512], 6, o, 77, 'stages');
        await compare([32, 64], 2, o, 78, 'stages');
      });
    }
  }

  it('real input and an all-zero signal (coherence 0)', async () => {
    const n = 1024;
    const real = uniformSigned(3, 3 * n);
    real.fill(0, n, 2 * n);
    const g = await (
      await gpu.engineFor('stages')
    ).resolvent(real, { shape: [n], batch: 3, real: true });
    const c = await cpu.resolvent(real, { shape: [n], batch: 3, real: true });
    expectClose(g, c, n, 'real');
    expect(g.coherence[1]).toBe(0);
    expect(g.energy[1]).toBe(0);
  });
});

describe('fused and separate-pass pipelines', () => {
  for (const variant of FFT_VARIANTS) {
    for (const [n, batch] of [
      [2, 300],
      [8, 40],
      [64, 9],
      [1024, 5],
      [4096, 2],
      [2 ** 15, 1],
    ] as const) {
      it(`${variant}: N = ${n} × ${batch}, fused and separate both match; fused takes fewer dispatches`, async () => {
        const f = await compare([n], batch, { phi: 0.9, fused: true }, n, variant);
        const s = await compare([n], batch, { phi: 0.9, fused: false }, n, variant);
        expect(s.timing.dispatches).toBeGreaterThan(f.timing.dispatches);
        if (variant === 'workgroup' && n <= gpu.engine.maxSingleDispatchN) {
          // One fused dispatch plus the batch reduction (one level per factor of 16 in the batch).
          const batchLevels = Math.max(1, Math.ceil(Math.log(batch) / Math.log(16)));
          expect(f.timing.dispatches).toBe(1 + batchLevels);
        }
      });
    }
    it(`${variant}: 2D fused matches, in fewer dispatches`, async () => {
      for (const [shape, batch] of [
        [[64, 32], 3],
        [[8, 512], 2],
        [[256, 4], 5],
      ] as [Shape, number][]) {
        const o = { phi: 5, kUnit: 'index' as const };
        const f = await compare(shape, batch, { ...o, fused: true }, 64, variant);
        const s = await compare(shape, batch, { ...o, fused: false }, 64, variant);
        expect(s.timing.dispatches).toBeGreaterThan(f.timing.dispatches);
      }
    });
  }
});

describe('prepared operations (data kept on the GPU for timing)', () => {
  for (const variant of FFT_VARIANTS) {
    it(`${variant}: run(repeats) times repeated work and read() returns the verified result`, async () => {
      const n = 1024;
      const batch = 8;
      const data = uniformSigned(21, batch * n * 2);
      const fft = await gpu.engine.prepare('fft', data, { shape: [n], batch, variant });
      expect(fft.variant).toBe(variant);
      expect(fft.bytes).toBe(2 * batch * n * 8);
      const t = await fft.run(5);
      expect(t.ms).toBeGreaterThan(0);
      const ref = await cpu.fft(data, { shape: [n], batch });
      const got = ((await fft.read()) as FftResult).data;
      expect(linfRelError(got, ref.data)).toBeLessThanOrEqual(fftTolerance(n));
      fft.destroy();

      for (const fused of [true, false]) {
        const o = { shape: [n] as Shape, batch, phi: 3, fused, variant };
        const op = await gpu.engine.prepare('resolvent', data, o);
        expect(op.fused).toBe(fused);
        await op.run(3);
        const g = (await op.read()) as ResolventResult;
        expectClose(g, await cpu.resolvent(data, o), n, `prepared ${variant} fused=${fused}`);
        op.destroy();
      }
    });

    it(`${variant}: repeating a multi-pass FFT leaves its input intact`, async () => {
      const n = 2 ** 14;
      const data = uniformSigned(22, n * 2);
      const op = await gpu.engine.prepare('fft', data, { shape: [n], batch: 1, variant });
      await op.run(3);
      const ref = await cpu.fft(data, { shape: [n], batch: 1 });
      expect(linfRelError(((await op.read()) as FftResult).data, ref.data)).toBeLessThanOrEqual(
        fftTolerance(n),
      );
      op.destroy();
    });
  }
});

describe('batch reductions alone (prepare "reductions")', () => {
  for (const shape of [[4096], [16], [32, 64]] as Shape[]) {
    it(`[${shape.join('×')}]: metrics of the spectrum X = FFT(x) equal the reference metrics of x`, async () => {
      const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
      const batch = 6;
      const x = uniformSigned(31, batch * size * 2);
      const X = (await cpu.fft(x, { shape, batch })).data;
      const o = { shape, batch, phi: 0.7, kUnit: 'radians' as const, lambda: 2 };
      const op = await gpu.engine.prepare('reductions', Float32Array.from(X), o);
      expect(op.dispatches).toBeGreaterThanOrEqual(2); // filter + sums, then the batch level(s)
      await op.run(2);
      const g = (await op.read()) as ResolventResult;
      const c = await cpu.resolvent(x, o);
      expect(maxRelDiff(g.coherence, c.coherence)).toBeLessThan(METRIC_TOL);
      expect(maxRelDiff(g.highKEnergy, c.highKEnergy)).toBeLessThan(METRIC_TOL);
      expect(Math.abs(g.regularizer - c.regularizer) / c.regularizer).toBeLessThan(METRIC_TOL);
      // The data output is R·X, the filtered spectrum.
      const rx = (await cpu.fft(c.filtered, { shape, batch })).data;
      expect(linfRelError(g.filtered, rx)).toBeLessThan(fftTolerance(size));
      op.destroy();
    });
  }
});

describe('chunked runs equal unchunked runs', () => {
  it('FFT and resolvent, 1D and 2D, with a batch split across chunks', async () => {
    for (const variant of FFT_VARIANTS) {
      const small = await gpu.engineWith({ maxChunkBytes: 3 * 4096 * 8, variant });
      const whole = await gpu.engineFor(variant);
      for (const shape of [[4096], [64, 64], [2 ** 15]] as Shape[]) {
        const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
        const batch = 7;
        const data = uniformSigned(size, batch * size * 2);
        const a = await whole.fft(data, { shape, batch });
        const b = await small.fft(data, { shape, batch });
        expect(a.timing.chunks).toBe(1);
        expect(b.timing.chunks).toBeGreaterThan(1);
        expect(b.data).toEqual(a.data);
        const ra = await whole.resolvent(data, { shape, batch, phi: 0.3 });
        const rb = await small.resolvent(data, { shape, batch, phi: 0.3 });
        expect(rb.timing.chunks).toBeGreaterThan(1);
        expect(rb.filtered).toEqual(ra.filtered);
        expect(rb.coherence).toEqual(ra.coherence);
        expect(rb.highKEnergy).toEqual(ra.highKEnergy);
        expect(rb.batchCoherence).toBe(ra.batchCoherence);
      }
    }
  });

  it('a large batch of small signals (packing, 2D dispatch grids)', async () => {
    await compare([4], 70000, { phi: 2 }, 5, 'workgroup');
    await compare([4], 70000, { phi: 2 }, 5, 'stages');
  });
});

describe('planner', () => {
  it('tune() times every variant, remembers the fastest, and replan() forgets', async () => {
    const saved: Record<string, string>[] = [];
    const store = {
      load: () => ({}),
      save: (w: Record<string, string>) => void saved.push({ ...w }),
    };
    const engine = await gpu.engineWith({ wisdom: store });
    const result = await engine.tune('resolvent', [256], 16);
    expect(Object.keys(result.ms).sort()).toEqual([...engine.variants].sort());
    const best = engine.variants.reduce((a, b) =>
      (result.ms[b] as number) < (result.ms[a] as number) ? b : a,
    );
    expect(result.variant).toBe(best);
    expect(engine.variantFor('resolvent', [256])).toBe(best);
    expect(engine.variantSource('resolvent', [256])).toBe('measured');
    expect(engine.variantSource('resolvent', [512])).toBe('default');
    expect(Object.values(saved.at(-1) ?? {})).toEqual([best]);
    engine.replan();
    expect(saved.at(-1)).toEqual({});
    expect(engine.variantSource('resolvent', [256])).toBe('default');
  });

  it('corrupt stored wisdom is ignored', async () => {
    const store = { load: () => ({ a: 'warp-drive', b: 42 }) as never, save: () => undefined };
    const engine = await gpu.engineWith({ wisdom: store });
    expect(['stages', 'workgroup']).toContain(engine.variantFor('fft', [64]));
  });
});

describe('repeated calls reuse plans and change φ live', () => {
  it('φ is applied per call, not frozen in a cached plan', async () => {
    const data = uniformSigned(12, 8 * 256 * 2);
    const a = await compare([256], 8, { phi: 0.1 }, 12);
    const b = await compare([256], 8, { phi: 10 }, 12);
    expect(b.batchCoherence).toBeLessThan(a.batchCoherence);
    expect(data.length).toBe(8 * 256 * 2);
  });
});
