/**
 * One real job of the scheduler lab: the φ-resolvent of a task's signals, `batch` real signals
 * of SIGNAL_LENGTH samples generated from the job's seed where the job runs, so only a few
 * numbers cross threads. The same job runs on any engine: the float64 CPU engine inside a
 * worker (`resolventJob`), or the app's GPU engine on the GPU queue (`resolventOn`, see
 * gpu-executor.ts). Imports the CPU engine's module directly, not src/engine/index.ts: a Node
 * worker thread has no Vite to resolve the GPU side's `?raw` WGSL, and the CPU engine has none.
 */
import type { Engine } from '../../engine';
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
  /** Spectral energy of the whole batch, Σ |X|² (the denominator of the coherence). */
  energy: number;
  /** Time the job computed, ms (wall clock where it ran). */
  ms: number;
}

/** The job's signals, the same on every executor: `batch` rows of seeded standard normals. */
export function jobSignals(job: Job): Float64Array {
  const rng = createRng(job.seed);
  const data = new Float64Array(job.batch * SIGNAL_LENGTH);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return data;
}

/**
 * The job on `engine`, in calls of `calls` signals each (default: one call of the whole batch).
 * Signals past the batch are zeros: they add no energy, so the batch's coherence Σ R|X|² ÷ Σ |X|²
 * and energy are those of the batch itself. The lab scores in radians per sample, as
 * coherence-score.ts explains.
 */
export async function resolventOn(
  engine: Pick<Engine, 'resolvent'>,
  job: Job,
  calls: readonly number[] = [job.batch],
): Promise<JobResult> {
  const t0 = performance.now();
  if (job.batch === 0) return { task: job.task, coherence: 1, energy: 0, ms: 0 };
  const signals = jobSignals(job);
  let kept = 0;
  let energy = 0;
  let at = 0;
  for (const batch of calls) {
    const data = new Float64Array(batch * SIGNAL_LENGTH);
    data.set(signals.subarray(at * SIGNAL_LENGTH, (at + batch) * SIGNAL_LENGTH));
    at += batch;
    const r = await engine.resolvent(data, {
      shape: [SIGNAL_LENGTH],
      batch,
      real: true,
      kUnit: 'radians',
    });
    let e = 0;
    for (const v of r.energy) e += v;
    kept += r.batchCoherence * e;
    energy += e;
  }
  if (at < job.batch)
    throw new Error(`calls of ${at} signals do not cover a batch of ${job.batch}`);
  return {
    task: job.task,
    coherence: job.corrupt ? NaN : energy > 0 ? kept / energy : 0,
    energy,
    ms: performance.now() - t0,
  };
}

const cpuEngine = createCpuEngine();

/** The job on the float64 CPU engine: what a CPU worker of the pool runs. */
export function resolventJob(job: Job): Promise<JobResult> {
  return resolventOn(cpuEngine, job);
}

/** The check a result must pass; a failed one is re-run. */
export function resultOk(r: JobResult): boolean {
  return Number.isFinite(r.coherence) && r.coherence >= 0 && r.coherence <= 1;
}

/** Signals of a task of `work` units (at least one). */
export function batchOf(work: number): number {
  return Math.max(1, Math.round(work * SIGNALS_PER_UNIT));
}
