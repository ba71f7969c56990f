/**
 * Shader modules, bind group layouts and pipelines, created lazily and cached per device
 * (a WeakMap, so a lost or destroyed device takes its cache with it). Layouts are explicit so
 * one bind group serves every pipeline that shares a kernel's bindings.
 */
import type { SpectralHook } from '../ops/operator';
import { hookPassShader } from './hook-pass-codegen';
import { COPY_WORKGROUP, READ_REDUCE_WORKGROUP, SHADERS } from './shader-sources';
import { hookCode } from './spectral-hooks';
import { stageKernelKey, stageShader, type StageKernel } from './stage-codegen';
import { whtStageShader } from './wht-codegen';
import {
  workgroupFftShader,
  workgroupKernelKey,
  workgroupSpectralShader,
  type SpectralKernel,
  type WorkgroupKernel,
} from './workgroup-codegen';

export interface Kernels {
  fftLayout: GPUBindGroupLayout;
  stageLayout: GPUBindGroupLayout;
  hookPassLayout: GPUBindGroupLayout;
  /** Uniform, one buffer in, one out: reduce-flat, copy, read-reduce and the WHT stages. */
  twoBufferLayout: GPUBindGroupLayout;
  /**
   * One global-memory Stockham stage of stage-schedule.ts, its n, ns, radix, lanes, layout,
   * direction and role baked in (stage-codegen.ts); roles other than 'fft' apply `hook`.
   */
  stage(stage: StageKernel, hook?: SpectralHook): GPUComputePipeline;
  /** One 'workgroup' FFT pass, its layout baked in (workgroup-codegen.ts). */
  fftPass(kernel: WorkgroupKernel, capacity: number): GPUComputePipeline;
  /** The fused spectral pass, its layout baked in (workgroup-codegen.ts). */
  spectralPass(kernel: SpectralKernel, capacity: number, hook: SpectralHook): GPUComputePipeline;
  /** A hook as a pass of its own (hook-pass-codegen.ts). */
  hookPass(hook: SpectralHook): GPUComputePipeline;
  /** One radix-R stage of the Walsh–Hadamard transform (wht-codegen.ts). */
  whtStage(radix: number): GPUComputePipeline;
  reduce(): GPUComputePipeline;
  copy(): GPUComputePipeline;
  readReduce(): GPUComputePipeline;
}

const cache = new WeakMap<GPUDevice, Kernels>();

type Access = 'uniform' | 'read-only-storage' | 'storage';

function layout(device: GPUDevice, label: string, kinds: Access[]): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    label,
    entries: kinds.map((type, binding) => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type },
    })),
  });
}

export function kernelsFor(device: GPUDevice): Kernels {
  const cached = cache.get(device);
  if (cached) return cached;

  const fftLayout = layout(device, 'fft bind group layout', [
    'uniform',
    'read-only-storage',
    'storage',
    'read-only-storage',
    'read-only-storage',
    'read-only-storage',
    'storage',
    'read-only-storage',
  ]);
  const stageLayout = layout(device, 'fft stage bind group layout', [
    'uniform',
    'read-only-storage',
    'storage',
    'read-only-storage',
    'read-only-storage',
    'read-only-storage',
    'storage',
  ]);
  const hookPassLayout = layout(device, 'hook pass bind group layout', [
    'uniform',
    'read-only-storage',
    'storage',
    'read-only-storage',
    'read-only-storage',
    'storage',
  ]);
  const twoBufferLayout = layout(device, 'two-buffer bind group layout', [
    'uniform',
    'read-only-storage',
    'storage',
  ]);

  const modules = new Map<string, GPUShaderModule>();
  const moduleOf = (name: keyof typeof SHADERS): GPUShaderModule => {
    let m = modules.get(name);
    if (!m) {
      m = device.createShaderModule({ label: `${name}.wgsl`, code: SHADERS[name] });
      modules.set(name, m);
    }
    return m;
  };
  const pipelines = new Map<string, GPUComputePipeline>();
  const pipeline = (
    key: string,
    module: keyof typeof SHADERS | GPUShaderModule,
    bindGroupLayout: GPUBindGroupLayout,
    constants: Record<string, number> = {},
  ): GPUComputePipeline => {
    let p = pipelines.get(key);
    if (!p) {
      p = device.createComputePipeline({
        label: key,
        layout: device.createPipelineLayout({
          label: `${key} layout`,
          bindGroupLayouts: [bindGroupLayout],
        }),
        compute: {
          module: typeof module === 'string' ? moduleOf(module) : module,
          entryPoint: 'main',
          constants,
        },
      });
      pipelines.set(key, p);
    }
    return p;
  };

  /** A pipeline of generated WGSL, generated and compiled once per device and key. */
  const generated = (
    key: string,
    bindGroupLayout: GPUBindGroupLayout,
    code: () => string,
  ): GPUComputePipeline =>
    pipelines.get(key) ??
    pipeline(key, device.createShaderModule({ label: key, code: code() }), bindGroupLayout);

  const kernels: Kernels = {
    fftLayout,
    stageLayout,
    hookPassLayout,
    twoBufferLayout,
    stage: (stage, hook) => {
      const code = hook && stage.role !== 'fft' ? hookCode(hook) : undefined;
      const key = `fft stage ${stageKernelKey(stage)}${code ? ` ${code.key}` : ''}`;
      return generated(key, stageLayout, () => stageShader(stage, code));
    },
    fftPass: (kernel, capacity) =>
      generated(
        `fft workgroup n=${kernel.pass.n} [${workgroupKernelKey(kernel)}] (capacity ${capacity})`,
        fftLayout,
        () => workgroupFftShader(kernel, capacity),
      ),
    spectralPass: (kernel, capacity, hook) => {
      const code = hookCode(hook);
      return generated(
        `fused ${code.key} n=${kernel.pass.n} [${workgroupKernelKey(kernel)}] (capacity ${capacity})`,
        fftLayout,
        () => workgroupSpectralShader(kernel, capacity, code),
      );
    },
    hookPass: (hook) => {
      const code = hookCode(hook);
      return generated(`${code.key} pass`, hookPassLayout, () => hookPassShader(code));
    },
    whtStage: (radix) =>
      generated(`wht stage radix-${radix}`, twoBufferLayout, () => whtStageShader(radix)),
    reduce: () => pipeline('reduce-flat', 'reduceFlat', twoBufferLayout),
    copy: () => pipeline('copy', 'copy', twoBufferLayout, { WORKGROUP_SIZE: COPY_WORKGROUP }),
    readReduce: () =>
      pipeline('read-reduce', 'readReduce', twoBufferLayout, {
        WORKGROUP_SIZE: READ_REDUCE_WORKGROUP,
      }),
  };
  cache.set(device, kernels);
  return kernels;
}
