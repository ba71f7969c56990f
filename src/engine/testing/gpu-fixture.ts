/**
 * One real device per GPU test file, with every uncaptured WebGPU error collected so a test
 * fails on any error it did not expect (the conformance suite's discipline).
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createEngine, type EngineOptions, type GpuEngine } from '../gpu/engine';
import type { FftVariant } from '../gpu/plan';
import { nodeDevice } from './node-gpu';

export interface GpuFixture {
  device: GPUDevice;
  engine: GpuEngine;
  /** Extra engines made by a test; destroyed after the file. */
  engineWith(options: EngineOptions): Promise<GpuEngine>;
  /** One engine per forced kernel variant, made on first use. */
  engineFor(variant: FftVariant): Promise<GpuEngine>;
}

export function gpuFixture(): GpuFixture {
  const errors: string[] = [];
  const extra: GpuEngine[] = [];
  const byVariant = new Map<FftVariant, GpuEngine>();
  const fixture = {} as GpuFixture;
  beforeAll(async () => {
    const device = await nodeDevice();
    device.addEventListener('uncapturederror', (e) => {
      errors.push((e as GPUUncapturedErrorEvent).error.message);
    });
    fixture.device = device;
    fixture.engine = await createEngine(device);
    fixture.engineWith = async (options) => {
      const e = await createEngine(device, options);
      extra.push(e);
      return e;
    };
    fixture.engineFor = async (variant) => {
      let e = byVariant.get(variant);
      if (!e) {
        // The exchanging 'stages' kernels, the form the access model checks (a hardware
        // adapter's default); SwiftShader's default, without it, has tests of its own.
        e = await fixture.engineWith({ variant, stageExchange: true });
        byVariant.set(variant, e);
      }
      return e;
    };
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });
  afterAll(() => {
    for (const e of extra) e.destroy();
    fixture.engine.destroy();
    fixture.device.destroy();
  });
  return fixture;
}
