/**
 * The kernel planner as the app offers it: which FFT variant the current workload runs with and
 * why, "tune" (time every variant on this adapter and remember the fastest, FFTW-style wisdom
 * kept in localStorage) and "re-plan" (forget what was measured). React-free; the adapter
 * panel reads the status from the store.
 */
import type { FftVariant, GpuEngine, Shape, TunableId, Wisdom, WisdomStore } from '../engine';
import { shapeOf } from '../io/config';
import { writeStorage } from '../io/storage-write';
import type { EngineSession } from './engine-session';
import type { AppStore } from './store';

export const WISDOM_KEY = 'phi-playground.wisdom';
/** A small batch is enough to rank the variants and keeps a tune short on slow adapters. */
const TUNE_BATCH = 16;
/** Wisdom is a few hundred bytes per adapter; far more is not wisdom. */
export const WISDOM_MAX_CHARS = 64 * 1024;

/**
 * localStorage-backed wisdom; the engine's planner drops anything that is not a known variant.
 * A write that does not fit leaves the stored wisdom as it was and is reported to `onRefused`
 * (the choice still holds for this page).
 */
export function storedWisdom(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  onRefused: (problem: string) => void = () => undefined,
): WisdomStore {
  return {
    load: () => {
      const raw = storage.getItem(WISDOM_KEY);
      if (!raw) return {};
      try {
        return JSON.parse(raw) as Wisdom;
      } catch {
        return {};
      }
    },
    save: (wisdom) => {
      const refused = writeStorage(storage, WISDOM_KEY, JSON.stringify(wisdom), WISDOM_MAX_CHARS);
      if (refused !== null) onRefused(`The planner's measurements were ${refused}.`);
    },
  };
}

export interface PlanStatus {
  variant: FftVariant;
  source: 'forced' | 'measured' | 'default';
  /** Median ms per run of each variant, from the last tune on this page. */
  ms: Partial<Record<FftVariant, number>> | null;
  /**
   * The workload `ms` was measured on ('resolvent, 8192, batch 16'); another workload drops
   * the timings rather than show them under its own, unmeasured plan.
   */
  measuredOn: string | null;
  /** The variants this device runs, and the lanes per butterfly of 'subgroups' (0: none). */
  variants: readonly FftVariant[];
  subgroupLanes: number;
  /** The longest FFT the 'workgroup' variant takes in one dispatch on this device. */
  singleDispatchN: number;
  busy: boolean;
  error: string | null;
}

export interface PlannerControl {
  /** The status for the current workload (null on the CPU engine). */
  refresh(): Promise<void>;
  tune(): Promise<void>;
  replan(): Promise<void>;
}

/**
 * The operation whose kernel variant matters for the current kind, with the shape and batch it
 * runs on: the resolvent, the FFT beside the Walsh–Hadamard transform (the WHT has no FFT
 * variants), or the propagator of the one wave packet.
 */
function workloadOp(store: AppStore): { op: TunableId; shape: Shape; batch: number } {
  const { config, imported, audio } = store.getState();
  if (config.kind === 'quantum') return { op: 'propagate', shape: shapeOf(config), batch: 1 };
  const op = config.kind === 'walsh' ? 'fft' : 'resolvent';
  // The same precedence as the workload source: audio, then an import, then the generator.
  if (audio) return { op, shape: [audio.frame.length], batch: 1 };
  return imported
    ? { op, shape: imported.shape, batch: imported.batch }
    : { op, shape: shapeOf(config), batch: config.batch };
}

/** How the status names a workload: the operation, the shape and the batch the tune ran. */
function workloadLabel(op: TunableId, shape: Shape, batch: number): string {
  return `${op}, ${shape.join('×')}, batch ${batch}`;
}

export function createPlannerControl(store: AppStore, session: EngineSession): PlannerControl {
  const gpuEngine = async (): Promise<GpuEngine | null> => {
    const { engine } = await session.ready();
    return engine.backend === 'webgpu' ? (engine as GpuEngine) : null;
  };
  const publish = (engine: GpuEngine, extra: Partial<PlanStatus>): void => {
    const { op, shape } = workloadOp(store);
    store.getState().setPlan({
      variant: engine.variantFor(op, shape),
      source: engine.variantSource(op, shape),
      ms: null,
      measuredOn: null,
      variants: engine.variants,
      subgroupLanes: engine.subgroupLanes,
      singleDispatchN: engine.maxSingleDispatchN,
      busy: false,
      error: null,
      ...extra,
    });
  };
  return {
    async refresh() {
      const engine = await gpuEngine();
      if (!engine) {
        store.getState().setPlan(null);
        return;
      }
      const previous = store.getState().plan;
      const { op, shape, batch } = workloadOp(store);
      const tuned = Math.min(batch, TUNE_BATCH);
      // Timings of another workload are not this one's: drop them.
      const same = previous?.measuredOn === workloadLabel(op, shape, tuned);
      publish(engine, same ? { ms: previous.ms, measuredOn: previous.measuredOn } : {});
    },
    async tune() {
      const engine = await gpuEngine();
      if (!engine) return;
      const { op, shape, batch } = workloadOp(store);
      publish(engine, { busy: true });
      try {
        const tuned = Math.min(batch, TUNE_BATCH);
        const result = await engine.tune(op, shape, tuned);
        publish(engine, { ms: result.ms, measuredOn: workloadLabel(op, shape, tuned) });
      } catch (error) {
        publish(engine, { error: error instanceof Error ? error.message : String(error) });
      }
    },
    async replan() {
      const engine = await gpuEngine();
      if (!engine) return;
      engine.replan();
      publish(engine, {});
    },
  };
}
