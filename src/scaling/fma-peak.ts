/**
 * Peak arithmetic of the GPU for the roofline: the FMA-chain kernel (shaders/fma-chain.wgsl),
 * its iteration count doubled until one dispatch takes at least `minMs`, then timed from
 * submit to completion (wall clock: timestamp queries are not on every adapter).
 */
import fmaChainSource from '../../shaders/fma-chain.wgsl?raw';
import { median } from '../measure';

/** FLOP per invocation and iteration: 4 chains × vec4 × (multiply + add). */
export const FMA_FLOPS_PER_ITERATION = 32;
const WORKGROUP = 256;

export interface FmaPeak {
  flopRate: number;
  iterations: number;
  invocations: number;
  medianMs: number;
}

export async function measureFmaPeak(
  device: GPUDevice,
  options: { workgroups: number; rounds: number; minMs: number; maxIterations: number },
): Promise<FmaPeak> {
  const invocations = options.workgroups * WORKGROUP;
  const module = device.createShaderModule({ label: 'fma chain', code: fmaChainSource });
  const pipeline = device.createComputePipeline({
    label: 'fma chain',
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
  const sink = device.createBuffer({
    label: 'fma chain sink',
    size: invocations * 16,
    usage: GPUBufferUsage.STORAGE,
  });
  const params = device.createBuffer({
    label: 'fma chain params',
    size: 16,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const bind = device.createBindGroup({
    label: 'fma chain',
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: sink } },
      { binding: 1, resource: { buffer: params } },
    ],
  });
  const timeOnce = async (iterations: number): Promise<number> => {
    const p = new ArrayBuffer(16);
    new Uint32Array(p, 0, 2).set([iterations, 0]);
    new Float32Array(p, 8, 2).set([0.999, 1e-4]);
    device.queue.writeBuffer(params, 0, p);
    await device.queue.onSubmittedWorkDone();
    const t0 = performance.now();
    const enc = device.createCommandEncoder({ label: 'fma chain' });
    const pass = enc.beginComputePass({ label: 'fma chain' });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bind);
    pass.dispatchWorkgroups(options.workgroups);
    pass.end();
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
    return performance.now() - t0;
  };
  try {
    let iterations = 64;
    let ms = await timeOnce(iterations);
    while (ms < options.minMs && iterations * 2 <= options.maxIterations) {
      iterations *= 2;
      ms = await timeOnce(iterations);
    }
    const spans: number[] = [];
    for (let r = 0; r < options.rounds; r++) spans.push(await timeOnce(iterations));
    const medianMs = median(spans);
    const flops = invocations * iterations * FMA_FLOPS_PER_ITERATION;
    return { flopRate: flops / (medianMs / 1e3), iterations, invocations, medianMs };
  } finally {
    sink.destroy();
    params.destroy();
  }
}
