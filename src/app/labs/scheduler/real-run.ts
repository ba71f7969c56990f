/**
 * Real execution for the Scheduler tab, React-free: the first tasks of the lab's set as real
 * resolvent jobs on the GPU queue and CPU workers, each kind calibrated alone, then the three
 * modes measured beside the simulator's prediction (and its schedule, for the Gantt charts).
 */
import {
  calibrateExecutors,
  DEFAULT_FAULT_RATE,
  executeMode,
  MODES,
  predictRun,
  quantize,
  type Calibration,
  type Executor,
  type ExecutorKind,
  type Mode,
  type ModeRun,
} from '../../../sched/real/execute';
import { gpuExecutor } from '../../../sched/real/executors';
import { SchedError, type ScoredTask, type SimResult } from '../../../sched/types';
import type { RealBackend } from './backends';
import type { RealConfig } from './lab-config';

export interface RealResult {
  tasks: ScoredTask[];
  executors: { label: string; kind: ExecutorKind }[];
  calibrations: Calibration[];
  chains: number;
  runs: ModeRun[];
  /** The simulator's run of each mode with the calibration: what was predicted, drawn. */
  predicted: Partial<Record<Mode, SimResult>>;
  /** Why the GPU queue is absent when it was asked for. */
  gpuNote: string | null;
}

export interface RealProgress {
  phase: 'starting' | 'calibrating' | Mode;
  done: number;
  total: number;
}

/** Calibration rounds in the tab: fewer than the CLI's, to stay quick on a small machine. */
const ROUNDS = 3;

export async function runReal(
  backend: RealBackend,
  all: readonly ScoredTask[],
  c: RealConfig,
  seed: number,
  signal: AbortSignal,
  onProgress: (p: RealProgress) => void,
): Promise<RealResult> {
  const tasks = quantize(all.slice(0, c.tasks));
  if (tasks.length === 0) throw new SchedError('tasks', 'real execution needs at least one task');
  onProgress({ phase: 'starting', done: 0, total: 3 * tasks.length });
  const executors: Executor[] = [];
  let gpuNote: string | null = null;
  if (c.gpu) {
    const engine = await backend.gpuEngine();
    if (engine) executors.push(gpuExecutor(engine));
    else gpuNote = 'The app runs without WebGPU here, so there is no GPU queue: CPU workers only.';
  }
  executors.push(...(await backend.cpuExecutors(Math.min(c.cpuWorkers, backend.maxWorkers))));
  if (executors.length === 0) {
    throw new SchedError(
      'cpuWorkers',
      'no executor: without a GPU queue, choose at least one CPU worker',
    );
  }
  if (c.chains > executors.length) {
    throw new SchedError(
      'chains',
      `hybrid chains must be from 1 to the number of executors (${executors.length}); got ${c.chains}`,
    );
  }
  onProgress({ phase: 'calibrating', done: 0, total: 3 * tasks.length });
  const calibrations = await calibrateExecutors(executors, ROUNDS, signal);
  const options = { chains: c.chains, faultRate: DEFAULT_FAULT_RATE, seed, calibrations, signal };
  const runs: ModeRun[] = [];
  const predicted: RealResult['predicted'] = {};
  for (const [k, mode] of MODES.entries()) {
    const base = k * tasks.length;
    onProgress({ phase: mode, done: base, total: 3 * tasks.length });
    runs.push(
      await executeMode(tasks, mode, executors, {
        ...options,
        onTask: (done) => onProgress({ phase: mode, done: base + done, total: 3 * tasks.length }),
      }),
    );
    predicted[mode] = predictRun(tasks, mode, calibrations, c.chains, DEFAULT_FAULT_RATE, seed);
  }
  return {
    tasks,
    executors: executors.map((e) => ({ label: e.label, kind: e.kind })),
    calibrations,
    chains: c.chains,
    runs,
    predicted,
    gpuNote,
  };
}
