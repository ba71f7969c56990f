/**
 * The documents' three execution modes, run for real, beside the simulator's prediction:
 *   sequential — one executor, tasks in order;
 *   parallel   — all executors, tasks handed out in order as executors free up (FIFO);
 *   hybrid     — I chains, each run in order, the chains in parallel, results merged. The
 *                chains are the simulator's LPT plan on I cores, so the plan is what runs.
 * Every result is checked; a failed check (injected with a seeded probability) is detected and
 * the job re-run. The prediction uses a calibrated cost model: seconds per unit of work from
 * single jobs, and the per-job round trip as the switch cost.
 */
import { createRng } from '../../measure/rng';
import { median } from '../../measure/summary';
import { simulate } from '../simulate';
import { DEFAULT_CONFIG, type PolicyName, type ScoredTask } from '../types';
import { batchOf, resultOk, SIGNALS_PER_UNIT, type Job, type JobResult } from './job';

export const MODES = ['sequential', 'parallel', 'hybrid'] as const;
export type Mode = (typeof MODES)[number];

/** Runs one job on some executor of the pool. */
export type JobRunner = (job: Job) => Promise<JobResult>;

export interface Calibration {
  /** Seconds of one executor per unit of work. */
  secondsPerUnit: number;
  /** Seconds of one job's round trip with no work. */
  overheadSeconds: number;
}

export interface ModeRun {
  mode: Mode;
  executors: number;
  measuredSeconds: number;
  predictedSeconds: number;
  reruns: number;
  /** Σ over tasks of their batch coherence: the merged result, equal across modes. */
  merged: number;
}

const MAX_ATTEMPTS = 8;

/** The task set as real jobs: work rounded to whole signals so simulation and jobs agree. */
export function quantize(tasks: readonly ScoredTask[]): ScoredTask[] {
  return tasks.map((t) => ({ id: t.id, arrival: 0, work: batchOf(t.work) / SIGNALS_PER_UNIT }));
}

export async function calibrate(run: JobRunner, rounds = 7, executors = 1): Promise<Calibration> {
  const unit: number[] = [];
  const empty: number[] = [];
  // Warm-up jobs on every executor first, so no JIT compilation lands in the timed rounds.
  await Promise.all(
    Array.from({ length: 2 * executors }, (_, i) =>
      run({ task: 'warm-up', batch: SIGNALS_PER_UNIT, seed: i, corrupt: false }),
    ),
  );
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run({ task: 'calibrate', batch: 0, seed: i, corrupt: false });
    empty.push((performance.now() - t0) / 1000);
    // One unit: the size of the mean generated task, so the rate is measured where tasks are.
    const t1 = performance.now();
    await run({ task: 'calibrate', batch: SIGNALS_PER_UNIT, seed: i, corrupt: false });
    unit.push((performance.now() - t1) / 1000);
  }
  const overheadSeconds = median(empty);
  // The round trip is charged by the simulator as a switch; the unit rate excludes it.
  return { secondsPerUnit: Math.max(1e-9, median(unit) - overheadSeconds), overheadSeconds };
}

export function predict(
  tasks: readonly ScoredTask[],
  mode: Mode,
  executors: number,
  chains: number,
  c: Calibration,
  faultRate = 0,
  seed = 1,
): number {
  const cores = mode === 'sequential' ? 1 : mode === 'parallel' ? executors : chains;
  const policy: PolicyName = mode === 'hybrid' ? 'lpt' : 'fifo';
  const r = simulate(tasks, {
    ...DEFAULT_CONFIG,
    policy,
    speeds: new Array<number>(cores).fill(1 / c.secondsPerUnit),
    switchCost: c.overheadSeconds,
    // Re-runs at the same rate (the simulator's own draws, not the run's).
    checkFailRate: faultRate,
    seed,
  });
  return r.metrics.makespan;
}

/** The hybrid mode's chains: the simulator's LPT plan, each core's tasks in start order. */
export function planChains(tasks: readonly ScoredTask[], chains: number): string[][] {
  const r = simulate(tasks, {
    ...DEFAULT_CONFIG,
    policy: 'lpt',
    speeds: new Array<number>(chains).fill(1),
  });
  const out: string[][] = Array.from({ length: chains }, () => []);
  for (const e of r.schedule) out[e.core]?.push(e.task);
  return out;
}

export interface ExecuteOptions {
  executors: number;
  chains: number;
  /** Probability that a job's result comes back corrupted (seeded, per task and attempt). */
  faultRate: number;
  seed: number;
  calibration: Calibration;
}

export async function executeMode(
  tasks: readonly ScoredTask[],
  mode: Mode,
  run: JobRunner,
  o: ExecuteOptions,
): Promise<ModeRun> {
  const byId = new Map(tasks.map((t, i) => [t.id, { t, i }]));
  let reruns = 0;
  let merged = 0;
  async function runChecked(id: string): Promise<void> {
    const entry = byId.get(id);
    if (!entry) throw new Error(`no task ${id}`);
    const faults = createRng(o.seed).fork(entry.i);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const r = await run({
        task: id,
        batch: batchOf(entry.t.work),
        seed: o.seed * 100_003 + entry.i,
        corrupt: faults.next() < o.faultRate,
      });
      if (resultOk(r)) {
        merged += r.coherence;
        return;
      }
      reruns++;
    }
    throw new Error(`task ${id} failed its check ${MAX_ATTEMPTS} times`);
  }
  const ids = tasks.map((t) => t.id);
  const t0 = performance.now();
  if (mode === 'sequential') {
    for (const id of ids) await runChecked(id);
  } else if (mode === 'parallel') {
    await Promise.all(ids.map(runChecked));
  } else {
    await Promise.all(
      planChains(tasks, o.chains).map(async (chain) => {
        for (const id of chain) await runChecked(id);
      }),
    );
  }
  const measuredSeconds = (performance.now() - t0) / 1000;
  return {
    mode,
    executors: mode === 'sequential' ? 1 : mode === 'parallel' ? o.executors : o.chains,
    measuredSeconds,
    predictedSeconds: predict(
      tasks,
      mode,
      o.executors,
      o.chains,
      o.calibration,
      o.faultRate,
      o.seed,
    ),
    reruns,
    merged,
  };
}
