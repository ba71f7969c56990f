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
import type { KUnit, ResolventOptions, ResolventResult, Shape } from '../types';

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
): Promise<ResolventResult> {
  const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
  const data = uniformSigned(seed, batch * size * 2);
  const o = { shape, batch, ...options };
  const g = await gpu.engine.resolvent(data, o);
  const c = await cpu.resolvent(data, o);
  expectClose(g, c, size, `[${shape.join('×')}]×${batch} ${JSON.stringify(options)}`);
  return g;
}

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
  ];
  for (const [shape, batch] of cases) {
    it(`[${shape.join('×')}] × ${batch}`, async () => {
      await compare(shape, batch, { phi: 1.618034, lambda: 0.5 }, shape[0] + batch);
    });
  }

  for (const kUnit of ['cycles', 'radians', 'index'] as KUnit[]) {
    for (const [phi, kScale] of [
      [1e-4, 1],
      [1.618034, 2.5],
      [50, 0.1],
    ]) {
      it(`kUnit ${kUnit}, φ ${phi}, kScale ${kScale}`, async () => {
        await compare([512], 6, { kUnit, phi: phi as number, kScale: kScale as number }, 77);
        await compare([32, 64], 2, { kUnit, phi: phi as number, kScale: kScale as number }, 78);
      });
    }
  }

  it('real input and an all-zero signal (coherence 0)', async () => {
    const n = 1024;
    const real = uniformSigned(3, 3 * n);
    real.fill(0, n, 2 * n);
    const g = await gpu.engine.resolvent(real, { shape: [n], batch: 3, real: true });
    const c = await cpu.resolvent(real, { shape: [n], batch: 3, real: true });
    expectClose(g, c, n, 'real');
    expect(g.coherence[1]).toBe(0);
    expect(g.energy[1]).toBe(0);
  });
});

describe('chunked runs equal unchunked runs', () => {
  it('FFT and resolvent, 1D and 2D, with a batch split across chunks', async () => {
    const small = await gpu.engineWith({ maxChunkBytes: 3 * 4096 * 8 });
    for (const shape of [[4096], [64, 64], [2 ** 15]] as Shape[]) {
      const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
      const batch = 7;
      const data = uniformSigned(size, batch * size * 2);
      const a = await gpu.engine.fft(data, { shape, batch });
      const b = await small.fft(data, { shape, batch });
      expect(a.timing.chunks).toBe(1);
      expect(b.timing.chunks).toBeGreaterThan(1);
      expect(b.data).toEqual(a.data);
      const ra = await gpu.engine.resolvent(data, { shape, batch, phi: 0.3 });
      const rb = await small.resolvent(data, { shape, batch, phi: 0.3 });
      expect(rb.timing.chunks).toBeGreaterThan(1);
      expect(rb.filtered).toEqual(ra.filtered);
      expect(rb.coherence).toEqual(ra.coherence);
      expect(rb.highKEnergy).toEqual(ra.highKEnergy);
      expect(rb.batchCoherence).toBe(ra.batchCoherence);
    }
  });

  it('a large batch of small signals (packing, 2D dispatch grids)', async () => {
    await compare([4], 70000, { phi: 2 }, 5);
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
