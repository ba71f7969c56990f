import type { Engine } from '../types';

export interface EngineOptions {
  /** Largest chunk of signals, in bytes, sent through one pass (tests force small chunks). */
  maxChunkBytes?: number;
}

export interface GpuEngine extends Engine {
  readonly backend: 'webgpu';
  readonly device: GPUDevice;
  /** Resolves when the device is lost; operations after that throw DeviceLostError. */
  readonly lost: Promise<GPUDeviceLostInfo>;
  /** Largest 1D N done in one dispatch (fits workgroup memory). */
  readonly maxSingleDispatchN: number;
}

export function createEngine(_device: GPUDevice, _options: EngineOptions = {}): Promise<GpuEngine> {
  return Promise.reject(new Error('createEngine: not implemented yet'));
}
