/**
 * The CPU engine for the scheduler scripts, loaded through Vite's SSR loader because the engine
 * imports its WGSL with `?raw`, which plain Node cannot resolve (as scripts/bench.ts does).
 */
import { ssrLoader } from './ssr-loader';
import type { Engine } from '../src/engine';

export interface LoadedEngine {
  engine: Engine;
  close(): Promise<void>;
}

export async function loadCpuEngine(): Promise<LoadedEngine> {
  const vite = await ssrLoader();
  try {
    const mod = (await vite.ssrLoadModule(
      '/src/engine/index.ts',
    )) as typeof import('../src/engine');
    return { engine: mod.createCpuEngine(), close: () => vite.close() };
  } catch (e) {
    await vite.close();
    throw e;
  }
}
