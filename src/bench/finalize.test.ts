import { describe, expect, it } from 'vitest';
import type { RawCase } from './case-context';
import { EFFICIENCY_TARGETS, pairedSpeedup } from './finalize';
import type { CaseResult } from './schema';
import {
  GPU_ADAPTER,
  SOFTWARE_ADAPTER,
  rawCase,
  runOf,
  sampleRun,
  withCopies,
} from './testing/sample-run';

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
      { shape: [256, 256], speedup: 1.5, cv: 0, fusedDispatches: 1, separateDispatches: 1 },
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

describe('efficiency from the copy paired with each case', () => {
  it('takes the paired median and spread over a copy measured apart', () => {
    const paired = rawCase({ op: 'fft', medianMs: 0.5, paired: { efficiency: 0.4, spread: 0.05 } });
    const copy = rawCase({ op: 'copy', medianMs: 0.1, shape: [16384], batch: 1 });
    const [c] = runOf(SOFTWARE_ADAPTER, [paired, copy]).cases;
    // The standalone copy alone would give 0.1 / 0.5 = 0.2.
    expect(c?.efficiency).toBe(0.4);
    expect(c?.efficiencySpread).toBe(0.05);
  });
  it('falls back to the copy at the same bytes for a case without pairs, with no spread', () => {
    const c = sampleRun().cases.find((x) => x.op === 'fft');
    expect(c?.efficiency).toBeCloseTo(0.2, 12);
    expect(c).not.toHaveProperty('efficiencySpread');
  });
  it('gives a CPU case no efficiency even if it carried pairs', () => {
    const cpu = rawCase({ op: 'fftjs', medianMs: 5, paired: { efficiency: 1, spread: 0 } });
    const [c] = runOf(SOFTWARE_ADAPTER, [cpu]).cases;
    expect(c?.efficiency).toBeNull();
    expect(c).not.toHaveProperty('efficiencySpread');
  });
});

describe('speed-up over TensorFlow.js', () => {
  const fft = rawCase({ op: 'fft', medianMs: 0.5 });
  const tfjs = (maxRelError: number) =>
    rawCase({ op: 'tfjs-fft', medianMs: 40, method: 'wall', maxRelError, tolerance: 3.5e-6 });

  it('is computed when the peer passed verification (the tolerance itself passes)', () => {
    const run = runOf(SOFTWARE_ADAPTER, [fft, tfjs(3.5e-6)]);
    expect(run.cases[0]?.speedupVsTfjs).toBeCloseTo(80, 12);
    expect(run.cases[0]).not.toHaveProperty('note');
  });
  it('is withheld, with a note naming the error, when the peer failed verification', () => {
    for (const err of [0.02, Number.NaN]) {
      const run = runOf(SOFTWARE_ADAPTER, [{ ...fft, note: 'variant forced: stages' }, tfjs(err)]);
      const c = run.cases[0];
      expect(c?.speedupVsTfjs).toBeNull();
      expect(c?.note).toBe(
        `variant forced: stages; peer failed accuracy: ${err.toExponential(2)} ` +
          '(tolerance 3.50e-6)',
      );
      expect(run.targets.tfjsSpeedupAt1024).toBeNull();
      // The peer's own row is kept as measured.
      expect(run.cases[1]?.maxRelError).toBe(err);
    }
  });
});

