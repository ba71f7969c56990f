/**
 * Sliced uploads on real WebGPU (Dawn; SwiftShader without a GPU): the buffer holds exactly the
 * data, whatever the slice size (one that does not divide the length included), the meter counts
 * every byte once (transfer-meter.test.ts checks that other tasks run between the slices).
 */
import { describe, expect, it } from 'vitest';
import { uniformSigned } from '../../workloads/rng';
import { gpuFixture } from '../testing/gpu-fixture';
import { readBack, transferTotals, uploadInSlices } from './transfer-meter';

const gpu = gpuFixture();

async function roundTrip(
  data: Float32Array<ArrayBuffer>,
  sliceBytes: number,
): Promise<Float32Array> {
  const { device } = gpu;
  const bytes = data.byteLength;
  const target = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
  });
  const staging = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  try {
    await uploadInSlices(device, target, data, sliceBytes);
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(target, 0, staging, 0, bytes);
    device.queue.submit([encoder.finish()]);
    return new Float32Array(await readBack(device, staging));
  } finally {
    target.destroy();
    staging.destroy();
  }
}

describe('uploadInSlices', () => {
  for (const sliceBytes of [12, 4096, 1 << 20]) {
    it(`writes every element once in slices of ${sliceBytes} bytes`, async () => {
      const data = new Float32Array(uniformSigned(77 + sliceBytes, 10_001));
      const before = transferTotals(gpu.device).uploaded;
      const got = await roundTrip(data, sliceBytes);
      expect(Array.from(got)).toEqual(Array.from(data));
      expect(transferTotals(gpu.device).uploaded - before).toBe(data.byteLength);
    });
  }
});
