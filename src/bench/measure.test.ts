import { describe, expect, it } from 'vitest';
import { measure, measureAlternating, measurePair, type SpanTime } from './measure';

/** An operation of `opMs` read through a clock that rounds down to `quantumMs`. */
function coarseClock(opMs: number, quantumMs: number) {
  const calls: number[] = [];
  const run = (repeats: number): Promise<SpanTime> => {
    calls.push(repeats);
    const ms = Math.floor((opMs * repeats) / quantumMs) * quantumMs;
    return Promise.resolve({ ms, method: 'wall' });
  };
  return { run, calls };
}

const spec = { spans: 3, caseBudgetMs: 10_000, minSpanMs: 5, maxRepeats: 8 };

describe('measure', () => {
  it('warms up, then times spans of repeats and reports the per-operation median', async () => {
    const { run, calls } = coarseClock(1, 1e-6);
    const t = await measure(run, spec);
    expect(calls.slice(0, 2)).toEqual([1, 1]);
    expect(t.repeats).toBe(5);
    expect(t.spansMs).toHaveLength(3);
    expect(t.medianMs).toBeCloseTo(1, 9);
    expect(t.cv).toBeCloseTo(0, 9);
  });

  it('grows a span below the clock resolution past maxRepeats until it can be timed', async () => {
    // 1 µs operations on a 0.1 ms clock: one operation reads as 0 ms.
    const { run } = coarseClock(0.001, 0.1);
    const t = await measure(run, spec);
    expect(t.repeats).toBeGreaterThan(spec.maxRepeats);
    expect(t.medianMs).toBeGreaterThan(0.0009);
    expect(t.medianMs).toBeLessThan(0.0011);
  });

  it('stops at an abort between spans', async () => {
    const { run } = coarseClock(1, 1e-6);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(measure(run, spec, controller.signal)).rejects.toThrow('stop');
  });
});

describe('measurePair', () => {
  it('alternates the spans of two operations, A B then B A, with as many spans each', async () => {
    const order: string[] = [];
    let load = 1; // the machine slows down span after span
    const op =
      (name: string, ms: number) =>
      (repeats: number): Promise<SpanTime> => {
        order.push(name);
        load *= 1.1;
        return Promise.resolve({ ms: ms * repeats * load, method: 'timestamp' });
      };
    const [a, b] = await measurePair(op('a', 2), op('b', 3), { ...spec, spans: 4 });
    // Two warm-up/calibration runs each, then the alternating spans.
    expect(order.slice(4)).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    expect(a.spansMs).toHaveLength(4);
    expect(b.spansMs).toHaveLength(4);
    // The drift reaches both: each pair's ratio stays near 3/2 although the times grow.
    const ratios = b.spansMs.map((ms, i) => ms / (a.spansMs[i] as number));
    for (const r of ratios) expect(Math.abs(r - 1.5)).toBeLessThan(0.2);
    expect(b.spansMs[3]).toBeGreaterThan(b.spansMs[0] as number);
  });
});

describe('measureAlternating', () => {
  it('runs three operations forward then backward, each span paired across all', async () => {
    const order: string[] = [];
    let load = 1;
    const op =
      (name: string, ms: number) =>
      (repeats: number): Promise<SpanTime> => {
        order.push(name);
        load *= 1.05;
        return Promise.resolve({ ms: ms * repeats * load, method: 'timestamp' });
      };
    const timed = await measureAlternating([op('a', 2), op('b', 3), op('c', 1)], {
      ...spec,
      spans: 3,
    });
    expect(order.slice(6)).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c']);
    expect(timed.map((t) => t.spansMs.length)).toEqual([3, 3, 3]);
    const [, b, c] = timed;
    // Copy-like c against b, pair by pair: near 1/3 despite the drift.
    for (const [i, ms] of (c?.spansMs ?? []).entries()) {
      expect(Math.abs(ms / (b?.spansMs[i] as number) - 1 / 3)).toBeLessThan(0.05);
    }
  });
});
