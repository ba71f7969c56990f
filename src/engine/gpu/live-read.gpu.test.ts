/**
 * The live loop's one-signal read of a prepared operation (issue 10) on real WebGPU: only the
 * chosen signal and the sums come back, the numbers match the float64 reference, reads overlap
 * through the plan's ring of staging buffers, a steady read pushes no error scope, and a failed
 * read still comes back typed (validation, device loss).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCpuEngine } from '../cpu-engine';
import { DeviceLostError, EngineArgumentError, GpuValidationError } from '../errors';
import { uniformSigned } from '../../workloads/rng';
import { fftTolerance, linfRelError, maxRelDiff } from '../testing/compare';
import { gpuFixture } from '../testing/gpu-fixture';
import { nodeDevice } from '../testing/node-gpu';
import type { ResolventOptions, ResolventResult } from '../types';
import { createEngine } from './engine';
import { READ_RING_SLOTS } from './plan';

const gpu = gpuFixture();
const cpu = createCpuEngine();

const N = 512;
const BATCH = 6;
const data = uniformSigned(7, N * BATCH);
const options: ResolventOptions = { shape: [N], batch: BATCH, phi: 2.5, real: true };

function signalOf(all: ArrayLike<number>, signal: number): Float64Array {
  return Float64Array.from(Array.prototype.slice.call(all, 2 * signal * N, 2 * (signal + 1) * N));
}

/** The one-signal result against the float64 reference: the signal, and every figure whole. */
function expectSignal(got: ResolventResult, ref: ResolventResult, signal: number): void {
  expect(got.filtered).toHaveLength(2 * N);
  expect(linfRelError(got.filtered, signalOf(ref.filtered, signal))).toBeLessThanOrEqual(
    2 * fftTolerance(N),
  );
  expect(got.coherence).toHaveLength(BATCH);
  expect(maxRelDiff(got.coherence, ref.coherence)).toBeLessThan(1e-5);
  expect(maxRelDiff(got.energy, ref.energy)).toBeLessThan(1e-5);
  expect(maxRelDiff(got.highKEnergy, ref.highKEnergy)).toBeLessThan(1e-5);
  expect(
    maxRelDiff(
      [got.batchCoherence, got.batchHighKEnergy],
      [ref.batchCoherence, ref.batchHighKEnergy],
    ),
  ).toBeLessThan(1e-5);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PreparedOp.read({ signal })', () => {
  it('reads back one signal and the sums, matching the reference and the whole read', async () => {
    const engine = gpu.engine;
    const op = await engine.prepare('resolvent', data, options);
    const ref = await cpu.resolvent(data, options);
    const whole = await op.read();
    const timestamps = engine.timingMethod === 'timestamp' ? 16 : 0;
    for (const signal of [0, 3, BATCH - 1]) {
      const before = engine.transferred();
      const got = await op.read({ signal });
      const after = engine.transferred();
      // One signal (8 bytes a complex value), BATCH + 1 vec4 sums, and the pass's timestamps.
      expect(after.readBack - before.readBack).toBe(N * 8 + (BATCH + 1) * 16 + timestamps);
      expect(after.uploaded - before.uploaded).toBe(0);
      expectSignal(got, ref, signal);
      // The same run as the whole read, so the same float32 numbers.
      expect(Array.from(got.filtered)).toEqual(Array.from(signalOf(whole.filtered, signal)));
      expect(got.timing.dispatches).toBe(op.dispatches);
    }
    op.destroy();
  });

  it('reads one 2D signal (rows × columns) as the whole read has it', async () => {
    const shape = [16, 64] as const;
    const batch = 3;
    const images = uniformSigned(11, 16 * 64 * batch);
    const o: ResolventOptions = { shape, batch, phi: 4, real: true };
    const op = await gpu.engine.prepare('resolvent', images, o);
    const whole = await op.read();
    const ref = await cpu.resolvent(images, o);
    const got = await op.read({ signal: 2 });
    const size = 16 * 64;
    const slice = Array.from(whole.filtered.subarray(2 * 2 * size, 3 * 2 * size));
    expect(Array.from(got.filtered)).toEqual(slice);
    expect(
      linfRelError(got.filtered, Array.from(ref.filtered).slice(4 * size)),
    ).toBeLessThanOrEqual(2 * fftTolerance(size));
    expect(maxRelDiff(got.coherence, ref.coherence)).toBeLessThan(1e-5);
    op.destroy();
  });

  it('rejects a signal outside the batch and an operator without a one-signal decoder', async () => {
    const op = await gpu.engine.prepare('resolvent', data, options);
    await expect(op.read({ signal: BATCH })).rejects.toThrow(EngineArgumentError);
    await expect(op.read({ signal: 1.5 })).rejects.toThrow(
      'prepared resolvent: signal must be an integer in [0, 5] (the batch has 6 signals); got 1.5.',
    );
    op.destroy();
    const fft = await gpu.engine.prepare('fft', data, { shape: [N], batch: BATCH, real: true });
    await expect(fft.read({ signal: 0 })).rejects.toThrow(
      /prepared fft: reading one signal needs an operator with decodeSignal \(resolvent, reductions\)/,
    );
    fft.destroy();
  });

  it(`keeps up to ${READ_RING_SLOTS} reads in flight: a read is queued while the last is not mapped`, async () => {
    const device = gpu.device;
    // Hold the map of the first ring slot until the test lets it go: with one staging buffer,
    // the second read could not be queued before the first was mapped and unmapped.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ringSlots: GPUBuffer[] = [];
    const createBuffer = device.createBuffer.bind(device);
    vi.spyOn(device, 'createBuffer').mockImplementation((descriptor) => {
      const buffer = createBuffer(descriptor);
      if (descriptor.label?.includes('readback ring')) {
        ringSlots.push(buffer);
        if (ringSlots.length === 1) {
          const mapAsync = buffer.mapAsync.bind(buffer);
          buffer.mapAsync = async (...args) => {
            await held;
            return mapAsync(...args);
          };
        }
      }
      return buffer;
    });
    const op = await gpu.engine.prepare('resolvent', data, options);
    const ref = await cpu.resolvent(data, options);

    const first = await op.queueRead({ signal: 1 });
    let firstDone = false;
    const firstResult = first.result().then((r) => {
      firstDone = true;
      return r;
    });
    const timeout = new Promise<'timed out'>((resolve) =>
      setTimeout(() => resolve('timed out'), 5000),
    );
    let secondResult: ResolventResult;
    try {
      const second = await Promise.race([op.queueRead({ signal: 4 }), timeout]);
      if (second === 'timed out') throw new Error('the second read waited for the first map');
      // The second frame's GPU work is queued and read while the first one's map is held.
      secondResult = await second.result();
      expect(firstDone).toBe(false);
    } finally {
      // Even on failure: the engine is shared with the file's other tests.
      release();
    }
    expect(ringSlots.length).toBe(READ_RING_SLOTS);
    expect(READ_RING_SLOTS).toBeGreaterThanOrEqual(2);
    expectSignal(await firstResult, ref, 1);
    expectSignal(secondResult, ref, 4);

    // More reads than slots: each waits only for its slot, and all come back right.
    const reads = await Promise.all(
      [0, 1, 2, 3, 4, 5, 0, 1].map((signal) => op.queueRead({ signal })),
    );
    const results = await Promise.all(reads.map((r) => r.result()));
    results.forEach((r, i) => expectSignal(r, ref, reads[i]?.signal ?? -1));
    op.destroy();
  });

  it('a discarded read counts its bytes once and rejects if taken later', async () => {
    const engine = gpu.engine;
    const op = await engine.prepare('resolvent', data, options);
    const pending = await op.queueRead({ signal: 2 });
    const before = engine.transferred().readBack;
    pending.discard();
    pending.discard();
    const timestamps = engine.timingMethod === 'timestamp' ? 16 : 0;
    expect(engine.transferred().readBack - before).toBe(N * 8 + (BATCH + 1) * 16 + timestamps);
    await expect(pending.result()).rejects.toThrow('the read of signal 2 was discarded');
    op.destroy();
  });

  it('a steady read pushes no error scope; upload and the whole read still do', async () => {
    const device = gpu.device;
    const push = vi.spyOn(device, 'pushErrorScope');
    const op = await gpu.engine.prepare('resolvent', data, options);
    expect(push).toHaveBeenCalled();
    push.mockClear();
    for (let i = 0; i < 4; i++) await op.read({ signal: i });
    const pending = await op.queueRead({ signal: 5 });
    await pending.result();
    expect(push).not.toHaveBeenCalled();
    await op.read();
    expect(push).toHaveBeenCalled();
    op.destroy();
  });
});

