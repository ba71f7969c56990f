import { describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import { twoSpirals } from './datasets';
import {
  gpuSpectralBackend,
  SpectralGpuError,
  spectralBackends,
  spectralShardTask,
} from './gpu-spectral';
import {
  REGULARIZER_DEFAULTS,
  runLocalSteps,
  type RegularizerKind,
  type ShardInput,
} from './local-steps';
import { cloneState, initNetwork } from './network';
import { OPTIMIZER_DEFAULTS } from './optim';
import { CPU_SPECTRAL, type SpectralBackend } from './spectral-backend';

function shard(kind: RegularizerKind, steps = 3): ShardInput {
  const data = twoSpirals(96, 2);
  const state = initNetwork(
    {
      sizes: [2, 12, 10, 2],
      activation: 'tanh',
      optimizer: 'adam',
      gradientEma: kind === 'grokfast',
    },
    createRng(5),
  );
  const batches = Array.from({ length: steps }, (_, k) => ({
    x: data.x.slice(k * 64, (k + 1) * 64),
    y: data.y.slice(k * 32, (k + 1) * 32),
    count: 32,
  }));
  return {
    state,
    steps: batches,
    params: {
      loss: 'ce',
      optimizer: { ...OPTIMIZER_DEFAULTS, lr: 0.01 },
      regularizer: { ...REGULARIZER_DEFAULTS, kind, lambda: 0.01 },
    },
  };
}

const copy = (s: ShardInput): ShardInput => ({ ...s, state: cloneState(s.state) });

/** A stand-in GPU backend: the CPU's numbers, failing from its `failAt`-th call on. */
function fakeGpu(failAt = Infinity): SpectralBackend & { calls: number } {
  const b = {
    kind: 'gpu' as const,
    calls: 0,
    filter: (d: Float64Array, n: number, r: number, g: Float64Array) => {
      if (++b.calls >= failAt)
        return Promise.reject(new SpectralGpuError(new Error('device lost')));
      return CPU_SPECTRAL.filter(d, n, r, g);
    },
  };
  return b;
}

describe("the trainer's spectral step and its backend", () => {
  it('reports where the step ran and how many filter calls each regularizer made', async () => {
    // smooth: one call per padded width per step (widths 2, 12, 10 → 2, 16; thresholds 12, 10, 2).
    const smooth = await runLocalSteps(copy(shard('smooth')));
    expect(smooth.spectral).toMatchObject({ backend: 'cpu', calls: 3 * 2 });
    // penalty: one call per step, on the first hidden layer's activations.
    expect((await runLocalSteps(copy(shard('penalty')))).spectral).toMatchObject({ calls: 3 });
    expect((await runLocalSteps(copy(shard('none')))).spectral).toBeNull();
    expect((await runLocalSteps(copy(shard('grokfast')))).spectral).toBeNull();
  });

  it('without WebGPU, or without an adapter, the CPU runs the step and says why', async () => {
    const none = await gpuSpectralBackend(undefined, () => undefined);
    expect(none).toMatchObject({ kind: 'cpu', note: 'no WebGPU in this worker' });
    const noAdapter = await gpuSpectralBackend(
      { requestAdapter: () => Promise.resolve(null) },
      () => undefined,
    );
    expect(noAdapter).toMatchObject({ kind: 'cpu', note: 'WebGPU has no adapter' });
    const failing = await gpuSpectralBackend(
      { requestAdapter: () => Promise.reject(new Error('adapter refused')) },
      () => undefined,
    );
    expect(failing.note).toBe('WebGPU failed: adapter refused');
  });

  it('makes the GPU backend once per thread, and never for the CPU preference', async () => {
    let made = 0;
    const backends = spectralBackends(() => {
      made++;
      return Promise.resolve(fakeGpu());
    });
    const task = spectralShardTask(backends);
    const out = await task(copy(shard('smooth')));
    await task(copy(shard('penalty')));
    expect(made).toBe(1);
    expect(out.spectral?.backend).toBe('gpu');
    const cpu = await task({
      ...copy(shard('smooth')),
      params: { ...shard('smooth').params, spectral: 'cpu' },
    });
    expect(cpu.spectral?.backend).toBe('cpu');
    await task(copy(shard('none')));
    expect(made).toBe(1);
  });

  it('redoes a shard on the CPU when the GPU fails mid-way, with the result of a CPU-only shard', async () => {
    let made = 0;
    const backends = spectralBackends(() => Promise.resolve(made++ === 0 ? fakeGpu(4) : fakeGpu()));
    const task = spectralShardTask(backends);
    const input = shard('smooth');
    const expected = await runLocalSteps(copy(input));
    const out = await task(copy(input));
    expect(out.spectral).toMatchObject({
      backend: 'cpu',
      note: 'GPU spectral step failed: device lost',
    });
    expect(out.state).toEqual(expected.state);
    // The failed backend was dropped: the next shard asks for a fresh one.
    expect((await task(copy(input))).spectral?.backend).toBe('gpu');
    expect(made).toBe(2);
  });
});
