/** Faults on real WebGPU: bad arguments, caught validation errors, device loss, destroy(). */
import { describe, expect, it } from 'vitest';
import { DeviceLostError, EngineArgumentError, GpuValidationError } from '../errors';
import { nodeDevice } from '../testing/node-gpu';
import { gpuFixture } from '../testing/gpu-fixture';
import { createEngine } from './engine';
import { withErrorScopes } from './error-scopes';

const gpu = gpuFixture();

describe('faults', () => {
  it('bad arguments reject with a typed error before any GPU work', async () => {
    await expect(gpu.engine.fft(new Float32Array(12), { shape: [6], batch: 1 })).rejects.toThrow(
      EngineArgumentError,
    );
    await expect(
      gpu.engine.resolvent(new Float32Array(16), { shape: [8], batch: 1, phi: -1 }),
    ).rejects.toThrow(/phi must be a finite number > 0/);
    const nan = new Float32Array(16);
    nan[3] = NaN;
    await expect(gpu.engine.resolvent(nan, { shape: [8], batch: 1 })).rejects.toThrow(
      /NaN at index 3/,
    );
    // The engine still works afterwards.
    const ok = await gpu.engine.fft(new Float32Array(16).fill(1), { shape: [8], batch: 1 });
    expect(ok.data[0]).toBe(8);
  });

  it('a validation error inside GPU work becomes a GpuValidationError naming the operation', async () => {
    const bad = withErrorScopes(
      gpu.device,
      'test upload',
      () => 64,
      () =>
        // MAP_READ may only pair with COPY_DST: an invalid buffer, caught by the scope.
        gpu.device.createBuffer({
          size: 64,
          usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE,
        }),
    );
    await expect(bad).rejects.toThrow(GpuValidationError);
    await expect(
      withErrorScopes(
        gpu.device,
        'test upload',
        () => 64,
        () =>
          gpu.device.createBuffer({
            size: 64,
            usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE,
          }),
      ),
    ).rejects.toThrow(/^test upload: GPU validation error/);
  });

  it('device loss resolves engine.lost and fails later calls with DeviceLostError', async () => {
    const device = await nodeDevice();
    const engine = await createEngine(device);
    await engine.fft(new Float32Array(64), { shape: [32], batch: 1 });
    device.destroy();
    const info = await engine.lost;
    expect(info.reason).toBe('destroyed');
    await expect(engine.fft(new Float32Array(64), { shape: [32], batch: 1 })).rejects.toThrow(
      DeviceLostError,
    );
    engine.destroy();
  });

  it('destroy() is idempotent and later calls say the engine was destroyed', async () => {
    const engine = await gpu.engineWith({});
    await engine.resolvent(new Float32Array(64).fill(0.5), { shape: [32], batch: 1 });
    engine.destroy();
    engine.destroy();
    await expect(engine.fft(new Float32Array(64), { shape: [32], batch: 1 })).rejects.toThrow(
      /destroyed/,
    );
  });
});
