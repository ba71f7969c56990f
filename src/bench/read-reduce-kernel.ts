/**
 * The read-only reduction reference (shaders/read-reduce.wgsl): reads `bytes` once and writes
 * one float per workgroup, so its time is the read-bandwidth floor.
 */
import readReduceSource from '../../shaders/read-reduce.wgsl?raw';
import { readBuffer, twoBufferKernel, uploadBuffer, type GpuReference } from './gpu-reference';
import { grid } from '../engine';
import { PassTimer } from './timing';
import { uniformSigned } from '../workloads/rng';

const WORKGROUP_SIZE = 256;
/** vec4s summed per invocation (ITEMS in the shader). */
const ITEMS = 16;

export function createReadReduceReference(
  device: GPUDevice,
  bytes: number,
  seed = 2,
): GpuReference {
  const vec4s = Math.max(1, Math.floor(bytes / 16));
  const floats = vec4s * 4;
  const input = uniformSigned(seed, floats);
  const partialCount = Math.ceil(vec4s / ITEMS);
  const src = uploadBuffer(device, 'read-reduce src', input, GPUBufferUsage.STORAGE);
  const partials = device.createBuffer({
    label: 'read-reduce partials',
    size: partialCount * 4,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const { pipeline, bindGroup } = twoBufferKernel(
    device,
    'read-reduce',
    readReduceSource,
    src,
    partials,
  );
  const [gx, gy] = grid(
    Math.ceil(partialCount / WORKGROUP_SIZE),
    device.limits.maxComputeWorkgroupsPerDimension,
  );
  const timer = new PassTimer(device);
  let destroyed = false;
  return {
    bytes: floats * 4 + partialCount * 4,
    dispatches: 1,
    run: (repeats) =>
      timer.time('read-reduce', repeats, (pass) => {
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(gx, gy);
      }),
    async verify() {
      const gpu = new Float32Array(await readBuffer(device, partials, partialCount * 4));
      // Float64 sums over the same vec4s each invocation summed. The error is relative to a
      // partial's sum of |x|, since a sum of signed terms can cancel to near zero.
      let maxDiff = 0;
      let scale = 0;
      for (let i = 0; i < partialCount; i++) {
        let sum = 0;
        let abs = 0;
        for (let k = 0; k < ITEMS; k++) {
          const j = i + k * partialCount;
          if (j >= vec4s) break;
          for (let c = 0; c < 4; c++) {
            const v = input[4 * j + c] as number;
            sum += v;
            abs += Math.abs(v);
          }
        }
        const d = Math.abs((gpu[i] as number) - sum);
        if (Number.isNaN(d)) return Number.POSITIVE_INFINITY;
        maxDiff = Math.max(maxDiff, d);
        scale = Math.max(scale, abs);
      }
      return scale > 0 ? maxDiff / scale : maxDiff;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      src.destroy();
      partials.destroy();
      timer.destroy();
    },
  };
}
