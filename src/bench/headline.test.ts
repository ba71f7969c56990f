import { describe, expect, it } from 'vitest';
import { headlineOf } from './headline';
import { GPU_ADAPTER, rawCase, runOf, SOFTWARE_ADAPTER } from './testing/sample-run';
import type { AdapterFingerprint } from './schema';

/**
 * N = 1024: the FFT's fastest verified case takes 0.5 ms for 16 signals (1/32 ms per signal);
 * the fastest CPU peer, PFFFT on workers, failed verification, so the fastest that passed is
 * PFFFT on one thread at 1.6 ms for 16 signals (0.1 ms per signal): 3.2×.
 */
function run(adapter: AdapterFingerprint) {
  return runOf(adapter, [
    rawCase({
      op: 'fft',
      medianMs: 0.5,
      cv: 0.1,
      variant: 'workgroup',
      paired: { efficiency: 0.4, spread: 0.05 },
    }),
    rawCase({ op: 'fft', medianMs: 0.8, variant: 'stages' }),
    // Faster, but wrong: never the headline.
    rawCase({ op: 'fft', medianMs: 0.1, variant: 'subgroups', maxRelError: 1 }),
    rawCase({ op: 'tfjs-fft', medianMs: 9, maxRelError: 2e-4 }),
    // The copy over the FFT's bytes (2·16·1024·8): 262144 B in 0.2 ms.
    rawCase({ op: 'copy', medianMs: 0.2, cv: 0.03, shape: [16384], batch: 1 }),
    rawCase({ op: 'fftjs', medianMs: 1, batch: 4, cv: 0.02 }),
    rawCase({ op: 'pffft', medianMs: 1.6, cv: 0.2 }),
    rawCase({ op: 'pffft-workers', medianMs: 0.4, maxRelError: 1e-3 }),
    // Other sizes do not count.
    rawCase({ op: 'fft', medianMs: 0.01, shape: [16] }),
  ]);
}

describe('the benchmark headline at N = 1024', () => {
  it('takes the fastest verified FFT, the copy at its bytes and the fastest verified CPU peer', () => {
    const h = headlineOf(run(GPU_ADAPTER));
    expect(h.n).toBe(1024);
    expect(h.fft?.variant).toBe('workgroup');
    expect(h.copyGbps?.value).toBeCloseTo(262144 / 0.2e6, 12);
    expect(h.copyGbps?.spread).toBe(0.03);
    // 16 FFTs of 1024 points, 5·N·log2 N flops each, in 0.5 ms.
    expect(h.gflops?.value).toBeCloseTo((16 * 5 * 1024 * 10) / 0.5e6, 9);
    expect(h.gflops?.spread).toBe(0.1);
    expect(h.efficiency).toMatchObject({ value: 0.4, spread: 0.05 });
    expect(h.cpuSpeedup?.peer).toBe('PFFFT on one thread');
    expect(h.cpuSpeedup?.value).toBeCloseTo(3.2, 12);
    expect(h.cpuSpeedup?.spread).toBeCloseTo(Math.hypot(0.2, 0.1), 12);
  });

  it('names the peers that failed verification with their error and gives them no ratio', () => {
    const h = headlineOf(run(GPU_ADAPTER));
    expect(h.failedPeers).toEqual([
      {
        label: 'PFFFT on workers',
        error: 'peer failed accuracy: 1.00e-3 (tolerance 3.50e-6)',
      },
      {
        label: 'TensorFlow.js WebGPU',
        error: 'peer failed accuracy: 2.00e-4 (tolerance 3.50e-6)',
      },
    ]);
  });

  it('says in one sentence what the numbers mean on a GPU', () => {
    expect(headlineOf(run(GPU_ADAPTER)).verdict).toBe(
      'On this GPU the FFT of N = 1024 reached 40% of the copy bandwidth (well below the ' +
        'memory-bandwidth limit) and ran 3.20× faster than the fastest CPU library (PFFFT on one thread).',
    );
  });

  it('says that a software adapter measures CPU emulation', () => {
    const v = headlineOf(run(SOFTWARE_ADAPTER)).verdict;
    expect(v).toMatch(/^These numbers measure a CPU emulating a GPU \(SwiftShader\), not a GPU/);
    expect(v).toMatch(/not how any real GPU would do\.$/);
    expect(v.split('. ')).toHaveLength(1);
  });

  it('reads a slower GPU as "× slower", not as a fraction "× faster"', () => {
    const r = runOf(SOFTWARE_ADAPTER, [
      rawCase({ op: 'fft', medianMs: 4 }),
      rawCase({ op: 'fftjs', medianMs: 1 }),
    ]);
    expect(headlineOf(r).verdict).toMatch(/ran 4\.00× slower than the fastest CPU library/);
  });

  it('has no figures, and says why, without a verified FFT at N = 1024', () => {
    const r = runOf(GPU_ADAPTER, [
      rawCase({ op: 'fft', medianMs: 1, maxRelError: 1 }),
      rawCase({ op: 'fftjs', medianMs: 1 }),
    ]);
    const h = headlineOf(r);
    expect(h).toMatchObject({ fft: null, gflops: null, efficiency: null, cpuSpeedup: null });
    expect(h.verdict).toMatch(/no FFT of N = 1024 that passed verification/);
  });
});
