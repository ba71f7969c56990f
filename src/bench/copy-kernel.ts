/**
 * The copy reference (shaders/copy.wgsl): reads and writes `bytes / 2` bytes each, so its
 * time is the floor for any kernel moving the same bytes.
 */
import copySource from '../../shaders/copy.wgsl?raw';
import { readBuffer, twoBufferKernel, uploadBuffer, type GpuReference } from './gpu-reference';
import { grid } from '../engine';
import { PassTimer } from './timing';
import { uniformSigned } from '../workloads/rng';
import { maxRelError } from './verify';

const WORKGROUP_SIZE = 256;
const VEC4_BYTES = 16;

/** A copy that moves `bytes` in total (read + write), rounded down to whole vec4s. */
export function createCopyReference(device: GPUDevice, bytes: number, seed = 1): GpuReference {
  const size = Math.max(VEC4_BYTES, Math.floor(bytes / 2 / VEC4_BYTES) * VEC4_BYTES);
  const input = uniformSigned(seed, size / 4);
  const src = uploadBuffer(device, 'copy src', input, GPUBufferUsage.STORAGE);
  const dst = device.createBuffer({
    label: 'copy dst',
    size,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const { pipeline, bindGroup } = twoBufferKernel(device, 'copy', copySource, src, dst);
  const [gx, gy] = grid(
    Math.ceil(size / VEC4_BYTES / WORKGROUP_SIZE),
    device.limits.maxComputeWorkgroupsPerDimension,
  );
  const timer = new PassTimer(device);
  let destroyed = false;
  return {
    bytes: 2 * size,
    dispatches: 1,
    run: (repeats) =>
      timer.time('copy', repeats, (pass) => {
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(gx, gy);
      }),
    async verify() {
      const out = new Float32Array(await readBuffer(device, dst, size));
      return maxRelError(out, input);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      src.destroy();
      dst.destroy();
      timer.destroy();
    },
  };
}
