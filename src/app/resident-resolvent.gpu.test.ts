/**
 * The live loop's resident resolvent (issue 10) on real WebGPU: the batch is uploaded once and
 * later frames with the same workload and options write nothing to the GPU (measured by the
 * engine's transfer meter) and read back only the shown signal and the sums; the numbers match
 * the float64 reference; another shown signal comes on the next frame with no upload; a running
 * loop's frames overlap (the next is queued before this one is read) and still show exactly
 * their own inputs; a change of φ or of the workload uploads again, and a streaming workload
 * (live mode) uploads every frame.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCpuEngine } from '../engine/cpu-engine';
import { fftTolerance, linfRelError, maxRelDiff } from '../engine/testing/compare';
import { gpuFixture } from '../engine/testing/gpu-fixture';
import type { ResolventOptions } from '../engine/types';
import { uniformSigned } from '../workloads/rng';
import type { ResolventResult } from '../engine/types';
import {
  createResidentResolvent,
  transferMark,
  transferSince,
  type FrameSelect,
} from './resident-resolvent';
import type { Workload } from './workload-source';

const gpu = gpuFixture();
const cpu = createCpuEngine();

function workload(key: string, n: number, batch: number, seed: number): Workload {
  return { key, shape: [n], batch, data: uniformSigned(seed, n * batch) };
}

/** A paused frame showing signal `signal` (nothing queued ahead). */
const show = (signal: number): FrameSelect => ({ signal, ahead: false });

/** Signal `signal` of a whole-batch result. */
function signalOf(r: ResolventResult, signal: number, n: number): number[] {
  return Array.from(r.filtered.subarray(2 * signal * n, 2 * (signal + 1) * n));
}

