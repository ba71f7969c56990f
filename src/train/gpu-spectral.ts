/**
 * The GPU backend of the trainer's spectral step, for a thread that has WebGPU (a browser's
 * dedicated worker: Chromium exposes `navigator.gpu` there). Made once per thread and kept;
 * where WebGPU is missing, has no adapter, fails, or disagrees with the float64 CPU filter, the
 * CPU backend runs the step and says why. A lost device drops the cached backend, so the next
 * shard asks for a fresh one.
 */
import { createEngine, requestEngineDevice, type GpuEngine } from '../engine';
import { engineBackend } from './engine-filter';
import { hasSpectralStep, runLocalSteps, type ShardInput, type ShardOutput } from './local-steps';
import { cloneState } from './network';
import { CPU_SPECTRAL, type SpectralBackend, type SpectralPreference } from './spectral-backend';

/** The part of `GPU` the backend needs (so tests can pass a stand-in). */
export interface GpuEntry {
  requestAdapter(): Promise<GPUAdapter | null>;
}

/** Raised when the GPU filter fails mid-shard, so the caller can redo the shard on the CPU. */
export class SpectralGpuError extends Error {
  constructor(cause: unknown) {
    super(`GPU spectral step failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SpectralGpuError';
  }
}

const cpuBecause = (note: string): SpectralBackend => ({ ...CPU_SPECTRAL, note });

/** Makes the GPU backend on this thread's WebGPU, or the CPU backend with the reason why not. */
export async function gpuSpectralBackend(
  gpu: GpuEntry | undefined,
  onLost: () => void,
): Promise<SpectralBackend> {
  if (!gpu) return cpuBecause('no WebGPU in this worker');
  let engine: GpuEngine | null = null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return cpuBecause('WebGPU has no adapter');
    const device = await requestEngineDevice(adapter, 'training spectral step');
    engine = await createEngine(device);
    // A lost device (not one we destroyed) drops the cached backend: the next shard retries.
    void engine.lost.then((info) => {
      if (info.reason !== 'destroyed') onLost();
    });
    const b = await engineBackend(engine, 'gpu');
    if (b.check && !(b.check.error <= b.check.tolerance)) {
      engine.destroy();
      return cpuBecause(
        `the GPU filter disagreed with the CPU one (error ${b.check.error.toExponential(1)} > ${b.check.tolerance.toExponential(1)})`,
      );
    }
    const filter = b.filter;
    const owned = engine;
    return {
      ...b,
      dispose: () => owned.destroy(),
      filter: async (data, n, rows, gains) => {
        try {
          return await filter(data, n, rows, gains);
        } catch (e) {
          throw new SpectralGpuError(e);
        }
      },
    };
  } catch (e) {
    engine?.destroy();
    return cpuBecause(`WebGPU failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** One thread's spectral backends: the CPU's, and the GPU's made on first use. */
export interface SpectralBackends {
  get(preference: SpectralPreference): Promise<SpectralBackend>;
  /** Forget the GPU backend (after it failed), so the next request makes a new one. */
  reset(): void;
}

export function spectralBackends(
  makeGpu: (onLost: () => void) => Promise<SpectralBackend>,
): SpectralBackends {
  let cached: Promise<SpectralBackend> | null = null;
  const reset = () => void (cached = null);
  return {
    get(preference) {
      if (preference === 'cpu') return Promise.resolve(CPU_SPECTRAL);
      cached ??= makeGpu(reset);
      return cached;
    },
    reset,
  };
}

/**
 * A worker's shard task: the local steps with the spectral step on the preferred backend. A
 * shard whose GPU filter fails mid-way (device lost) is run again from its input on the CPU, so
 * a GPU fault changes where the step ran, never the shard's result beyond float precision.
 */
export function spectralShardTask(
  backends: SpectralBackends,
): (input: ShardInput) => Promise<ShardOutput> {
  return async (input) => {
    if (!hasSpectralStep(input.params)) return runLocalSteps(input);
    const backend = await backends.get(input.params.spectral ?? 'auto');
    if (backend.kind === 'cpu') return runLocalSteps(input, backend);
    const start = cloneState(input.state);
    try {
      return await runLocalSteps(input, backend);
    } catch (e) {
      if (!(e instanceof SpectralGpuError)) throw e;
      backends.reset();
      return runLocalSteps({ ...input, state: start }, { ...CPU_SPECTRAL, note: e.message });
    }
  };
}
