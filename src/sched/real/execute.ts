/**
 * The documents' three execution modes, run for real on a list of executors (the GPU queue
 * and CPU workers of the pool, in any mix), beside the simulator's prediction:
 *   sequential — the fastest executor alone, tasks in order;
 *   parallel   — every executor; each takes the next task in order as it frees up (FIFO
 *                self-scheduling, which is what the simulator's FIFO does);
 *   hybrid     — I chains on the I fastest executors, each chain run in order, the chains in
 *                parallel, results merged. The chains are the simulator's LPT plan on those
 *                executors' speeds (speed-proportional when they differ), so the plan is what runs.
 * Every result is checked; a failed check (injected with a seeded probability) is detected and
 * the job re-run. The prediction simulates the same tasks on executors whose speeds and per-job
 * round trips were calibrated one executor at a time (the round trip enters as the core's
 * switch cost), so measured ÷ predicted shows what running them together costs.
 */
import { createRng } from '../../measure/rng';
import { median } from '../../measure/summary';
import { simulate } from '../simulate';
import {
  DEFAULT_CONFIG,
  SchedError,
  type PolicyName,
  type ScoredTask,
  type SimResult,
} from '../types';
import { batchOf, resultOk, SIGNALS_PER_UNIT, type Job, type JobResult } from './job';

export const MODES = ['sequential', 'parallel', 'hybrid'] as const;
export type Mode = (typeof MODES)[number];

/** Runs one job on some executor. */
export type JobRunner = (job: Job) => Promise<JobResult>;

export type ExecutorKind = 'gpu' | 'cpu';

/** One executor: it runs one job at a time (the dispatcher never gives it two at once). */
export interface Executor {
  label: string;
  kind: ExecutorKind;
  run: JobRunner;
}

export interface Calibration {
  /** Seconds of one executor per unit of work. */
  secondsPerUnit: number;
  /** Seconds of one job's round trip beyond its work (the fit's intercept). */
  overheadSeconds: number;
}

/** One attempt of a task on an executor, seconds from the start of the mode's run. */
export interface MeasuredRun {
  task: string;
  executor: number;
  start: number;
  end: number;
  attempt: number;
  /** The result passed its check (the task's last attempt). */
  ok: boolean;
}

export interface ModeRun {
  mode: Mode;
  /** Indices (into the executor list) of the executors the mode used, fastest first. */
  used: number[];
  /** Their labels, in the same order. */
  executors: string[];
  measuredSeconds: number;
  predictedSeconds: number;
  reruns: number;
  /** Σ over tasks of their batch coherence: the merged result, equal across modes. */
  merged: number;
  /** Every attempt of every task, as it ran. */
  runs: MeasuredRun[];
}

const MAX_ATTEMPTS = 8;
/** Share of jobs whose result is corrupted on purpose, so the check and the re-runs show. */
export const DEFAULT_FAULT_RATE = 0.1;
/** Work sizes (units) the calibration fits its line through: half, one and two mean tasks. */
const CALIBRATION_UNITS = [0.5, 1, 2];

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

/** The task set as real jobs: work rounded to whole signals so simulation and jobs agree. */
export function quantize(tasks: readonly ScoredTask[]): ScoredTask[] {
  return tasks.map((t) => ({ id: t.id, arrival: 0, work: batchOf(t.work) / SIGNALS_PER_UNIT }));
}

/**
 * Seconds per unit and per-job round trip of one executor, from a least-squares line through
 * the median times of jobs of CALIBRATION_UNITS sizes. `warmups` jobs run first, concurrently
 * (one per worker of a pool behind `run`), so no start-up or compilation lands in the fit.
 */
export async function calibrate(
  run: JobRunner,
  rounds = 5,
  warmups = 2,
  signal?: AbortSignal,
): Promise<Calibration> {
  await Promise.all(
    Array.from({ length: warmups }, (_, i) =>
      run({ task: 'warm-up', batch: SIGNALS_PER_UNIT, seed: i, corrupt: false }),
    ),
  );
  const times = CALIBRATION_UNITS.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (const [k, units] of CALIBRATION_UNITS.entries()) {
      if (signal?.aborted) throw new CancelledError();
      const t0 = performance.now();
      await run({ task: 'calibrate', batch: batchOf(units), seed: r, corrupt: false });
      times[k]?.push((performance.now() - t0) / 1000);
    }
  }
  const ys = times.map(median);
  const mx = CALIBRATION_UNITS.reduce((a, x) => a + x, 0) / CALIBRATION_UNITS.length;
  const my = ys.reduce((a, y) => a + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  CALIBRATION_UNITS.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] ?? my) - my);
    sxx += (x - mx) ** 2;
  });
  const slope = Math.max(1e-9, sxy / sxx);
  return { secondsPerUnit: slope, overheadSeconds: Math.max(0, my - slope * mx) };
}

/**
 * One calibration per executor: executors of one kind share it (CPU workers of one pool are
 * alike), measured on the first of them with one warm-up per executor of that kind.
 */
export async function calibrateExecutors(
  executors: readonly Executor[],
  rounds = 5,
  signal?: AbortSignal,
): Promise<Calibration[]> {
  const byKind = new Map<ExecutorKind, Calibration>();
  for (const e of executors) {
    if (byKind.has(e.kind)) continue;
    const count = executors.filter((x) => x.kind === e.kind).length;
    byKind.set(e.kind, await calibrate(e.run, rounds, 2 * count, signal));
  }
  return executors.map((e) => byKind.get(e.kind) as Calibration);
}

