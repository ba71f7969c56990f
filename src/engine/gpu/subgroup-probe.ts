/**
 * Whether, and how wide, the 'subgroups' variant can run on a device. Its kernels let S
 * neighbouring invocations share a butterfly through subgroupShuffleXor, which relies on two
 * things WGSL does not promise: every subgroup has at least S lanes (the adapter's
 * subgroupMinSize says so), and lane ids follow the invocation index, so that
 * subgroupShuffleXor(x, h) reads invocation index ^ h. The probe runs that exchange once per
 * device and offers the variant only where it holds; elsewhere the variant is unavailable
 * rather than wrong.
 */
import { MAX_LANES, STAGE_WORKGROUP } from './stage-codegen';

const cache = new WeakMap<GPUDevice, Promise<number>>();

const PROBE_GROUPS = 4;

/** Lanes per butterfly the device supports (a power of two ≥ 2), or 0: no 'subgroups' variant. */
export function subgroupLanes(device: GPUDevice): Promise<number> {
  let p = cache.get(device);
  if (!p) {
    p = probe(device).catch(() => 0);
    cache.set(device, p);
  }
  return p;
}

function minSubgroupSize(device: GPUDevice): number {
  const info = (device as GPUDevice & { adapterInfo?: { subgroupMinSize?: number } }).adapterInfo;
  return info?.subgroupMinSize ?? 0;
}

async function probe(device: GPUDevice): Promise<number> {
  if (!device.features.has('subgroups')) return 0;
  let lanes = 1;
  while (lanes * 2 <= Math.min(minSubgroupSize(device), MAX_LANES)) lanes *= 2;
  if (lanes < 2) return 0;

  // `&`, not `&&`: a short-circuit would put the shuffles in non-uniform control flow.
  const checks: string[] = [];
  for (let h = 1; h < lanes; h *= 2) {
    checks.push(`ok = ok & (subgroupShuffleXor(lid, ${h}u) == (lid ^ ${h}u));`);
  }
  const code = `enable subgroups;
@group(0) @binding(0) var<storage, read_write> out: array<u32>;
@compute @workgroup_size(${STAGE_WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  var ok = true;
  ${checks.join('\n  ')}
  out[wid.x * ${STAGE_WORKGROUP}u + lid] = select(0u, 1u, ok);
}`;
  const count = PROBE_GROUPS * STAGE_WORKGROUP;
  // A device that rejects the shader gets no variant, not an uncaptured error.
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: 'subgroup lane probe', code });
  const pipeline = await device
    .createComputePipelineAsync({
      label: 'subgroup lane probe',
      layout: 'auto',
      compute: { module, entryPoint: 'main' },
    })
    .finally(() => device.popErrorScope());
  const out = device.createBuffer({
    label: 'subgroup probe out',
    size: count * 4,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const read = device.createBuffer({
    label: 'subgroup probe readback',
    size: count * 4,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  try {
    const encoder = device.createCommandEncoder({ label: 'subgroup probe' });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(
      0,
      device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [{ binding: 0, resource: { buffer: out } }],
      }),
    );
    pass.dispatchWorkgroups(PROBE_GROUPS);
    pass.end();
    encoder.copyBufferToBuffer(out, 0, read, 0, count * 4);
    device.queue.submit([encoder.finish()]);
    await read.mapAsync(GPUMapMode.READ);
    const flags = new Uint32Array(read.getMappedRange().slice(0));
    read.unmap();
    return flags.every((f) => f === 1) ? lanes : 0;
  } finally {
    out.destroy();
    read.destroy();
  }
}
