/**
 * The engines for the scheduler scripts, loaded through Vite's SSR loader because the engine
 * imports its WGSL with `?raw`, which plain Node cannot resolve (as scripts/bench.ts does): the
 * float64 CPU engine, and on request the GPU engine through the `webgpu` package (Dawn; on a
 * Linux machine without a GPU, SwiftShader from Debian's chromium, see software-vulkan.ts).
 */
import { selectSoftwareVulkanIfNoGpu } from './software-vulkan';
import { ssrLoader } from './ssr-loader';
import type { Engine } from '../src/engine';

export interface LoadedGpu {
  engine: Engine;
  adapter: string;
  /** The adapter emulates a GPU on the CPU: its timings describe no GPU. */
  software: boolean;
  /** Frees the engine and its device. */
  destroy(): void;
}

export interface LoadedEngine {
  engine: Engine;
  /** The GPU engine when asked for and one could be made; else why not (null: not asked). */
  gpu: LoadedGpu | { error: string } | null;
  close(): Promise<void>;
}

// The `webgpu` instance must stay referenced while its devices live (see WEBGPU-ON-CPU.md).
let keepGpu: unknown = null;

type EngineModule = typeof import('../src/engine');

async function loadGpu(mod: EngineModule): Promise<LoadedGpu> {
  selectSoftwareVulkanIfNoGpu();
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  keepGpu = gpu;
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter (Dawn found none; see WEBGPU-ON-CPU.md)');
  const facts = mod.adapterFacts(adapter);
  const device = await mod.requestEngineDevice(adapter, 'scheduler lab');
  const engine = await mod.createEngine(device);
  const name = [facts.vendor, facts.architecture, facts.description].filter(Boolean).join(' ');
  return {
    engine,
    adapter: name || 'unnamed adapter',
    software: mod.isSoftwareAdapter(facts),
    destroy: () => {
      engine.destroy();
      device.destroy();
    },
  };
}

export async function loadCpuEngine(o: { gpu?: boolean } = {}): Promise<LoadedEngine> {
  const vite = await ssrLoader();
  try {
    const mod = (await vite.ssrLoadModule('/src/engine/index.ts')) as EngineModule;
    let gpu: LoadedEngine['gpu'] = null;
    if (o.gpu) {
      try {
        gpu = await loadGpu(mod);
      } catch (e) {
        gpu = { error: e instanceof Error ? e.message : String(e) };
      }
    }
    return {
      engine: mod.createCpuEngine(),
      gpu,
      close: async () => {
        if (gpu && 'engine' in gpu) gpu.destroy();
        void keepGpu;
        await vite.close();
      },
    };
  } catch (e) {
    await vite.close();
    throw e;
  }
}
