/**
 * Seeded task sets for the lab. Every task carries a signal from the playground's own 1D
 * generators, so its coherence comes from the engine, not from a number drawn to suit a policy:
 *   coherent — golden tones (score 0.7–1 in radians, lower for higher tones),
 *   blended  — golden tones plus noise at 0 dB (0.5–0.67),
 *   noise    — white noise (0.29–0.4: a minority fall under the documents' 0.3).
 * A task's kind is its family (tasks of one family share a working set). That link between
 * coherence and cache locality is the documents' premise, so it favours the coherence policy.
 *
 * Workloads: 'mixed' (Poisson arrivals, some deadlines), 'deadline' (every task has a tight
 * deadline), 'bursty' (arrivals in bursts of about 20 at once, the same mean load).
 */
import { createRng, type Rng } from '../measure/rng';
import { writeCoherent, writeCoherentNoise, writeNoise } from '../workloads/signals-1d';
import { SchedError, type Task } from './types';

export const WORKLOADS = ['mixed', 'deadline', 'bursty'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export const FAMILIES = ['coherent', 'blended', 'noise'] as const;
const FAMILY_WEIGHTS = [0.4, 0.3, 0.3];

export interface GenerateOptions {
  workload: WorkloadName;
  count: number;
  seed: number;
  /** Σ speed of the executors the set is meant for; arrivals are paced to `load` of it. */
  capacity?: number;
  /** Offered load: mean work arriving per unit time ÷ capacity. */
  load?: number;
  /** Samples per signal (a power of two). */
  signalLength?: number;
}

export const MAX_GENERATED = 100_000;
const MEAN_WORK = 1;
const WORK_SIGMA = 0.8;
const BURST = 20;

/** Lognormal work with mean MEAN_WORK, clamped so one task never dwarfs a whole set. */
function drawWork(rng: Rng): number {
  const mu = Math.log(MEAN_WORK) - (WORK_SIGMA * WORK_SIGMA) / 2;
  return Math.min(20, Math.max(0.05, Math.exp(mu + WORK_SIGMA * rng.normal())));
}

function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng.next()) / rate;
}

function family(rng: Rng): (typeof FAMILIES)[number] {
  let u = rng.next();
  for (let i = 0; i < FAMILIES.length; i++) {
    u -= FAMILY_WEIGHTS[i] ?? 0;
    if (u < 0) return FAMILIES[i] ?? 'noise';
  }
  return 'noise';
}

function signalOf(kind: (typeof FAMILIES)[number], n: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  const r = {
    next: rng.next,
    normal: rng.normal,
    uniform: (lo: number, hi: number) => lo + (hi - lo) * rng.next(),
  };
  const f0 = 0.005 + 0.045 * rng.next();
  if (kind === 'coherent') writeCoherent(out, r, f0, 3);
  else if (kind === 'blended') writeCoherentNoise(out, r, f0, 3, 0);
  else writeNoise(out, r);
  return out;
}

export function generateTasks(o: GenerateOptions): Task[] {
  const { workload, count, seed } = o;
  const capacity = o.capacity ?? 4;
  const load = o.load ?? 0.85;
  const n = o.signalLength ?? 256;
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED) {
    throw new SchedError(
      'count',
      `task count must be a whole number from 1 to ${MAX_GENERATED}; got ${count}`,
    );
  }
  if (!(capacity > 0) || !(load > 0)) {
    throw new SchedError('load', `capacity and load must be > 0; got ${capacity} and ${load}`);
  }
  if (!Number.isInteger(Math.log2(n)) || n < 2) {
    throw new SchedError('signalLength', `signal length must be a power of two ≥ 2; got ${n}`);
  }
  const root = createRng(seed);
  const timing = root.fork(1);
  const shape = root.fork(2);
  const signals = root.fork(3);
  const rate = (load * capacity) / MEAN_WORK;
  const tasks: Task[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    if (workload === 'bursty') {
      // A burst of BURST tasks arrives within a short window, then a gap that keeps the mean rate.
      if (i % BURST === 0 && i > 0) t += exponential(timing, rate / BURST);
      t += 0.001 * timing.next();
    } else if (i > 0) t += exponential(timing, rate);
    const work = drawWork(shape);
    const kind = family(shape);
    const urgency = shape.next();
    const slack = workload === 'deadline' ? 1.5 + 3 * shape.next() : 2 + 6 * shape.next();
    const hasDeadline = workload === 'deadline' || shape.next() < 0.3;
    const task: Task = {
      id: `t${i}`,
      arrival: t,
      work,
      urgency,
      kind,
      signal: signalOf(kind, n, signals.fork(i)),
    };
    if (hasDeadline) task.deadline = t + slack * work;
    tasks.push(task);
  }
  return tasks;
}

/** Parses "mixed:500" into a workload and a count; throws SchedError naming `generate`. */
export function parseGenerateSpec(spec: string): { workload: WorkloadName; count: number } {
  const m = /^([a-z]+):(\d+)$/.exec(spec);
  const workload = WORKLOADS.find((w) => w === m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !workload || !Number.isInteger(count) || count < 1 || count > MAX_GENERATED) {
    throw new SchedError(
      'generate',
      `--generate must be WORKLOAD:COUNT with WORKLOAD one of ${WORKLOADS.join(', ')} and COUNT from 1 to ${MAX_GENERATED}; got ${spec}`,
    );
  }
  return { workload, count };
}
