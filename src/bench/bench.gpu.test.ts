/**
 * The benchmark end to end on real WebGPU (Dawn in Node; SwiftShader without a GPU): a tiny
 * suite runs, every result is checked against the float64 reference with its error recorded,
 * the copy reference (the engine's copy operator) copies exactly and the read-reduce reference
 * sums within its bound, and every GPU case has an efficiency from a copy timed in alternation
 * with it. Times are measured, never asserted.
 */
import { describe, expect, it } from 'vitest';
import { nodeAdapter } from '../engine/testing/node-gpu';
import { gpuFixture } from '../engine/testing/gpu-fixture';
import { fingerprint } from './adapter-fingerprint';
import { runSuite } from './runner';
import { BenchRunSchema, type BenchRun } from './schema';
import { SUITES } from './suite';

const gpu = gpuFixture();

describe('tiny suite', () => {
  let run: BenchRun | undefined;
  const progress: number[] = [];

  it('runs, reports progress and produces a valid run', async () => {
    const adapter = await nodeAdapter();
    run = await runSuite(
      {
        device: gpu.device,
        adapterInfo: adapter.info,
        adapter: fingerprint(adapter),
        engine: gpu.engine,
        engineError: null,
        runtime: 'node',
        userAgent: 'vitest',
        createPool: null,
      },
      SUITES.tiny,
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(BenchRunSchema.parse(run)).toEqual(run);
    expect(progress.at(-1)).toBe(progress.length - 1);
    expect(run.adapter.software).toBe(run.adapter.isFallbackAdapter || run.adapter.software);
  });

  it('measured every FFT shape on the GPU, on fft.js and on PFFFT, and the references', () => {
    if (!run) throw new Error('suite did not run');
    const ops = (op: string) => run?.cases.filter((c) => c.op === op).map((c) => c.shape.join('x'));
    expect(ops('fft')).toEqual(expect.arrayContaining(['16', '1024', '64x64']));
    expect(ops('fftjs')).toEqual(['16', '1024', '64x64']);
    expect(ops('pffft')).toEqual(['16', '1024', '64x64']);
    expect(ops('resolvent-fused')).toEqual(['256']);
    for (const op of ['wht', 'filter', 'propagate']) expect(ops(op), op).toEqual(['256']);
    expect(ops('copy')?.length).toBeGreaterThan(0);
    expect(ops('read-reduce')).toHaveLength(1);
    expect(run.crossovers[0]?.points.map((p) => p.batch)).toEqual([1, 8]);
  });

  it('recorded a small verification error next to every own result', () => {
    if (!run) throw new Error('suite did not run');
    for (const c of run.cases.filter((x) => x.op !== 'tfjs-fft')) {
      expect(c.verifiedSignals, `${c.op} ${c.shape.join('x')}`).toBeGreaterThan(0);
      expect(c.maxRelError, `${c.op} ${c.shape.join('x')}`).toBeLessThanOrEqual(c.tolerance);
    }
    for (const c of run.cases.filter((x) => x.op === 'copy')) expect(c.maxRelError).toBe(0);
    // The operators' bytes were copied too: each has its efficiency and its GFLOP/s.
    for (const c of run.cases.filter((x) => ['wht', 'filter', 'propagate'].includes(x.op))) {
      expect(c.efficiency, c.op).toBeGreaterThan(0);
      expect(c.gflops, c.op).toBeGreaterThan(0);
    }
    for (const p of run.crossovers.flatMap((x) => x.points))
      expect(p.maxRelError).toBeLessThan(1e-5);
  });

  it('timed a copy of the same bytes in alternation with every GPU case', () => {
    if (!run) throw new Error('suite did not run');
    const paired = run.cases.filter(
      (c) => c.device === 'gpu' && c.op !== 'copy' && c.op !== 'read-reduce',
    );
    expect(paired.length).toBeGreaterThan(0);
    for (const c of paired) {
      const what = `${c.op} ${c.shape.join('x')}`;
      expect(c.efficiency, what).toBeGreaterThan(0);
      // Present (a number: the spans always pair up), unlike a case divided by a lone copy.
      expect(c.efficiencySpread, what).toBeGreaterThanOrEqual(0);
    }
    // The standalone copy rows stay, as the table of the copy's bandwidth.
    for (const c of run.cases.filter((x) => x.op === 'copy')) {
      expect(c.efficiencySpread).toBeUndefined();
    }
    // This host did not ask Dawn to stop quantizing timestamps.
    expect(run.timestampQuantization).toBe('default');
  });

  it('says why anything was skipped', () => {
    if (!run) throw new Error('suite did not run');
    for (const s of run.skipped) expect(s.reason.length).toBeGreaterThan(0);
    // No worker pool was given, so fft.js over workers is skipped with that reason.
    expect(run.skipped.some((s) => s.what.startsWith('fft.js workers'))).toBe(true);
  });
});
