/**
 * The Scaling tab's session, React-free: runs the lab's sweeps (workers on the shared pool, the
 * GPU sweeps on a device of its own) with progress and cancel, fits every model to every sweep,
 * and exports the report in the CLI's format. The pool and the adapter are injected, so a test
 * can run the session without workers or a GPU.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkerPool } from '../../../parallel/pool';
import type { FftTasks } from '../../../scaling/fft-task';
import { runGpuSweeps } from '../../../scaling/gpu-sweeps';
import { gpuPlan, workerPlan, type Preset } from '../../../scaling/plans';
import { fitSweeps, type ScalingReport } from '../../../scaling/report';
import type { Sweep } from '../../../scaling/sweep';
import { runWorkerSweep, type SweepProgress } from '../../../scaling/worker-sweep';

export interface ScalingLabState {
  preset: Preset;
  phase: 'idle' | 'measuring' | 'fitting';
  progress: SweepProgress | null;
  report: ScalingReport | null;
  error: string | null;
}

export interface ScalingDeps {
  cores: number;
  createPool(maxWorkers: number): WorkerPool<FftTasks>;
  /** An adapter for the GPU sweeps, or null where there is no WebGPU. */
  adapter(): Promise<GPUAdapter | null>;
  runtime: string;
}

export interface ScalingLab {
  store: StoreApi<ScalingLabState>;
  setPreset(p: Preset): void;
  run(): Promise<void>;
  cancel(): void;
  exportJson(): string;
}

const SEED = 1;
/** Bootstrap resamples in the app: fitting runs on the main thread, so fewer than the CLI's. */
const RESAMPLES: Record<Preset, number> = { tiny: 50, quick: 100, full: 400 };

export function createScalingLab(deps: ScalingDeps, preset: Preset = 'quick'): ScalingLab {
  const store = createStore<ScalingLabState>(() => ({
    preset,
    phase: 'idle',
    progress: null,
    report: null,
    error: null,
  }));
  let abort: AbortController | null = null;
  const onProgress = (progress: SweepProgress) => store.setState({ progress });

  async function measure(p: Preset, signal: AbortSignal) {
    const plan = workerPlan(p, deps.cores, SEED);
    const pool = deps.createPool(Math.max(...plan.counts));
    const sweeps: Sweep[] = [];
    try {
      sweeps.push(await runWorkerSweep(pool, plan, onProgress, signal));
    } finally {
      await pool.terminate();
    }
    let gpu: ScalingReport['gpu'];
    const adapter = await deps.adapter();
    if (!adapter) gpu = { error: 'no WebGPU adapter: the GPU sweeps and the roofline need one' };
    else {
      try {
        const r = await runGpuSweeps(adapter, gpuPlan(p, SEED), onProgress, signal);
        sweeps.push(...r.sweeps);
        gpu = { adapter: r.adapter, software: r.software, timing: r.timing, roofline: r.roofline };
      } catch (e) {
        if (signal.aborted) throw e;
        gpu = { error: e instanceof Error ? e.message : String(e) };
      }
    }
    return { sweeps, gpu };
  }

  return {
    store,
    setPreset(p) {
      store.setState({ preset: p });
    },
    async run() {
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const p = store.getState().preset;
      store.setState({ phase: 'measuring', progress: null, error: null });
      try {
        const { sweeps, gpu } = await measure(p, controller.signal);
        store.setState({ phase: 'fitting', progress: null });
        // Lets the browser paint "fitting" before the (synchronous) fits take the thread.
        await new Promise((r) => setTimeout(r, 0));
        controller.signal.throwIfAborted();
        const fit = { seed: SEED, resamples: RESAMPLES[p] };
        const report: ScalingReport = {
          schemaVersion: 1,
          date: new Date().toISOString(),
          quick: p !== 'full',
          machine: { cores: deps.cores, runtime: deps.runtime },
          fit: { ...fit, rankedBy: 'aicc', bootstrap: 'residual' },
          sweeps: fitSweeps(sweeps, fit),
          gpu,
        };
        if (abort === controller) store.setState({ phase: 'idle', report });
      } catch (e) {
        if (abort !== controller) return;
        const error = controller.signal.aborted
          ? 'cancelled'
          : e instanceof Error
            ? e.message
            : String(e);
        store.setState({ phase: 'idle', progress: null, error });
      }
    },
    cancel() {
      abort?.abort();
    },
    exportJson() {
      return `${JSON.stringify(store.getState().report, null, 2)}\n`;
    },
  };
}
