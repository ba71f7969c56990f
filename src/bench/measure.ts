/**
 * The timing method shared by every case: one warm-up operation (pipeline compilation, first
 * touch of memory), one timed operation to size the spans, then `spans` spans of `repeats`
 * back-to-back operations. The per-operation time of each span is kept; the case reports their
 * median and coefficient of variation.
 */
import type { BenchTimingMethod } from './schema';
import { coefficientOfVariation, median } from './stats';
import { chooseRepeats, chooseSpans } from './suite';
import type { SpanTime } from './timing';

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

export async function measure(
  run: (repeats: number) => Promise<SpanTime>,
  spec: MeasureSpec,
  signal?: AbortSignal,
): Promise<Timed> {
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
  const spans = chooseSpans(spanMs, spec.spans, spec.caseBudgetMs);
  const spansMs: number[] = [];
  let method = single.method;
  for (let s = 0; s < spans; s++) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    const t = await run(repeats);
    if (t.method === 'wall') method = 'wall';
    spansMs.push(t.ms / repeats);
  }
  const medianMs = median(spansMs);
  if (!(medianMs > 0)) {
    throw new Error(
      `timer returned ${medianMs} ms for ${repeats} operations: below its resolution`,
    );
  }
  return { repeats, spansMs, medianMs, cv: coefficientOfVariation(spansMs), method };
}

/** Wall-clock span of synchronous CPU work. */
export function wallSpan(work: (repeats: number) => void): (repeats: number) => Promise<SpanTime> {
  return (repeats) => {
    const t0 = performance.now();
    work(repeats);
    return Promise.resolve({ ms: performance.now() - t0, method: 'wall' });
  };
}
