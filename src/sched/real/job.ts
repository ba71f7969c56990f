/**
 * One real job of the scheduler lab: the φ-resolvent of a task's signals on the float64 CPU
 * engine, `batch` real signals of SIGNAL_LENGTH samples, generated from the job's seed inside
 * the worker so only a few numbers cross threads. Imports the CPU engine's module directly, not
 * src/engine/index.ts: a worker thread has no Vite to resolve the GPU side's `?raw` WGSL, and
 * the CPU engine has none.
 */
import { createCpuEngine } from '../../engine/cpu-engine';
import { createRng } from '../../measure/rng';

export const SIGNAL_LENGTH = 1024;
/** Signals per unit of simulated work: a unit is about a millisecond or two of one core. */
export const SIGNALS_PER_UNIT = 32;

export interface Job {
  task: string;
  /** Signals to filter; 0 measures the round trip alone. */
  batch: number;
  seed: number;
  /** Fault injection: the job returns a corrupted result, which the check must catch. */
  corrupt: boolean;
}

export interface JobResult {
  task: string;
  /** Coherence of the whole batch: Σ R|X|² ÷ Σ |X|²; NaN when corrupted. */
  coherence: number;
  /** Time the job computed, ms (wall clock inside the worker). */
  ms: number;
}

const engine = createCpuEngine();

export async function resolventJob(job: Job): Promise<JobResult> {
  const t0 = performance.now();
  if (job.batch === 0) return { task: job.task, coherence: 1, ms: 0 };
  const rng = createRng(job.seed);
  const data = new Float64Array(job.batch * SIGNAL_LENGTH);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  const r = await engine.resolvent(data, {
    shape: [SIGNAL_LENGTH],
    batch: job.batch,
    real: true,
    kUnit: 'radians',
  });
  return {
    task: job.task,
    coherence: job.corrupt ? NaN : r.batchCoherence,
    ms: performance.now() - t0,
  };
}

/** The check a result must pass; a failed one is re-run. */
export function resultOk(r: JobResult): boolean {
  return Number.isFinite(r.coherence) && r.coherence >= 0 && r.coherence <= 1;
}

/** Signals of a task of `work` units (at least one). */
export function batchOf(work: number): number {
  return Math.max(1, Math.round(work * SIGNALS_PER_UNIT));
}