describe('a failed steady read comes back typed', () => {
  it('a validation error in the steady submit is redone under scopes and thrown typed', async () => {
    const device = await nodeDevice();
    const uncaptured: string[] = [];
    device.addEventListener('uncapturederror', (e) => {
      uncaptured.push((e as GPUUncapturedErrorEvent).error.message);
    });
    const engine = await createEngine(device);
    const dataBuffers: GPUBuffer[] = [];
    const createBuffer = device.createBuffer.bind(device);
    vi.spyOn(device, 'createBuffer').mockImplementation((descriptor) => {
      const buffer = createBuffer(descriptor);
      if (/ data [ABC]$/.test(descriptor.label ?? '')) dataBuffers.push(buffer);
      return buffer;
    });
    const push = vi.spyOn(device, 'pushErrorScope');
    const op = await engine.prepare('resolvent', data, options);
    const ref = await cpu.resolvent(data, options);
    expectSignal(await op.read({ signal: 2 }), ref, 2);
    push.mockClear();

    // A data buffer the dispatches use, destroyed under the plan: every submit is invalid.
    expect(dataBuffers.length).toBeGreaterThanOrEqual(2);
    for (const b of dataBuffers) b.destroy();
    const failed = op.read({ signal: 2 });
    await expect(failed).rejects.toThrow(GpuValidationError);
    await expect(failed).rejects.toThrow(/^prepared resolvent: GPU validation error/);
    // The steady submit went without scopes and reported an uncaptured error; the redo scoped it.
    expect(uncaptured.length).toBeGreaterThanOrEqual(1);
    expect(push).toHaveBeenCalledWith('validation');
    op.destroy();
    engine.destroy();
    device.destroy();
  });

  it('a device lost under a steady read gives DeviceLostError', async () => {
    const device = await nodeDevice();
    const engine = await createEngine(device);
    const op = await engine.prepare('resolvent', data, options);
    await op.read({ signal: 0 });
    const pending = await op.queueRead({ signal: 1 });
    device.destroy();
    await expect(pending.result()).rejects.toThrow(DeviceLostError);
    await expect(op.read({ signal: 1 })).rejects.toThrow(DeviceLostError);
    engine.destroy();
  });
});
