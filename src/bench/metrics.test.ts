import { describe, expect, it } from 'vitest';
import { fftFlops } from '../engine/resolvent-math';
import {
  complexPassBytes,
  crossoverBatch,
  efficiency,
  fftGflops,
  gbps,
  signalsPerSec,
  speedup,
  timeInCopies,
} from './metrics';
import type { CrossoverPoint } from './schema';

const point = (batch: number, gpuMs: number, cpuMs: number): CrossoverPoint => ({
  batch,
  gpuMs,
  gpuRoundTripMs: gpuMs * 2,
  cpuMs,
  maxRelError: 0,
});

describe('throughput metrics', () => {
  it('counts 2·batch·N·8 bytes for one out-of-place complex pass', () => {
    expect(complexPassBytes([1024], 4)).toBe(2 * 4 * 1024 * 8);
    expect(complexPassBytes([64, 32], 2)).toBe(2 * 2 * 2048 * 8);
  });
  it('GFLOP/s uses the engine’s 5·N·log2 N per signal (2D counts N = ny·nx)', () => {
    expect(fftGflops([1024], 10, 1)).toBeCloseTo((10 * fftFlops(1024)) / 1e6, 9);
    expect(fftGflops([64, 64], 1, 2)).toBeCloseTo(fftFlops(4096) / 2e6, 9);
  });
  it('GB/s and signals/s', () => {
    expect(gbps(2e9, 1000)).toBe(2);
    expect(signalsPerSec(50, 10)).toBe(5000);
  });
  it('efficiency is copy time over case time; speed-up is baseline over time', () => {
    expect(efficiency(1, 4)).toBe(0.25);
    expect(speedup(30, 3)).toBe(10);
  });
  it('time in copies is the case time over the copy time: 1 / efficiency', () => {
    expect(timeInCopies(efficiency(1, 4))).toBe(4);
  });
});

describe('crossoverBatch', () => {
  it('is the first batch from which the GPU stays faster', () => {
    const pts = [point(1, 10, 1), point(4, 10, 4), point(16, 10, 16), point(64, 10, 64)];
    expect(crossoverBatch(pts, (p) => p.gpuMs)).toBe(16);
  });
  it('ignores an early win the GPU loses again at a larger batch', () => {
    const pts = [point(1, 1, 2), point(2, 5, 4), point(4, 5, 8)];
    expect(crossoverBatch(pts, (p) => p.gpuMs)).toBe(4);
  });
  it('is null when the GPU never wins, or its time is missing at the largest batch', () => {
    expect(crossoverBatch([point(1, 10, 1), point(2, 10, 2)], (p) => p.gpuMs)).toBeNull();
    expect(crossoverBatch([point(1, 1, 10)], () => null)).toBeNull();
  });
  it('sorts the points by batch first', () => {
    const pts = [point(8, 1, 8), point(1, 10, 1), point(4, 1, 4)];
    expect(crossoverBatch(pts, (p) => p.gpuMs)).toBe(4);
  });
});
