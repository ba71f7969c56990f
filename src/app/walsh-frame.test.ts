import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { generate, WorkloadError } from '../workloads';
import { coefficientsFor, walshFrame } from './walsh-frame';
import type { Workload } from './workload-source';

const N = 256;

function workOf(generator: 'square-aligned' | 'coherent', f0: number): Workload {
  const spec = {
    generator,
    shape: [N] as const,
    batch: 3,
    seed: 7,
    f0,
    f1: 0.25,
    tones: 1,
    snrDb: 10,
    sigma: 1,
    cell: 1,
  };
  return { key: generator, shape: [N], batch: 3, data: generate(spec) };
}

describe('coefficientsFor', () => {
  it('counts the largest coefficients needed to reach the share of the energy', () => {
    expect(coefficientsFor([0, 3, 0, 0], 0.99)).toBe(1);
    expect(coefficientsFor([1, -1, 1, -1], 0.99)).toBe(4);
    expect(coefficientsFor([1, -1, 1, -1], 0.5)).toBe(2);
    expect(coefficientsFor([10, 1, 0.1], 0.99)).toBe(1);
    expect(coefficientsFor([10, 2, 0.1], 0.99)).toBe(2);
    expect(coefficientsFor([0, 0], 0.99)).toBe(0);
  });
});

describe('walshFrame', () => {
  it('a square wave of half period 32 is one Walsh function and many Fourier modes', async () => {
    const view = await walshFrame(createCpuEngine(), workOf('square-aligned', 1 / 64), 1, null);
    expect(view.index).toBe(1);
    expect(view.walshCount).toBe(1);
    expect(view.fourierCount).toBeGreaterThan(8);
    // N/32 blocks of 32 samples: N/32 − 1 sign changes, so all the energy is at that sequency.
    const amplitude = view.signal[0] ?? 0;
    expect(Math.abs(view.walsh[N / 32 - 1] ?? 0)).toBeCloseTo(N * amplitude, 4);
    expect(view.signal).toHaveLength(N);
    expect(view.fourier).toHaveLength(N);
  });

  it('a sine of whole cycles is two Fourier modes and many Walsh functions', async () => {
    const view = await walshFrame(createCpuEngine(), workOf('coherent', 8 / N), 0, null);
    expect(view.fourierCount).toBe(2);
    expect(view.walshCount).toBeGreaterThan(4);
    expect(view.fourier[8]).toBeCloseTo(N / 2, 4);
  });

  it('keeps the previous arrays when the spectra have not changed', async () => {
    const engine = createCpuEngine();
    const work = workOf('coherent', 8 / N);
    const first = await walshFrame(engine, work, 0, null);
    const second = await walshFrame(engine, work, 0, first);
    expect(second.walsh).toBe(first.walsh);
    expect(second.fourier).toBe(first.fourier);
    expect((await walshFrame(engine, work, 2, first)).walsh).not.toBe(first.walsh);
  });

  it('refuses 2D data, naming the kind', async () => {
    const work: Workload = { key: 'img', shape: [4, 4], batch: 1, data: new Float32Array(16) };
    await expect(walshFrame(createCpuEngine(), work, 0, null)).rejects.toThrow(WorkloadError);
    await expect(walshFrame(createCpuEngine(), work, 0, null)).rejects.toThrow(/1D signals/);
  });
});