/** The frame's one signal and its whole-batch figures against the float64 reference. */
function expectFrame(got: ResolventResult, ref: ResolventResult, signal: number, n: number): void {
  expect(got.filtered).toHaveLength(2 * n);
  expect(linfRelError(got.filtered, signalOf(ref, signal, n))).toBeLessThanOrEqual(
    2 * fftTolerance(n),
  );
  expect(maxRelDiff(got.coherence, ref.coherence)).toBeLessThan(1e-5);
  expect(maxRelDiff(got.energy, ref.energy)).toBeLessThan(1e-5);
  expect(maxRelDiff([got.batchCoherence], [ref.batchCoherence])).toBeLessThan(1e-5);
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
  it('uploads once; an unchanged frame writes nothing and reads back one signal and the sums', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    const n = 1024;
    const w = workload('a', n, 8, 1);
    const o = options(w, 1.618034);
    const ref = await cpu.resolvent(w.data, o);

    let mark = transferMark(engine);
    const first = await resident.run(engine, w, o, show(3));
    const firstMoved = transferSince(engine, mark);
    // The complex batch (8 bytes a value) went up once.
    expect(firstMoved.uploaded).toBeGreaterThanOrEqual(w.batch * n * 8);
    expectFrame(first, ref, 3, n);

    // One signal (8 bytes a complex value), a vec4 of sums per signal and one for the batch,
    // and the pass's two int64 timestamps when the device times passes.
    const timestamps = engine.timingMethod === 'timestamp' ? 16 : 0;
    const perFrame = n * 8 + w.batch * 16 + 16 + timestamps;
    for (let frame = 0; frame < 3; frame++) {
      mark = transferMark(engine);
      const again = await resident.run(engine, w, o, show(3));
      const moved = transferSince(engine, mark);
      expect(moved).toEqual({ uploaded: 0, readBack: perFrame });
      expect(Array.from(again.filtered)).toEqual(Array.from(first.filtered));
    }

    // Another shown signal: on the very next frame, still with no upload.
    mark = transferMark(engine);
    const other = await resident.run(engine, w, o, show(6));
    expect(transferSince(engine, mark)).toEqual({ uploaded: 0, readBack: perFrame });
    expectFrame(other, ref, 6, n);
    resident.release();
  });

  it('a running loop queues the next frame ahead; each frame shows its own inputs', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    const n = 512;
    const w = workload('ahead', n, 6, 5);
    const o = options(w, 3);
    const ref = await cpu.resolvent(w.data, o);
    const timestamps = engine.timingMethod === 'timestamp' ? 16 : 0;
    const perFrame = n * 8 + w.batch * 16 + 16 + timestamps;
    const submit = vi.spyOn(engine.device.queue, 'submit');
    // Prepared on the first frame; from the second on, each frame queues the next.
    await resident.run(engine, w, o, { signal: 1, ahead: true });
    submit.mockClear();
    // Steady frames, then a change of shown signal (the queued read is dropped, counted), then a
    // pause (nothing queued) and a resumed frame.
    const frames: { signal: number; ahead: boolean; bytes: number }[] = [
      { signal: 1, ahead: true, bytes: perFrame },
      { signal: 1, ahead: true, bytes: perFrame },
      { signal: 1, ahead: true, bytes: perFrame },
      { signal: 4, ahead: true, bytes: 2 * perFrame },
      { signal: 4, ahead: false, bytes: perFrame },
      { signal: 4, ahead: true, bytes: perFrame },
    ];
    const submits: number[] = [];
    for (const f of frames) {
      const mark = transferMark(engine);
      const before = submit.mock.calls.length;
      const r = await resident.run(engine, w, o, f);
      submits.push(submit.mock.calls.length - before);
      expect(transferSince(engine, mark), JSON.stringify(f)).toEqual({
        uploaded: 0,
        readBack: f.bytes,
      });
      expectFrame(r, ref, f.signal, n);
    }
    // Frame 1 runs its own read and queues the next; steady frames take the queued one and
    // queue one more; the change runs its own; the pause queues none, so the resumed frame
    // runs its own and queues again.
    expect(submits).toEqual([2, 1, 1, 2, 0, 2]);
    resident.release();
  });

  it('a new φ or a new workload is uploaded and computed afresh', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    const w = workload('b', 256, 4, 2);
    const a = await resident.run(engine, w, options(w, 1), show(0));

    let mark = transferMark(engine);
    const b = await resident.run(engine, w, options(w, 20), show(0));
    expect(transferSince(engine, mark).uploaded).toBeGreaterThan(0);
    const refB = await cpu.resolvent(w.data, options(w, 20));
    expect(maxRelDiff(b.coherence, refB.coherence)).toBeLessThan(1e-5);
    expect(b.batchCoherence).not.toBeCloseTo(a.batchCoherence, 3);

    const w2 = workload('c', 256, 4, 3);
    mark = transferMark(engine);
    const c = await resident.run(engine, w2, options(w2, 20), show(2));
    expect(transferSince(engine, mark).uploaded).toBeGreaterThan(0);
    const refC = await cpu.resolvent(w2.data, options(w2, 20));
    expectFrame(c, refC, 2, 256);
    resident.release();
  });

  it('a streaming workload (live mode) uploads every frame, and the meter counts it', async () => {
    const engine = gpu.engine;
    const resident = createResidentResolvent();
    for (let frame = 1; frame <= 3; frame++) {
      const w: Workload = { ...workload(`live:${frame}`, 256, 4, 10 + frame), streaming: true };
      const mark = transferMark(engine);
      // `ahead` is ignored: a streaming workload is not resident, nothing is queued.
      const r = await resident.run(engine, w, options(w, 3), { signal: 1, ahead: true });
      // Each frame's batch goes up (as complex float32 or real float32, at least 4 bytes a value).
      expect(transferSince(engine, mark).uploaded).toBeGreaterThanOrEqual(w.batch * 256 * 4);
      const ref = await cpu.resolvent(w.data, options(w, 3));
      // The run reads the whole batch back; the frame keeps the shown signal, as on the GPU path.
      expectFrame(r, ref, 1, 256);
    }
    resident.release();
  });

  it('the CPU engine runs the same frame and moves nothing', async () => {
    const resident = createResidentResolvent();
    const w = workload('d', 64, 2, 4);
    const mark = transferMark(cpu);
    const r = await resident.run(cpu, w, options(w, 1.5), show(1));
    expect(transferSince(cpu, mark)).toEqual({ uploaded: 0, readBack: 0 });
    // The shown signal alone, as the GPU path returns it.
    expect(r.filtered.length).toBe(64 * 2);
    const ref = await cpu.resolvent(w.data, options(w, 1.5));
    expect(Array.from(r.filtered)).toEqual(signalOf(ref, 1, 64));
    expect(r.coherence).toHaveLength(2);
  });
});
