/**
 * The lab's GPU sweeps on real WebGPU (Dawn; SwiftShader without a GPU), at toy sizes: every
 * sweep yields its points, the roofline its two ceilings and a point per operator at the
 * intensity the operator's own `work` gives. Times are measured, never asserted.
 */
import { describe, expect, it } from 'vitest';
import { OPERATORS, signalLength } from '../engine';
import { nodeAdapter } from '../engine/testing/node-gpu';
import { runGpuSweeps } from './gpu-sweeps';
import { gpuPlan } from './plans';

// The app's end-to-end preset: toy sizes.
const plan = gpuPlan('tiny', 1);

describe('runGpuSweeps', () => {
  it('measures capacity, transfers and the roofline', async () => {
    const r = await runGpuSweeps(await nodeAdapter(), plan);
    expect(r.sweeps.map((s) => s.id)).toEqual(['capacity', 'upload', 'readback']);
    expect(r.sweeps[0]?.points.map((p) => p.x)).toEqual([1, 2, 4, 8, 16]);
    expect(r.sweeps[1]?.points.map((p) => p.x)).toEqual([1024, 4096, 16384, 65536, 262144]);
    for (const s of r.sweeps) for (const p of s.points) expect(p.y).toBeGreaterThan(0);

    const roof = r.roofline;
    expect(roof.failed).toEqual([]);
    expect(roof.ceilings.bandwidth).toBeGreaterThan(0);
    expect(roof.ceilings.peakFlops).toBeGreaterThan(0);
    expect(roof.points.map((p) => p.op)).toEqual([
      'fft',
      'resolvent',
      'filter',
      'wht',
      'propagate',
    ]);
    // The FFT's point sits at the intensity of the engine's own FLOP and byte counts.
    const fftWork = OPERATORS.fft.work(
      OPERATORS.fft.check(new Float32Array(2 * 256 * 4), { shape: [256], batch: 4 }),
    );
    const fft = roof.points[0];
    expect(fft?.intensity).toBeCloseTo(fftWork.flops / fftWork.bytes, 12);
    expect(fft?.flops).toBe(fftWork.flops);
    expect(roof.copy.bytes).toBe(2 * 8 * signalLength([256]) * 64);
  }, 300_000);
});
