/**
 * The WebGPU FFT against the float64 CPU reference on real WebGPU (Dawn; SwiftShader without a
 * GPU), seeded uniform random input in [−1, 1). Accuracy: L∞ relative error ≤ 2e-6 +
 * 5e-7·log10(N) (pyvkfft's fp32 criterion), plus inverse, Parseval, linearity and shift.
 */
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../cpu-engine';
import { uniformSigned } from '../../workloads/rng';
import { fftTolerance, linfRelError, maxRelDiff } from '../testing/compare';
import { gpuFixture } from '../testing/gpu-fixture';
import { nodeAdapter } from '../testing/node-gpu';
import { createEngine } from './engine';
import type { Shape } from '../types';
import { FFT_VARIANTS, type FftVariant } from './plan';

const gpu = gpuFixture();
const cpu = createCpuEngine();

function batchFor(n: number): number {
  if (n <= 1024) return 5;
  if (n <= 65536) return 2;
  return 1;
}

async function checkAgainstCpu(
  variant: FftVariant,
  shape: Shape,
  batch: number,
  inverse: boolean,
  seed: number,
): Promise<number> {
  const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
  const data = uniformSigned(seed, batch * size * 2);
  const g = await (await gpu.engineFor(variant)).fft(data, { shape, batch, inverse });
  const c = await cpu.fft(data, { shape, batch, inverse });
  const err = linfRelError(g.data, c.data);
  expect(
    err,
    `${variant}: shape [${shape.join(', ')}] batch ${batch}${inverse ? ' inverse' : ''}`,
  ).toBeLessThanOrEqual(fftTolerance(size));
  return err;
}

for (const variant of FFT_VARIANTS) {
  describe(`${variant} variant`, () => {
    describe('1D FFT, every power of two from 2 to 2^20', () => {
      for (let log2 = 1; log2 <= 20; log2++) {
        const n = 2 ** log2;
        it(`N = 2^${log2}, batch ${batchFor(n)}`, async () => {
          await checkAgainstCpu(variant, [n], batchFor(n), false, log2);
        });
      }
    });

    // Hundreds of short transforms share a workgroup: every one of them must get its threads.
    it('many short transforms: N = 2, 4, 8, 32, batch 1000', async () => {
      for (const n of [2, 4, 8, 32]) await checkAgainstCpu(variant, [n], 1000, false, 77 + n);
    });

    describe('1D inverse FFT (scaled by 1/N)', () => {
      for (const n of [2, 16, 1024, 4096, 8192, 2 ** 17]) {
        it(`N = ${n}`, async () => {
          await checkAgainstCpu(variant, [n], batchFor(n), true, 1000 + n);
        });
      }
    });

    describe('2D FFT without transpose passes', () => {
      const shapes: [number, number][] = [
        [2, 2],
        [2, 64],
        [64, 2],
        [16, 16],
        [128, 64],
        [32, 512],
        [256, 256],
        [1024, 1024],
      ];
      for (const [ny, nx] of shapes) {
        it(`${ny}×${nx}`, async () => {
          await checkAgainstCpu(variant, [ny, nx], ny * nx >= 65536 ? 1 : 3, false, ny * 7 + nx);
          await checkAgainstCpu(variant, [ny, nx], 1, true, ny * 11 + nx);
        });
      }
    });
  });
}

describe("'workgroup' over 4096 values: split exchanges, 32 values a thread", () => {
  // 32 KiB of workgroup memory (SwiftShader's, and most GPUs') holds 8192 values as f32 halves:
  // N = 8192 in one pass, and columns of 2048 four side by side (fft-plan.ts launchOf).
  it('the engine takes 8192 values a workgroup where the adapter has 32 KiB', async () => {
    const engine = await gpu.engineFor('workgroup');
    const storage = engine.device.limits.maxComputeWorkgroupStorageSize;
    expect(storage, 'SwiftShader and the GPUs this targets have 32 KiB').toBeGreaterThanOrEqual(
      32768,
    );
    expect(engine.maxSingleDispatchN).toBe(8192);
  });

  it('N = 8192 in one dispatch, forward and inverse, batches 1 and 3', async () => {
    for (const batch of [1, 3]) {
      for (const inverse of [false, true]) {
        await checkAgainstCpu('workgroup', [8192], batch, inverse, 8192 + batch);
      }
    }
    const data = uniformSigned(9, 8192 * 2);
    const one = await (await gpu.engineFor('workgroup')).fft(data, { shape: [8192], batch: 1 });
    expect(one.timing.dispatches).toBe(1);
  });

  it('columns of 2048, four side by side: 2048×4, 2048×8, 2048×2048', async () => {
    for (const [shape, batch] of [
      [[2048, 4], 2],
      [[2048, 8], 3],
      [[2048, 2048], 1],
    ] as [Shape, number][]) {
      await checkAgainstCpu('workgroup', shape, batch, false, shape[1] ?? 0);
      await checkAgainstCpu('workgroup', shape, batch, true, 1 + (shape[1] ?? 0));
    }
  }, 120_000);
});

