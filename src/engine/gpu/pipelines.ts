/**
 * Shader modules, bind group layouts and pipelines, created lazily and cached per device
 * (a WeakMap, so a lost or destroyed device takes its cache with it). Layouts are explicit so
 * one bind group serves every pipeline that shares a kernel's bindings.
 */
import { SHADERS } from './shader-sources';
import { stageShader } from './stage-codegen';
import type { StageRole } from './stage-schedule';
import { workgroupFftShader, workgroupResolventShader } from './workgroup-codegen';

export interface Kernels {
  fftLayout: GPUBindGroupLayout;
  stageLayout: GPUBindGroupLayout;
  resolventLayout: GPUBindGroupLayout;
  reduceLayout: GPUBindGroupLayout;
  /**
   * One global-memory Stockham stage, `radix` (2, 4, 8 or 16) values per invocation and `lanes`
   * invocations of a subgroup per butterfly, in a role of stage-schedule.ts (stage-codegen.ts).
   */
  stage(radix: number, role: StageRole, lanes: number): GPUComputePipeline;
  /** One 'workgroup' FFT pass of length n ≤ capacity (workgroup-codegen.ts). */
  fftPass(n: number, capacity: number): GPUComputePipeline;
  /** The fused resolvent pass over transforms of length n ≤ capacity (workgroup-codegen.ts). */
  fusedResolvent(n: number, capacity: number): GPUComputePipeline;
  resolvent(): GPUComputePipeline;
  reduce(): GPUComputePipeline;
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
  const resolventLayout = layout(device, 'resolvent bind group layout', [
    'uniform',
    'read-only-storage',
    'storage',
    'read-only-storage',
    'read-only-storage',
    'storage',
  ]);
  const reduceLayout = layout(device, 'reduce-flat bind group layout', [
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
    resolventLayout,
    reduceLayout,
    stage: (radix, role, lanes) => {
      const width = lanes > 1 ? `${radix}×${lanes} lanes` : `${radix}`;
      const key = `fft stage radix-${width}${role === 'fft' ? '' : ` ${role}`}`;
      return generated(key, stageLayout, () => stageShader(radix, role, lanes));
    },
    fftPass: (n, capacity) =>
      generated(`fft workgroup n=${n} (capacity ${capacity})`, fftLayout, () =>
        workgroupFftShader(n, capacity),
      ),
    fusedResolvent: (n, capacity) =>
      generated(`fused resolvent n=${n} (capacity ${capacity})`, fftLayout, () =>
        workgroupResolventShader(n, capacity),
      ),
    resolvent: () => pipeline('resolvent filter + sums', 'resolvent', resolventLayout),
    reduce: () => pipeline('reduce-flat', 'reduceFlat', reduceLayout),
  };
  cache.set(device, kernels);
  return kernels;
}
