/** Common shape of a GPU reference measurement (copy, read-only reduction). */
import type { SpanTime } from './timing';

export interface GpuReference {
  /** Bytes read + written by one operation. */
  readonly bytes: number;
  readonly dispatches: number;
  run(repeats: number): Promise<SpanTime>;
  /** Reads the result back and returns its L∞ relative error against a float64 reference. */
  verify(): Promise<number>;
  destroy(): void;
}

export async function readBuffer(
  device: GPUDevice,
  src: GPUBuffer,
  size: number,
): Promise<ArrayBuffer> {
  const staging = device.createBuffer({
    label: 'bench readback',
    size,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  try {
    const encoder = device.createCommandEncoder({ label: 'bench readback' });
    encoder.copyBufferToBuffer(src, 0, staging, 0, size);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    return staging.getMappedRange().slice(0);
  } finally {
    staging.destroy();
  }
}

export function uploadBuffer(
  device: GPUDevice,
  label: string,
  data: Float32Array,
  usage: number,
): GPUBuffer {
  const buffer = device.createBuffer({
    label,
    size: data.byteLength,
    usage,
    mappedAtCreation: true,
  });
  new Float32Array(buffer.getMappedRange()).set(data);
  buffer.unmap();
  return buffer;
}

const pipelines = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

/**
 * A one-kernel reference over two storage buffers (input, output): its pipeline is cached per
 * device, so measuring the reference at many byte counts compiles it once.
 */
export function twoBufferKernel(
  device: GPUDevice,
  name: string,
  code: string,
  input: GPUBuffer,
  output: GPUBuffer,
): { pipeline: GPUComputePipeline; bindGroup: GPUBindGroup } {
  let cache = pipelines.get(device);
  if (!cache) {
    cache = new Map();
    pipelines.set(device, cache);
  }
  let pipeline = cache.get(name);
  if (!pipeline) {
    const module = device.createShaderModule({ label: `${name}.wgsl`, code });
    pipeline = device.createComputePipeline({
      label: name,
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    });
    cache.set(name, pipeline);
  }
  const bindGroup = device.createBindGroup({
    label: name,
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: input } },
      { binding: 1, resource: { buffer: output } },
    ],
  });
  return { pipeline, bindGroup };
}
