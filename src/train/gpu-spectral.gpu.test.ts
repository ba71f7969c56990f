/**
 * The trainer's spectral step on the GPU equals the CPU one on the same gradient, within the
 * fp32 tolerance of a forward and an inverse FFT (`spectralTolerance(p)`, twice the engine's
 * `fftTolerance` of the padded row length, relative L∞ per array): the `smooth` filter on a
 * network's real gradients, the `penalty`'s loss and gradient on real activations, and a whole
 * shard of local steps (Adam), through the backend a browser worker makes from `navigator.gpu`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { linfRelError } from '../engine';
import { nodeAdapter } from '../engine/testing/node-gpu';
import { createRng } from '../measure';
import { twoSpirals } from './datasets';
import { spectralTolerance } from './engine-filter';
import { gpuSpectralBackend, spectralBackends, spectralShardTask } from './gpu-spectral';
import { REGULARIZER_DEFAULTS, runLocalSteps, type ShardInput } from './local-steps';
import { forward, gradients } from './mlp';
import { cloneState, initNetwork, maxParameterDifference, parameterArrays } from './network';
import { OPTIMIZER_DEFAULTS, smoothGradients, smoothingGroups } from './optim';
import { CPU_SPECTRAL, type SpectralBackend } from './spectral-backend';
import { gainCache, nextPowerOfTwo, resolventPenaltyAsync } from './spectral';

const data = twoSpirals(128, 3);
const net = () =>
  initNetwork({ sizes: [2, 24, 20, 2], activation: 'tanh', optimizer: 'adam' }, createRng(11));
const gains = gainCache({ phi: 1.618034, kUnit: 'radians' });
let gpu: SpectralBackend;
const lost: string[] = [];

afterAll(() => gpu.dispose?.());

describe('the spectral step on the GPU engine', () => {
  it('is made from WebGPU and passes its own check against the CPU filter', async () => {
    const adapter = await nodeAdapter();
    gpu = await gpuSpectralBackend({ requestAdapter: () => Promise.resolve(adapter) }, () =>
      lost.push('device lost'),
    );
    expect(gpu.note).toBeUndefined();
    expect(gpu.kind).toBe('gpu');
    expect(gpu.check?.error).toBeLessThanOrEqual(gpu.check?.tolerance as number);
    expect(gpu.check?.error).toBeGreaterThan(0); // float32 against float64: never bit-equal
  });

  it('smooths the same gradient as the CPU, array by array, within the tolerance', async () => {
    const s = net();
    const { grads } = gradients(s, { x: data.x, y: data.y, count: data.count }, 'ce');
    const onCpu = grads.map((g) => g.slice());
    const onGpu = grads.map((g) => g.slice());
    await smoothGradients(s, onCpu, gains.r, CPU_SPECTRAL.filter);
    await smoothGradients(s, onGpu, gains.r, gpu.filter);
    const widths = [2, 24, 20, 24, 20, 2]; // fan-ins, then the layers' unit counts
    let compared = 0;
    onCpu.forEach((ref, i) => {
      const width = widths[i] as number;
      const tol = spectralTolerance(nextPowerOfTwo(width));
      expect(linfRelError(onGpu[i] as Float64Array, ref), `array ${i}`).toBeLessThanOrEqual(tol);
      // The filter changed these arrays, so agreeing is not agreeing on the identity.
      expect(linfRelError(grads[i] as Float64Array, ref)).toBeGreaterThan(1e-3);
      compared++;
    });
    expect(compared).toBe(parameterArrays(s).length);
    expect(smoothingGroups(s).map((g) => g.p)).toEqual([2, 32]);
  });

  it("gives the penalty's loss and gradient on the same activations within the tolerance", async () => {
    const s = net();
    const a = forward(s, data.x, data.count)[1] as Float64Array;
    const tol = spectralTolerance(32);
    const cpu = await resolventPenaltyAsync(a, 24, data.count, 0.01, gains, CPU_SPECTRAL.filter);
    const onGpu = await resolventPenaltyAsync(a, 24, data.count, 0.01, gains, gpu.filter);
    expect(Math.abs(onGpu.loss - cpu.loss) / cpu.loss).toBeLessThanOrEqual(tol);
    expect(linfRelError(onGpu.grad, cpu.grad)).toBeLessThanOrEqual(tol);
  });

  it('trains a shard to the same state on either backend (Adam, smooth and penalty)', async () => {
    for (const kind of ['smooth', 'penalty'] as const) {
      const input: ShardInput = {
        state: net(),
        steps: [0, 1, 2, 3].map((k) => ({
          x: data.x.slice(k * 64, (k + 1) * 64),
          y: data.y.slice(k * 32, (k + 1) * 32),
          count: 32,
        })),
        params: {
          loss: 'ce',
          optimizer: { ...OPTIMIZER_DEFAULTS, lr: 0.01 },
          regularizer: { ...REGULARIZER_DEFAULTS, kind, lambda: 0.01 },
        },
      };
      const start = cloneState(input.state);
      const cpu = await runLocalSteps({ ...input, state: cloneState(start) });
      const task = spectralShardTask(spectralBackends(() => Promise.resolve(gpu)));
      const onGpu = await task({ ...input, state: cloneState(start) });
      expect(onGpu.spectral?.backend).toBe('gpu');
      expect(cpu.spectral?.backend).toBe('cpu');
      // Four Adam steps of lr 0.01 moved the weights by ~0.04; the backends differ by far less.
      expect(maxParameterDifference(cpu.state, start)).toBeGreaterThan(0.01);
      expect(maxParameterDifference(onGpu.state, cpu.state)).toBeLessThan(1e-6);
      expect(Math.abs(onGpu.lossSum - cpu.lossSum) / cpu.lossSum).toBeLessThan(1e-6);
    }
    expect(lost).toEqual([]);
  });
});
