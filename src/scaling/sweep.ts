/**
 * A sweep: one measured point per x (workers, signals per dispatch, bytes), each the median of
 * several timed spans with their spread, as the benchmark reports its cases. The timing itself
 * is injected (`span`), so the same code measures worker pools, GPU dispatches and transfers.
 */
import { coefficientOfVariation, median, quantile } from '../measure';
import type { Points } from './least-squares';
import type { ModelId } from './models';

export type SweepId = 'workers' | 'capacity' | 'upload' | 'readback';

export interface SweepPoint {
  readonly x: number;
  /** Throughput at the median span: work ÷ median time, in the sweep's unit. */
  readonly y: number;
  /** Throughput at the first and third quartiles of the spans (slow, fast). */
  readonly yLo: number;
  readonly yHi: number;
  readonly medianMs: number;
  /** Coefficient of variation of the spans. */
  readonly cv: number;
  readonly spansMs: number[];
}

export interface Sweep {
  readonly id: SweepId;
  readonly label: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** The models this sweep was designed to test; every model is still fitted and ranked. */
  readonly intendedModels: readonly ModelId[];
  /** What ran, in words (pool, kernel, sizes), for the report. */
  readonly method: string;
  readonly points: SweepPoint[];
}

export interface PointPlan {
  /** Untimed spans first (JIT, first-touch allocation, worker start-up). */
  warmup: number;
  rounds: number;
}

/** Re-timings of a span that read 0 ms before a point is given up. */
const SPAN_RETRIES = 3;

/**
 * Times `span` (which returns milliseconds) `warmup + rounds` times and reduces the timed
 * rounds to a point; `work` is the amount one span does, in the unit of the throughput, per ms.
 */
export async function measurePoint(
  x: number,
  work: number,
  span: () => Promise<number>,
  plan: PointPlan,
  signal?: AbortSignal,
): Promise<SweepPoint> {
  if (plan.rounds < 1) throw new RangeError(`rounds must be ≥ 1, got ${plan.rounds}`);
  const spans: number[] = [];
  for (let i = 0; i < plan.warmup + plan.rounds; i++) {
    signal?.throwIfAborted();
    // A span can read 0 now and then (a quantized GPU timestamp pair, a coarse browser clock):
    // time it again before calling the clock too coarse for this point.
    let ms = await span();
    for (let retry = 0; retry < SPAN_RETRIES && !(ms > 0); retry++) ms = await span();
    if (!(ms > 0 && Number.isFinite(ms)))
      throw new Error(`x = ${x}: a timed span was ${ms} ms (the clock is too coarse for it)`);
    if (i >= plan.warmup) spans.push(ms);
  }
  return pointFromSpans(x, work, spans);
}

export function pointFromSpans(x: number, work: number, spansMs: number[]): SweepPoint {
  const medianMs = median(spansMs);
  return {
    x,
    y: work / medianMs,
    yLo: work / quantile(spansMs, 0.75),
    yHi: work / quantile(spansMs, 0.25),
    medianMs,
    cv: coefficientOfVariation(spansMs),
    spansMs,
  };
}

export function sweepPoints(sweep: Sweep): Points {
  return { x: sweep.points.map((p) => p.x), y: sweep.points.map((p) => p.y) };
}

/** Worker counts 1 … max: every count up to 8, then about 1.5× steps, always ending at max. */
export function workerCounts(max: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= max; n = n < 8 ? n + 1 : Math.max(n + 1, Math.round(n * 1.5))) out.push(n);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

/** Powers of two from `lo` to `hi` inclusive (both powers of two). */
export function powersOfTwo(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v *= 2) out.push(v);
  return out;
}

/**
 * Repeats per span so that one span lasts about `minMs` (a span far shorter than the clock's
 * resolution or the dispatch overhead measures those instead): times one run, scales up.
 */
export async function calibrateRepeats(
  run: (repeats: number) => Promise<number>,
  minMs: number,
  maxRepeats: number,
): Promise<number> {
  let repeats = 1;
  let ms = await run(repeats);
  while (ms < minMs && repeats < maxRepeats) {
    const scale = ms > 0 ? Math.min(16, Math.ceil((1.2 * minMs) / ms)) : 16;
    repeats = Math.min(maxRepeats, repeats * Math.max(2, scale));
    ms = await run(repeats);
  }
  return repeats;
}
