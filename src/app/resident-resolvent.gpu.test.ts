/**
 * The live loop's resident resolvent (issue 10) on real WebGPU: the batch is uploaded once and
 * later frames with the same workload and options write nothing to the GPU (measured by the
 * engine's transfer meter) and read back only the result and its sums; the numbers match the
 * float64 reference; a change of φ or of the workload uploads again, and a streaming workload
 * (live mode) uploads every frame.
 */
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine/cpu-engine';
import { fftTolerance, linfRelError, maxRelDiff } from '../engine/testing/compare';
import { gpuFixture } from '../engine/testing/gpu-fixture';
import type { ResolventOptions } from '../engine/types';
import { uniformSigned } from '../workloads/rng';
import { createResidentResolvent, transferMark, transferSince } from './resident-resolvent';
import type { Workload } from './workload-source';

const gpu = gpuFixture();
const cpu = createCpuEngine();

function workload(key: string, n: number, batch: number, seed: number): Workload {
  return { key, shape: [n], batch, data: uniformSigned(seed, n * batch) };
}

const options = (w: Workload, phi: number): ResolventOptions => ({
  shape: w.shape,
  batch: w.batch,
  phi,
  lambda: 0.01,
  kUnit: 'index',
  kScale: 1,
  real: true,
});

describe('resident resolvent', () => {
  it('uploads once; an unchanged frame writes nothing and reads back only result and sums', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    const w = workload('a', 1024, 8, 1);
    const o = options(w, 1.618034);

    let mark = transferMark(engine);
    const first = await resident.run(engine, w, o);
    const firstMoved = transferSince(engine, mark);
    // The complex batch (8 bytes a value) went up once.
    expect(firstMoved.uploaded).toBeGreaterThanOrEqual(w.batch * 1024 * 8);

    for (let frame = 0; frame < 3; frame++) {
      mark = transferMark(engine);
      const again = await resident.run(engine, w, o);
      const moved = transferSince(engine, mark);
      expect(moved.uploaded).toBe(0);
      // Filtered batch + per-signal and batch sums (+ the pass's two timestamps, if timed).
      const timestamps = engine.timingMethod === 'timestamp' ? 16 : 0;
      expect(moved.readBack).toBe(w.batch * 1024 * 8 + w.batch * 16 + 16 + timestamps);
      expect(Array.from(again.filtered)).toEqual(Array.from(first.filtered));
    }

    const ref = await cpu.resolvent(w.data, o);
    expect(linfRelError(first.filtered, ref.filtered)).toBeLessThanOrEqual(2 * fftTolerance(1024));
    expect(maxRelDiff(first.coherence, ref.coherence)).toBeLessThan(1e-5);
    resident.release();
  });

  it('a new φ or a new workload is uploaded and computed afresh', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    const w = workload('b', 256, 4, 2);
    const a = await resident.run(engine, w, options(w, 1));

    let mark = transferMark(engine);
    const b = await resident.run(engine, w, options(w, 20));
    expect(transferSince(engine, mark).uploaded).toBeGreaterThan(0);
    const refB = await cpu.resolvent(w.data, options(w, 20));
    expect(maxRelDiff(b.coherence, refB.coherence)).toBeLessThan(1e-5);
    expect(b.batchCoherence).not.toBeCloseTo(a.batchCoherence, 3);

    const w2 = workload('c', 256, 4, 3);
    mark = transferMark(engine);
    const c = await resident.run(engine, w2, options(w2, 20));
    expect(transferSince(engine, mark).uploaded).toBeGreaterThan(0);
    const refC = await cpu.resolvent(w2.data, options(w2, 20));
    expect(linfRelError(c.filtered, refC.filtered)).toBeLessThanOrEqual(2 * fftTolerance(256));
    resident.release();
  });

  it('a streaming workload (live mode) uploads every frame, and the meter counts it', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    for (let frame = 1; frame <= 3; frame++) {
      const w: Workload = { ...workload(`live:${frame}`, 256, 4, 10 + frame), streaming: true };
      const mark = transferMark(engine);
      const r = await resident.run(engine, w, options(w, 3));
      // Each frame's batch goes up (as complex float32 or real float32, at least 4 bytes a value).
      expect(transferSince(engine, mark).uploaded).toBeGreaterThanOrEqual(w.batch * 256 * 4);
      const ref = await cpu.resolvent(w.data, options(w, 3));
      expect(linfRelError(r.filtered, ref.filtered)).toBeLessThanOrEqual(2 * fftTolerance(256));
      expect(maxRelDiff(r.coherence, ref.coherence)).toBeLessThan(1e-5);
    }
    resident.release();
  });

  it('the CPU engine runs the same frame and moves nothing', async () => {
    const resident = createResidentResolvent();
    const w = workload('d', 64, 2, 4);
    const mark = transferMark(cpu);
    const r = await resident.run(cpu, w, options(w, 1.5));
    expect(transferSince(cpu, mark)).toEqual({ uploaded: 0, readBack: 0 });
    expect(r.filtered.length).toBe(64 * 2 * 2);
  });
});