describe("'workgroup' with 16 KiB of workgroup memory (WebGPU's default limits)", () => {
  // A device asked for no limits gets 16 KiB: capacity 4096, and kernels over 2048 values split
  // their exchanges, staged loads and stores included (2^20's transposed store, 4 rows wide).
  it('capacity 4096; 1D, four-step and 2D against float64, fused resolvent too', async () => {
    const device = await (await nodeAdapter()).requestDevice({ label: '16 KiB device' });
    const errors: string[] = [];
    device.addEventListener('uncapturederror', (e) => {
      errors.push((e as GPUUncapturedErrorEvent).error.message);
    });
    const engine = await createEngine(device, { variant: 'workgroup' });
    try {
      expect(device.limits.maxComputeWorkgroupStorageSize).toBe(16384);
      expect(engine.maxSingleDispatchN).toBe(4096);
      const cases: [Shape, number][] = [
        [[16], 300],
        [[4096], 3],
        [[2 ** 20], 1],
        [[1024, 64], 1],
      ];
      for (const [shape, batch] of cases) {
        const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
        for (const inverse of [false, true]) {
          const data = uniformSigned(size + batch, batch * size * 2);
          const g = await engine.fft(data, { shape, batch, inverse });
          const c = await cpu.fft(data, { shape, batch, inverse });
          expect(
            linfRelError(g.data, c.data),
            `16 KiB [${shape.join(', ')}]${inverse ? ' inverse' : ''}`,
          ).toBeLessThanOrEqual(fftTolerance(size));
        }
        const data = uniformSigned(3 * size, batch * size * 2);
        const o = { shape, batch, phi: 1.618 };
        const g = await engine.resolvent(data, o);
        const c = await cpu.resolvent(data, o);
        const what = `16 KiB resolvent [${shape.join(', ')}]`;
        expect(linfRelError(g.filtered, c.filtered), what).toBeLessThanOrEqual(
          2 * fftTolerance(size),
        );
        // The per-signal sums come from the fused pass's tree (three f32 rows when split).
        expect(maxRelDiff(g.energy, c.energy), `${what} energy`).toBeLessThan(1e-5);
        expect(maxRelDiff(g.coherence, c.coherence), `${what} coherence`).toBeLessThan(1e-5);
      }
      expect(errors).toEqual([]);
    } finally {
      engine.destroy();
      device.destroy();
    }
  }, 120_000);
});

describe("'stages' without the workgroup exchange (a software adapter's default)", () => {
  // engineFor('stages') exchanges values through workgroup memory (the hardware form); on
  // SwiftShader, llvmpipe and WARP the engine leaves that out (EngineOptions.stageExchange).
  it('1D, every power of two from 2 to 2^20, and 2D rows and columns', async () => {
    const engine = await gpu.engineWith({ variant: 'stages', stageExchange: false });
    const shapes: Shape[] = [
      ...Array.from({ length: 20 }, (_, i): Shape => [2 ** (i + 1)]),
      [2, 2],
      [64, 2],
      [16, 256],
      [256, 16],
      [1024, 1024],
    ];
    for (const shape of shapes) {
      const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
      const batch = size >= 65536 ? 1 : 3;
      for (const inverse of [false, true]) {
        const data = uniformSigned(size + (inverse ? 1 : 0), batch * size * 2);
        const g = await engine.fft(data, { shape, batch, inverse });
        const c = await cpu.fft(data, { shape, batch, inverse });
        expect(
          linfRelError(g.data, c.data),
          `[${shape.join(', ')}]${inverse ? ' inverse' : ''}`,
        ).toBeLessThanOrEqual(fftTolerance(size));
      }
    }
  }, 300_000);
});