/** Executor indices a mode uses, fastest (least seconds per unit) first. */
export function executorsFor(
  mode: Mode,
  calibrations: readonly Calibration[],
  chains: number,
): number[] {
  const order = calibrations
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (calibrations[a]?.secondsPerUnit ?? 0) - (calibrations[b]?.secondsPerUnit ?? 0) || a - b,
    );
  if (mode === 'sequential') return order.slice(0, 1);
  if (mode === 'parallel') return order;
  if (!Number.isInteger(chains) || chains < 1 || chains > order.length) {
    throw new SchedError(
      'chains',
      `chains must be a whole number from 1 to the number of executors (${order.length}); got ${chains}`,
    );
  }
  return order.slice(0, chains);
}

/** The simulator's run of a mode: the prediction, and (for hybrid) the chains' plan. */
export function predictRun(
  tasks: readonly ScoredTask[],
  mode: Mode,
  calibrations: readonly Calibration[],
  chains: number,
  faultRate = 0,
  seed = 1,
): SimResult {
  const used = executorsFor(mode, calibrations, chains);
  const policy: PolicyName = mode === 'hybrid' ? 'lpt' : 'fifo';
  return simulate(tasks, {
    ...DEFAULT_CONFIG,
    policy,
    speeds: used.map((i) => 1 / (calibrations[i]?.secondsPerUnit ?? 1)),
    switchCosts: used.map((i) => calibrations[i]?.overheadSeconds ?? 0),
    // Re-runs at the same rate (the simulator's own draws, not the run's).
    checkFailRate: faultRate,
    seed,
  });
}

export function predict(
  tasks: readonly ScoredTask[],
  mode: Mode,
  calibrations: readonly Calibration[],
  chains: number,
  faultRate = 0,
  seed = 1,
): number {
  return predictRun(tasks, mode, calibrations, chains, faultRate, seed).metrics.makespan;
}

/** The hybrid mode's chains: the simulator's LPT plan, each core's tasks in start order. */
export function planChains(
  tasks: readonly ScoredTask[],
  calibrations: readonly Calibration[],
  chains: number,
): string[][] {
  const r = predictRun(tasks, 'hybrid', calibrations, chains);
  const out: string[][] = Array.from({ length: r.cores }, () => []);
  for (const e of r.schedule) out[e.core]?.push(e.task);
  return out;
}

export interface ExecuteOptions {
  chains: number;
  /** Probability that a job's result comes back corrupted (seeded, per task and attempt). */
  faultRate: number;
  seed: number;
  /** One per executor, in the executor list's order. */
  calibrations: readonly Calibration[];
  /** Stops handing out tasks; the run then rejects with CancelledError. */
  signal?: AbortSignal;
  /** Called as each task completes with a checked result. */
  onTask?: (done: number, total: number) => void;
}

export async function executeMode(
  tasks: readonly ScoredTask[],
  mode: Mode,
  executors: readonly Executor[],
  o: ExecuteOptions,
): Promise<ModeRun> {
  if (o.calibrations.length !== executors.length) {
    throw new SchedError(
      'calibrations',
      `one calibration per executor: ${executors.length} executors, ${o.calibrations.length} calibrations`,
    );
  }
  const used = executorsFor(mode, o.calibrations, o.chains);
  const byId = new Map(tasks.map((t, i) => [t.id, { t, i }]));
  const runs: MeasuredRun[] = [];
  let reruns = 0;
  let merged = 0;
  let done = 0;
  let cancelled = false;
  const t0 = performance.now();
  const now = () => (performance.now() - t0) / 1000;

  async function runChecked(id: string, executor: number): Promise<void> {
    const entry = byId.get(id);
    const ex = executors[executor];
    if (!entry || !ex) throw new Error(`no task ${id} or executor ${executor}`);
    const faults = createRng(o.seed).fork(entry.i);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const start = now();
      const r = await ex.run({
        task: id,
        batch: batchOf(entry.t.work),
        seed: o.seed * 100_003 + entry.i,
        corrupt: faults.next() < o.faultRate,
      });
      const ok = resultOk(r);
      runs.push({ task: id, executor, start, end: now(), attempt, ok });
      if (ok) {
        merged += r.coherence;
        o.onTask?.(++done, tasks.length);
        return;
      }
      reruns++;
    }
    throw new Error(`task ${id} failed its check ${MAX_ATTEMPTS} times`);
  }
  const stopped = () => cancelled || (o.signal?.aborted ?? false);
  /** Runs `next()`'s tasks on one executor until there are none or the run is cancelled. */
  async function loop(executor: number, next: () => string | undefined): Promise<void> {
    for (let id = next(); id !== undefined; id = next()) {
      if (stopped()) {
        cancelled = true;
        return;
      }
      await runChecked(id, executor);
    }
  }

  if (mode === 'hybrid') {
    const chains = planChains(tasks, o.calibrations, o.chains);
    await Promise.all(
      used.map((executor, k) => {
        const chain = chains[k] ?? [];
        let at = 0;
        return loop(executor, () => chain[at++]);
      }),
    );
  } else {
    // One queue in task order; the executors start fastest first, as the simulator fills cores.
    const queue = tasks.map((t) => t.id);
    let at = 0;
    await Promise.all(used.map((executor) => loop(executor, () => queue[at++])));
  }
  if (stopped()) throw new CancelledError();
  return {
    mode,
    used,
    executors: used.map((i) => executors[i]?.label ?? String(i)),
    measuredSeconds: now(),
    predictedSeconds: predict(tasks, mode, o.calibrations, o.chains, o.faultRate, o.seed),
    reruns,
    merged,
    runs,
  };
}

/** "GPU + 3 CPU": the executors a mode used, counted by label prefix. */
export function describeExecutors(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) {
    const kind = l.replace(/\s*\d+$/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n === 1 ? k : `${n} ${k}`)).join(' + ');
}