describe('efficiency targets', () => {
  // withCopies puts a 1 ms copy at every byte count: a case of 1 / e ms has efficiency e.
  const fft = (n: number, e: number, variant: CaseResult['variant'], batch = 4): RawCase =>
    rawCase({ op: 'fft', shape: [n], batch, medianMs: 1 / e, ...(variant ? { variant } : {}) });
  const fused = (n: number, ratio: number, dispatches: number, variant: CaseResult['variant']) =>
    rawCase({ op: 'resolvent-fused', shape: [n], batch: 2, medianMs: ratio, dispatches, variant });
  const targetsOf = (raw: RawCase[], adapter = GPU_ADAPTER) => {
    const e = runOf(adapter, withCopies(raw)).targets.efficiency;
    if (!e) throw new Error('no efficiency targets');
    return e;
  };

  it('takes each N at its best variant, and each range at its weakest N', () => {
    const e = targetsOf([
      fft(1024, 0.5, 'stages'),
      fft(1024, 0.9, 'workgroup', 8), // the planner's forced-variant case of the same N
      fft(256, 0.85, 'workgroup'),
      fft(8192, 0.55, 'stages'),
      fft(2 ** 20, 0.6, 'stages'),
    ]);
    expect(e.judged).toBe(true);
    expect(e.small).toMatchObject({ atN: 256, variant: 'workgroup', sizes: 2, met: true });
    expect(e.small?.minEfficiency).toBeCloseTo(0.85, 12);
    expect(e.large).toMatchObject({ atN: 8192, variant: 'stages', sizes: 2, met: true });
    expect(e.large?.minEfficiency).toBeCloseTo(0.55, 12);
  });

  it('is not met when one size of a range falls below its bound', () => {
    const e = targetsOf([
      fft(256, 0.9, 'workgroup'),
      fft(2048, 0.41, 'stages'),
      fft(65536, 0.5, 'stages'),
      fft(2 ** 20, 0.3, 'stages'),
    ]);
    expect(e.small).toMatchObject({ atN: 2048, variant: 'stages', met: false });
    expect(e.large).toMatchObject({ atN: 2 ** 20, met: false });
    expect(e.large?.minEfficiency).toBeCloseTo(0.3, 12);
  });

  it('judges only 1D FFTs of verified results within the ranges', () => {
    const wrong = { ...fft(512, 0.01, 'stages'), maxRelError: 1 };
    const e = targetsOf([
      fft(1024, 0.9, 'stages'),
      wrong,
      rawCase({ op: 'fft', shape: [32, 32], batch: 4, medianMs: 100 }),
      fft(2 ** 21, 0.01, 'stages'),
      rawCase({ op: 'tfjs-fft', shape: [64], batch: 4, medianMs: 100 }),
    ]);
    expect(e.small).toMatchObject({ atN: 1024, sizes: 1, met: true });
    expect(e.large).toBeNull();
  });

  it('reports every 1D fused case as copy multiples, judging workgroup sizes that fit only', () => {
    // One fused dispatch plus one batch-reduction level: 2 dispatches.
    const e = targetsOf([
      fused(4096, 9.9, 9, 'stages'),
      fused(1024, EFFICIENCY_TARGETS.fusedMaxCopies, 2, 'workgroup'), // the bound itself passes
      fused(4096, 1.5, 2, 'workgroup'),
      fused(16384, 1.1, 4, 'workgroup'), // four-step: over the capacity of 8192, out of scope
      rawCase({ op: 'resolvent-fused', shape: [64, 64], batch: 3, medianMs: 1 }),
    ]);
    expect(e.fusedVsCopy).toHaveLength(4);
    const [several, fits, slow, large] = e.fusedVsCopy;
    expect(several).toMatchObject({ shape: [4096], dispatches: 9, variant: 'stages', met: null });
    expect(several?.ratio).toBeCloseTo(9.9, 12);
    expect(fits).toMatchObject({ shape: [1024], dispatches: 2, variant: 'workgroup', met: true });
    expect(fits?.ratio).toBeCloseTo(EFFICIENCY_TARGETS.fusedMaxCopies, 12);
    expect(slow).toMatchObject({ shape: [4096], dispatches: 2, variant: 'workgroup', met: false });
    expect(slow?.ratio).toBeCloseTo(1.5, 12);
    expect(large).toMatchObject({ shape: [16384], variant: 'workgroup', met: null });
  });

  it('is not judged on a software adapter, yet keeps the measured figures', () => {
    const e = targetsOf(
      [fft(1024, 0.9, 'stages'), fused(1024, 1.2, 1, 'workgroup')],
      SOFTWARE_ADAPTER,
    );
    expect(e.judged).toBe(false);
    expect(e.small).toMatchObject({ atN: 1024, met: true });
    expect(e.fusedVsCopy).toHaveLength(1);
  });

  it('is empty when nothing in the ranges was measured against a copy', () => {
    const e = runOf(GPU_ADAPTER, [fft(1024, 0.9, 'stages')]).targets.efficiency;
    expect(e).toEqual({ judged: true, small: null, large: null, fusedVsCopy: [] });
  });
});

describe('paired speed-up', () => {
  it('is the median of the per-pair ratios, with their spread', () => {
    const p = pairedSpeedup([30, 60, 33], [20, 40, 30]);
    expect(p.speedup).toBeCloseTo(1.5, 12);
    expect(p.cv).toBeGreaterThan(0);
    expect(pairedSpeedup([4, 4], [2, 2])).toEqual({ speedup: 2, cv: 0 });
  });

  it('falls back to the ratio of medians, without a spread, when spans do not pair up', () => {
    expect(pairedSpeedup([30, 60, 33], [20, 40])).toEqual({ speedup: 33 / 30, cv: null });
  });
});
