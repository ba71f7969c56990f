import { describe, expect, it } from 'vitest';
import { sampleRun } from './testing/sample-run';

describe('cross-case metrics', () => {
  const run = sampleRun();
  const get = (op: string) => {
    const c = run.cases.find((x) => x.op === op);
    if (!c) throw new Error(`no ${op} case`);
    return c;
  };

  it('efficiency divides the copy time for the same bytes by the case time', () => {
    // copy 0.1 ms moved the same 2·16·1024·8 bytes as the FFT's 0.5 ms.
    expect(get('fft').efficiency).toBeCloseTo(0.2, 12);
    expect(get('tfjs-fft').efficiency).toBeCloseTo(0.1 / 40, 12);
  });
  it('CPU cases and cases without a copy at their bytes have no efficiency', () => {
    expect(get('fftjs').efficiency).toBeNull();
    expect(get('resolvent-fused').efficiency).toBeNull();
  });
  it('speed-ups compare the same shape and batch', () => {
    expect(get('fft').speedupVsFftjs).toBeCloseTo(10, 12);
    expect(get('fft').speedupVsTfjs).toBeCloseTo(80, 12);
    expect(get('fftjs-workers').speedupVsFftjs).toBeCloseTo(2, 12);
    expect(get('fftjs').speedupVsFftjs).toBeNull();
  });
  it('reports the targets: TensorFlow.js ratio at 1024 and fused over separate', () => {
    expect(run.targets.tfjsSpeedupAt1024).toBeCloseTo(80, 12);
    expect(run.targets.fusedSpeedup).toEqual([
      { shape: [256, 256], speedup: 1.5, fusedDispatches: 1, separateDispatches: 1 },
    ]);
  });
  it('flags every case of a software adapter', () => {
    expect(run.cases.every((c) => c.software)).toBe(true);
  });
  it('GFLOP/s only for FFT cases', () => {
    expect(get('fft').gflops).toBeGreaterThan(0);
    expect(get('copy').gflops).toBeNull();
  });
});
