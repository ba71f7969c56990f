import { describe, expect, it } from 'vitest';
import { caseRow, describeCufftTarget, formatRun, TABLE_COLUMNS } from './format-table';
import { GPU_ADAPTER, rawCase, runOf, SOFTWARE_ADAPTER, withCopies } from './testing/sample-run';

describe('PFFFT peer', () => {
  const run = runOf(SOFTWARE_ADAPTER, [
    rawCase({ op: 'fft', medianMs: 0.5 }),
    rawCase({ op: 'fftjs', medianMs: 6 }),
    rawCase({ op: 'pffft', medianMs: 2 }),
    rawCase({ op: 'pffft-workers', medianMs: 0.8 }),
  ]);
  const get = (op: string) => run.cases.find((c) => c.op === op);

  it('is compared with fft.js, and the GPU and PFFFT workers with PFFFT on one thread', () => {
    expect(get('pffft')?.speedupVsFftjs).toBeCloseTo(3, 12);
    expect(get('pffft-workers')?.speedupVsFftjs).toBeCloseTo(7.5, 12);
    expect(get('fft')?.speedupVsPffft).toBeCloseTo(4, 12);
    expect(get('pffft-workers')?.speedupVsPffft).toBeCloseTo(2.5, 12);
    expect(get('pffft')?.speedupVsPffft).toBeUndefined();
    expect(get('fftjs')?.speedupVsPffft).toBeUndefined();
  });
  it('is a CPU case: no efficiency, and counted as an FFT (GFLOP/s)', () => {
    expect(get('pffft')?.efficiency).toBeNull();
    expect(get('pffft')?.gflops).toBeGreaterThan(0);
  });
  it('fills the table columns', () => {
    const c = get('fft');
    if (!c) throw new Error('no fft case');
    const row = caseRow(c);
    expect(row[TABLE_COLUMNS.indexOf('vs pffft')]).toBe('4.00×');
    expect(row[TABLE_COLUMNS.indexOf('vs cuFFT')]).toBe('–');
  });
});

describe('cuFFT peer', () => {
  const cases = (cufftErr: number) =>
    withCopies([
      rawCase({ op: 'fft', medianMs: 0.5, variant: 'stages' }),
      rawCase({ op: 'fft', medianMs: 0.25, variant: 'workgroup' }),
      rawCase({ op: 'cufft-torch', medianMs: 0.2, maxRelError: cufftErr }),
      rawCase({ op: 'fft', medianMs: 1, shape: [65536], batch: 1 }),
      rawCase({ op: 'cufft-torch', medianMs: 0.1, shape: [65536], batch: 1 }),
    ]);

  it('gives each FFT its throughput as a fraction of cuFFT at the same shape and batch', () => {
    const run = runOf(GPU_ADAPTER, cases(1e-7));
    const ffts = run.cases.filter((c) => c.op === 'fft');
    expect(ffts.map((c) => c.speedupVsCufft)).toEqual([0.4, 0.8, 0.1]);
    const cufft = run.cases.find((c) => c.op === 'cufft-torch');
    // Not this project's kernel: no efficiency against its copy, no "(sw)", its own label.
    expect(cufft?.efficiency).toBeNull();
    expect(cufft && caseRow(cufft)[0]).toBe('cuFFT via PyTorch');
  });
  it('judges the target by the best variant of the weakest 1D size up to 4096', () => {
    const run = runOf(GPU_ADAPTER, cases(1e-7));
    expect(describeCufftTarget(run)).toBe('min 0.800× at N = 1024 over 1 size — met');
    expect(formatRun(run)).toContain('Target: batched 1D FFT ≥ 0.8× cuFFT');
  });
  it('gives no ratio against a cuFFT result that failed verification, and says why', () => {
    const run = runOf(GPU_ADAPTER, cases(1e-3));
    const fft = run.cases.find((c) => c.op === 'fft' && c.shape[0] === 1024);
    expect(fft?.speedupVsCufft).toBeUndefined();
    expect(fft?.note).toMatch(/cuFFT peer failed accuracy: 1\.00e-3 \(tolerance 3\.50e-6\)/);
    expect(describeCufftTarget(run)).toMatch(/^not measured \(no verified 1D size/);
  });
  it('says how to measure it when the run has no cuFFT case', () => {
    const run = runOf(SOFTWARE_ADAPTER, [rawCase({ op: 'fft', medianMs: 1 })]);
    expect(describeCufftTarget(run)).toMatch(/needs --native/);
  });
});

describe('CPU peers at a smaller batch than the GPU', () => {
  it('compare time per signal', () => {
    const run = runOf(GPU_ADAPTER, [
      rawCase({ op: 'fft', medianMs: 4, batch: 1024 }),
      rawCase({ op: 'fftjs', medianMs: 8, batch: 16 }),
      rawCase({ op: 'pffft', medianMs: 1, batch: 16 }),
    ]);
    const fft = run.cases.find((c) => c.op === 'fft');
    // fft.js: 0.5 ms per signal; PFFFT 1/16 ms; the GPU 1/256 ms.
    expect(fft?.speedupVsFftjs).toBeCloseTo(128, 12);
    expect(fft?.speedupVsPffft).toBeCloseTo(16, 12);
  });
});
