/**
 * The butterfly view's capture on real WebGPU (Dawn; SwiftShader without a GPU): the engine's
 * 'stages' kernels forced to radix 2, every stage read back, against the float64 reference of
 * the same recurrence (cpu/fft64-stages.ts), seeded uniform input in [−1, 1).
 * Tolerance: every stage's L∞ relative error max|gpu − cpu| / max|cpu| ≤ 2e-6 + 5e-7·log10(N)
 * (pyvkfft's fp32 criterion for the whole N-point transform; a partial transform has fewer
 * roundings), and the last stage within the same bound of fft64.ts's DFT.
 */
import { describe, expect, it } from 'vitest';
import { uniformSigned } from '../../workloads/rng';
import { createCpuEngine } from '../cpu-engine';
import { fft64Stages } from '../cpu/fft64-stages';
import { EngineArgumentError } from '../errors';
import { FFT_STAGE_SIZES, stageCount } from '../fft-stages';
import { fftTolerance, linfRelError } from '../testing/compare';
import { gpuFixture } from '../testing/gpu-fixture';

const gpu = gpuFixture();
const cpu = createCpuEngine();

describe('engine.fftStages', () => {
  for (const n of FFT_STAGE_SIZES) {
    for (const inverse of [false, true]) {
      it(`N = ${n}${inverse ? ' inverse' : ''}: every stage matches the float64 reference`, async () => {
        const data = uniformSigned(500 + 2 * n + (inverse ? 1 : 0), 2 * n);
        const got = await gpu.engine.fftStages(data, { n, inverse });
        const want = fft64Stages(data, { n, inverse });
        expect(got.source).toBe('gpu');
        expect(got.stages).toHaveLength(stageCount(n) + 1);
        // Stage 0 is the uploaded float32 input, bit for bit.
        expect(Array.from(got.stages[0] ?? [])).toEqual(Array.from(data));
        got.stages.forEach((stage, s) => {
          const err = linfRelError(stage, want.stages[s] ?? new Float64Array());
          expect(err, `N = ${n} stage ${s}`).toBeLessThanOrEqual(fftTolerance(n));
        });
        const dft = await cpu.fft(data, { shape: [n], batch: 1, inverse });
        const last = got.stages.at(-1) ?? new Float32Array();
        expect(linfRelError(last, dft.data)).toBeLessThanOrEqual(fftTolerance(n));
      });
    }
  }

  it('intermediate stages are distinct buffers, not the final result copied', async () => {
    const n = 16;
    const data = uniformSigned(3, 2 * n);
    const { stages } = await gpu.engine.fftStages(data, { n });
    for (let s = 1; s < stages.length - 1; s++) {
      const err = linfRelError(stages[s] ?? [], stages.at(-1) ?? []);
      expect(err, `stage ${s} differs from the output`).toBeGreaterThan(1e-3);
    }
  });

  it('takes real input', async () => {
    const real = uniformSigned(11, 8);
    const got = await gpu.engine.fftStages(real, { n: 8, real: true });
    const want = fft64Stages(real, { n: 8, real: true });
    got.stages.forEach((stage, s) => {
      expect(linfRelError(stage, want.stages[s] ?? [])).toBeLessThanOrEqual(fftTolerance(8));
    });
  });

  it('refuses sizes it cannot draw before any GPU work', async () => {
    await expect(gpu.engine.fftStages(new Float32Array(128), { n: 64 })).rejects.toThrow(
      EngineArgumentError,
    );
    await expect(gpu.engine.fftStages(new Float32Array(128), { n: 64 })).rejects.toThrow(
      /n must be one of 2, 4, 8, 16, 32/,
    );
  });
});
