/**
 * The 'subgroups' variant is offered only where its lane probe passes, and refused clearly
 * elsewhere. (Its accuracy runs with the other variants in fft.gpu.test.ts and
 * resolvent.gpu.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { EngineArgumentError } from '../errors';
import { nodeAdapter } from '../testing/node-gpu';
import { gpuFixture } from '../testing/gpu-fixture';
import { createEngine } from './engine';
import { subgroupLanes } from './subgroup-probe';

const gpu = gpuFixture();

describe('subgroups variant', () => {
  it('the probe gives a power-of-two lane count within the adapter’s smallest subgroup', async () => {
    const lanes = await subgroupLanes(gpu.device);
    const info = (gpu.device as GPUDevice & { adapterInfo: { subgroupMinSize?: number } })
      .adapterInfo;
    if (!gpu.device.features.has('subgroups')) {
      expect(lanes).toBe(0);
      return;
    }
    expect(lanes).toBeGreaterThanOrEqual(2);
    expect(Number.isInteger(Math.log2(lanes))).toBe(true);
    expect(lanes).toBeLessThanOrEqual(info.subgroupMinSize ?? 0);
    expect(gpu.engine.subgroupLanes).toBe(lanes);
    expect(gpu.engine.variants).toContain('subgroups');
    // Fewer passes than plain stages: that is the point of sharing butterflies.
    const data = new Float32Array(2 * 4096).fill(0.25);
    const sub = await gpu.engine.prepare('fft', data, {
      shape: [4096],
      batch: 1,
      variant: 'subgroups',
    });
    const plain = await gpu.engine.prepare('fft', data, {
      shape: [4096],
      batch: 1,
      variant: 'stages',
    });
    expect(sub.dispatches).toBeLessThan(plain.dispatches);
    sub.destroy();
    plain.destroy();
  });

  it('a device without the subgroups feature runs the other variants and refuses this one by name', async () => {
    const device = await (await nodeAdapter()).requestDevice({ label: 'no subgroups' });
    try {
      expect(device.features.has('subgroups')).toBe(false);
      expect(await subgroupLanes(device)).toBe(0);
      const engine = await createEngine(device);
      expect(engine.variants).toEqual(['workgroup', 'stages']);
      expect(engine.subgroupLanes).toBe(0);
      const error = await createEngine(device, { variant: 'subgroups' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineArgumentError);
      expect((error as EngineArgumentError).field).toBe('variant');
      expect((error as Error).message).toMatch(
        /variant must be one of workgroup, stages on this device; got 'subgroups'.*subgroups feature/,
      );
      const prepared = engine.prepare('fft', new Float32Array(16), {
        shape: [8],
        batch: 1,
        variant: 'subgroups',
      });
      await expect(prepared).rejects.toThrow(EngineArgumentError);
      engine.destroy();
    } finally {
      device.destroy();
    }
  });
});