describe('properties', () => {
  it('inverse round trip returns the input', async () => {
    for (const shape of [[64], [8192], [64, 128]] as Shape[]) {
      const size = shape.length === 1 ? shape[0] : shape[0] * shape[1];
      const x = uniformSigned(5, 2 * size * 2);
      const X = await gpu.engine.fft(x, { shape, batch: 2 });
      const back = await gpu.engine.fft(X.data, { shape, batch: 2, inverse: true });
      expect(linfRelError(back.data, x)).toBeLessThan(2 * fftTolerance(size));
    }
  });

  it('Parseval: Σ|X|² = N·Σ|x|²', async () => {
    const n = 4096;
    const x = uniformSigned(6, n * 2);
    const X = (await gpu.engine.fft(x, { shape: [n], batch: 1 })).data;
    let ex = 0;
    let eX = 0;
    for (let i = 0; i < 2 * n; i++) {
      ex += (x[i] as number) ** 2;
      eX += (X[i] as number) ** 2;
    }
    expect(Math.abs(eX - n * ex) / (n * ex)).toBeLessThan(1e-5);
  });

  it('linearity: FFT(a·x + b·y) = a·FFT(x) + b·FFT(y)', async () => {
    const n = 2048;
    const x = uniformSigned(7, n * 2);
    const y = uniformSigned(8, n * 2);
    const [a, b] = [0.75, -1.5];
    const mix = x.map((v, i) => a * v + b * (y[i] as number));
    const Fx = (await gpu.engine.fft(x, { shape: [n], batch: 1 })).data;
    const Fy = (await gpu.engine.fft(y, { shape: [n], batch: 1 })).data;
    const Fmix = (await gpu.engine.fft(mix, { shape: [n], batch: 1 })).data;
    const combined = Fx.map((v, i) => a * v + b * (Fy[i] as number));
    expect(linfRelError(Fmix, combined)).toBeLessThan(2 * fftTolerance(n));
  });

  it('shift: circularly shifting x by s multiplies X_k by exp(−2πi·k·s/N)', async () => {
    const n = 1 << 14; // four-step path on every adapter
    const s = 37;
    const x = uniformSigned(9, n * 2);
    const shifted = new Float32Array(2 * n);
    for (let t = 0; t < n; t++) {
      shifted[2 * ((t + s) % n)] = x[2 * t] as number;
      shifted[2 * ((t + s) % n) + 1] = x[2 * t + 1] as number;
    }
    const X = (await gpu.engine.fft(x, { shape: [n], batch: 1 })).data;
    const Xs = (await gpu.engine.fft(shifted, { shape: [n], batch: 1 })).data;
    const expected = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      const ang = (-2 * Math.PI * ((k * s) % n)) / n;
      const [c, si] = [Math.cos(ang), Math.sin(ang)];
      const [re, im] = [X[2 * k] as number, X[2 * k + 1] as number];
      expected[2 * k] = re * c - im * si;
      expected[2 * k + 1] = re * si + im * c;
    }
    expect(linfRelError(Xs, expected)).toBeLessThan(2 * fftTolerance(n));
  });

  it('real input (real: true) equals complex input with zero imaginary parts', async () => {
    const n = 512;
    const real = uniformSigned(10, 3 * n);
    const complex = new Float32Array(2 * 3 * n);
    real.forEach((v, i) => (complex[2 * i] = v));
    const a = await gpu.engine.fft(real, { shape: [n], batch: 3, real: true });
    const b = await gpu.engine.fft(complex, { shape: [n], batch: 3 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it('reports its timing method and dispatch count', async () => {
    const data = uniformSigned(11, 2 * 2 ** 16);
    const r = await (await gpu.engineFor('workgroup')).fft(data, { shape: [2 ** 16], batch: 1 });
    expect(r.timing.method).toBe(gpu.device.features.has('timestamp-query') ? 'timestamp' : 'wall');
    expect(r.timing.ms).toBeGreaterThan(0);
    // 2^16 exceeds every adapter's workgroup memory (≤ 4096 values): four-step, two passes.
    expect(r.timing.dispatches).toBe(2);
    // Radix-16 global stages: 2^16 = 16^4, four passes.
    expect(
      (await (await gpu.engineFor('stages')).fft(data, { shape: [2 ** 16], batch: 1 })).timing
        .dispatches,
    ).toBe(4);
  });
});
