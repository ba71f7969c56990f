/**
 * Builds what a run needs from a `GPU` object (navigator.gpu in the browser, the `webgpu`
 * package's create() result in Node): adapter, device through the engine's one device request,
 * the GPU engine, and the adapter fingerprint. Frees what it made in `dispose`.
 */
import { createEngine, requestEngineDevice } from '../engine';
import { fingerprint } from './adapter-fingerprint';
import type { FftWorkerPool } from './cpu/worker-pool';
import type { BenchHost } from './runner';

export interface OwnedHost {
  host: BenchHost;
  dispose(): void;
}

export async function createHost(
  gpu: GPU,
  runtime: BenchHost['runtime'],
  userAgent: string,
  createPool: (() => FftWorkerPool) | null,
): Promise<OwnedHost> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('WebGPU: no adapter (requestAdapter returned null)');
  const device = await requestEngineDevice(adapter, 'benchmark device');
  let engine: BenchHost['engine'] = null;
  let engineError: string | null = null;
  try {
    engine = await createEngine(device);
  } catch (e) {
    engineError = `GPU engine unavailable: ${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    host: {
      device,
      adapterInfo: adapter.info,
      adapter: fingerprint(adapter),
      engine,
      engineError,
      runtime,
      userAgent,
      createPool,
    },
    dispose() {
      engine?.destroy();
      device.destroy();
    },
  };
}
