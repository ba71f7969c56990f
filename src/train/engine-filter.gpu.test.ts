/**
 * The trainer's spectral step on the engine: a network's real gradients, smoothed by R through
 * the GPU engine's `filter` (float32) and the CPU engine's (float64), against the trainer's own
 * float64 `cpuFilter`. Tolerance: float32 FFTs of 16–32 points, relative L∞ 1e-5 of the row.
 */
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { gpuFixture } from '../engine/testing/gpu-fixture';
import { createRng } from '../measure';
import { twoSpirals } from './datasets';
import { engineFilter } from './engine-filter';
import { gradients } from './mlp';
import { initNetwork } from './network';
import { smoothingLayout } from './optim';
import { cpuFilter, nextPowerOfTwo, resolventGains } from './spectral';

const gpu = gpuFixture();

function maxRelative(a: Float64Array, b: Float64Array): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    err = Math.max(err, Math.abs((a[i] as number) - (b[i] as number)));
    scale = Math.max(scale, Math.abs(b[i] as number));
  }
  return err / scale;
}

describe('smoothed gradients through the engine', () => {
  it("GPU filter, CPU engine filter and the trainer's filter agree on a real gradient", async () => {
    const data = twoSpirals(64, 1);
    const s = initNetwork(
      { sizes: [2, 24, 20, 2], activation: 'tanh', optimizer: 'sgd' },
      createRng(1),
    );
    const { grads } = gradients(s, { x: data.x, y: data.y, count: data.count }, 'ce');
    const layout = smoothingLayout(s);
    const onGpu = engineFilter(gpu.engine);
    const onCpuEngine = engineFilter(createCpuEngine());
    let compared = 0;
    for (const [i, { rows, width }] of layout.entries()) {
      if (width < 16) continue; // fan-ins 24 and 20 and the thresholds of 24 and 20 units, padded to 32
      const p = nextPowerOfTwo(width);
      const g = grads[i] as Float64Array;
      const padded = new Float64Array(rows * p);
      for (let r = 0; r < rows; r++) padded.set(g.subarray(r * width, (r + 1) * width), r * p);
      const gains = resolventGains(p, { phi: 1.618034, kUnit: 'radians' }).r;
      const reference = cpuFilter(padded, p, rows, gains);
      expect(maxRelative(await onCpuEngine(padded, p, rows, gains), reference)).toBeLessThan(1e-12);
      expect(maxRelative(await onGpu(padded, p, rows, gains), reference)).toBeLessThan(1e-5);
      // The filter changed the gradient (it is not the identity on these rows).
      expect(maxRelative(padded, reference)).toBeGreaterThan(1e-3);
      compared++;
    }
    expect(compared).toBe(4);
  });
});
