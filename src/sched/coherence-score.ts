/**
 * A task's coherence from its signal: the share of spectral energy the φ-resolvent keeps,
 * Σ R·|X|² ÷ Σ |X|², exactly the playground's per-signal coherence. The engine computes it;
 * this module only batches the signals (one resolvent call per signal length, so one call when
 * all tasks carry signals of one length) and is handed the engine, so the simulator and its
 * unit tests stay free of it.
 *
 * Unit: in the playground's default unit (cycles per sample) R ≥ 1/(1 + φ/4) ≈ 0.712 at every
 * bin, so every signal scores above 0.71 and the documents' 0.3 threshold could never drop a
 * task. The lab therefore scores in radians per sample (κ = 2πf, the k of the documents'
 * formula), where white noise scores about 0.29–0.4 and low golden tones up to 1.
 */
import type { Engine, KUnit } from '../engine';
import type { ScoredTask, Task } from './types';

export interface ScoreOptions {
  phi: number;
  kUnit: KUnit;
  kScale: number;
}

export const SCHED_SCORE_DEFAULTS: ScoreOptions = { phi: 1.618034, kUnit: 'radians', kScale: 1 };

/** Coherence of each signal, in order. */
export type CoherenceScorer = (
  signals: readonly (readonly number[] | Float64Array)[],
) => Promise<number[]>;

export function resolventScorer(
  engine: Pick<Engine, 'resolvent'>,
  options: ScoreOptions = SCHED_SCORE_DEFAULTS,
): CoherenceScorer {
  return async (signals) => {
    const out = new Array<number>(signals.length).fill(0);
    const byLength = new Map<number, number[]>();
    signals.forEach((s, i) => {
      const list = byLength.get(s.length) ?? [];
      list.push(i);
      byLength.set(s.length, list);
    });
    for (const [n, indices] of byLength) {
      const data = new Float64Array(n * indices.length);
      indices.forEach((i, b) => data.set(signals[i] as ArrayLike<number>, b * n));
      const r = await engine.resolvent(data, {
        shape: [n],
        batch: indices.length,
        real: true,
        phi: options.phi,
        kUnit: options.kUnit,
        kScale: options.kScale,
      });
      indices.forEach((i, b) => (out[i] = r.coherence[b] ?? 0));
    }
    return out;
  };
}

/** The task as the simulator takes it: the samples are only needed for scoring. */
export function withoutSignal(t: Task): ScoredTask {
  const out: ScoredTask = { id: t.id, arrival: t.arrival, work: t.work };
  if (t.deadline !== undefined) out.deadline = t.deadline;
  if (t.urgency !== undefined) out.urgency = t.urgency;
  if (t.kind !== undefined) out.kind = t.kind;
  if (t.coherence !== undefined) out.coherence = t.coherence;
  return out;
}

/**
 * Tasks with their coherence settled: a given `coherence` is kept; the rest of the tasks with a
 * `signal` are scored together. The signals are not carried further.
 */
export async function scoreTasks(
  tasks: readonly Task[],
  scorer: CoherenceScorer,
): Promise<ScoredTask[]> {
  const need = tasks.flatMap((t, i) => (t.coherence === undefined && t.signal ? [i] : []));
  const scores = need.length ? await scorer(need.map((i) => tasks[i]?.signal ?? [])) : [];
  const byIndex = new Map(need.map((i, k) => [i, scores[k] ?? 0]));
  return tasks.map((t, i) => {
    const rest = withoutSignal(t);
    const score = byIndex.get(i);
    return score === undefined ? rest : { ...rest, coherence: score };
  });
}
