/**
 * The timing method shared by every case: one warm-up operation (pipeline compilation, first
 * touch of memory), one timed operation to size the spans, then `spans` spans of `repeats`
 * back-to-back operations. The per-operation time of each span is kept; the case reports their
 * median and coefficient of variation. `measurePair` interleaves the spans of two operations
 * whose ratio is reported.
 */
import type { PassTime } from '../engine';
import type { BenchTimingMethod } from './schema';
import { coefficientOfVariation, median } from '../measure/summary';
import { chooseRepeats, chooseSpans } from './suite';

/** The time of one span and how it was taken: the engine's, or wall time for CPU work. */
export type SpanTime = PassTime;

export interface MeasureSpec {
  spans: number;
  caseBudgetMs: number;
  minSpanMs: number;
  maxRepeats: number;
}

export interface Timed {
  repeats: number;
  spansMs: number[];
  medianMs: number;
  cv: number;
  method: BenchTimingMethod;
}

/**
 * Shortest span worth timing. Clocks are coarse: browsers round performance.now() to 0.1 ms or
 * more, and timestamp queries are quantized to about 0.1 ms. A shorter span can read as 0.
 */
const MIN_TIMABLE_SPAN_MS = 2;
const MAX_CALIBRATION_REPEATS = 2 ** 20;

/** Lets the page repaint and an abort land between spans. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type Run = (repeats: number) => Promise<SpanTime>;

interface Calibrated {
  repeats: number;
  spanMs: number;
  method: BenchTimingMethod;
}

/** Warm-up, then the repeats that make a span about `minSpanMs` and timable at all. */
async function calibrate(run: Run, spec: MeasureSpec, signal?: AbortSignal): Promise<Calibrated> {
  await run(1);
  signal?.throwIfAborted();
  const single = await run(1);
  let repeats = chooseRepeats(single.ms, spec.minSpanMs, spec.maxRepeats);
  // An operation far below the clock's resolution gets more repeats than maxRepeats (which
  // bounds long spans), until its span can be timed at all.
  let spanMs = single.ms * repeats;
  while (spanMs < MIN_TIMABLE_SPAN_MS && repeats < MAX_CALIBRATION_REPEATS) {
    signal?.throwIfAborted();
    repeats *= 4;
    spanMs = (await run(repeats)).ms;
  }
  return { repeats, spanMs, method: single.method };
}

/** One timed span, as per-operation milliseconds. */
async function span(run: Run, c: Calibrated, signal?: AbortSignal): Promise<number> {
  await yieldToEventLoop();
  signal?.throwIfAborted();
  const t = await run(c.repeats);
  if (t.method === 'wall') c.method = 'wall';
  return t.ms / c.repeats;
}

function summarize(c: Calibrated, spansMs: number[]): Timed {
  const medianMs = median(spansMs);
  if (!(medianMs > 0)) {
    throw new Error(
      `timer returned ${medianMs} ms for ${c.repeats} operations: below its resolution`,
    );
  }
  const cv = coefficientOfVariation(spansMs);
  return { repeats: c.repeats, spansMs, medianMs, cv, method: c.method };
}

export async function measure(run: Run, spec: MeasureSpec, signal?: AbortSignal): Promise<Timed> {
  const c = await calibrate(run, spec, signal);
  const spans = chooseSpans(c.spanMs, spec.spans, spec.caseBudgetMs);
  const spansMs: number[] = [];
  for (let s = 0; s < spans; s++) spansMs.push(await span(run, c, signal));
  return summarize(c, spansMs);
}

/**
 * Two operations whose ratio is the point (fused against separate passes, a case against the
 * copy of its bytes): their spans alternate, A B, B A, A B…, so a change in the machine's load
 * between spans reaches both alike, and span i of A pairs with span i of B. Both get the same
 * number of spans.
 */
export async function measurePair(
  a: Run,
  b: Run,
  spec: MeasureSpec,
  signal?: AbortSignal,
): Promise<[Timed, Timed]> {
  const [ta, tb] = await measureAlternating([a, b], spec, signal);
  return [ta as Timed, tb as Timed];
}

/**
 * Any number of operations timed in alternation: span s runs them in order when s is even and
 * in reverse when it is odd (A B C, C B A, …), so span i of each pairs with span i of every
 * other. Each is calibrated on its own; all get the same number of spans.
 */
export async function measureAlternating(
  runs: readonly Run[],
  spec: MeasureSpec,
  signal?: AbortSignal,
): Promise<Timed[]> {
  const calibrated: Calibrated[] = [];
  for (const run of runs) calibrated.push(await calibrate(run, spec, signal));
  const spans = Math.min(
    ...calibrated.map((c) => chooseSpans(c.spanMs, spec.spans, spec.caseBudgetMs)),
  );
  const spansMs: number[][] = runs.map(() => []);
  const order = runs.map((_, i) => i);
  for (let s = 0; s < spans; s++) {
    for (const i of s % 2 === 0 ? order : [...order].reverse()) {
      (spansMs[i] as number[]).push(
        await span(runs[i] as Run, calibrated[i] as Calibrated, signal),
      );
    }
  }
  return calibrated.map((c, i) => summarize(c, spansMs[i] as number[]));
}

/** Wall-clock span of synchronous CPU work. */
export function wallSpan(work: (repeats: number) => void): (repeats: number) => Promise<SpanTime> {
  return (repeats) => {
    const t0 = performance.now();
    work(repeats);
    return Promise.resolve({ ms: performance.now() - t0, method: 'wall' });
  };
}
