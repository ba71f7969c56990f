import { describe, expect, it } from 'vitest';
import { AdaptiveWorkers } from './adaptive';
import { nextBatchSize } from './memory';

/** Drives the hill climb with a throughput curve until it settles; returns the counts visited. */
function climb(
  curve: (workers: number) => number,
  start: number,
  max = 8,
): { visited: number[]; final: number; reasons: string[] } {
  const a = new AdaptiveWorkers({ min: 1, max, minGain: 0.05 }, start);
  const visited = [start];
  const reasons: string[] = [];
  for (let i = 0; i < 20; i++) {
    const d = a.observe(curve(a.workers));
    if (!d) continue;
    reasons.push(d.reason);
    visited.push(d.to);
  }
  return { visited, final: a.workers, reasons };
}

describe('adaptive worker count', () => {
  it('adds workers while throughput improves and steps back from the first that does not pay', () => {
    const r = climb((w) => [0, 100, 190, 260, 262, 250][w] ?? 0, 1);
    expect(r.visited).toEqual([1, 2, 3, 4, 3]);
    expect(r.final).toBe(3);
    expect(r.reasons[r.reasons.length - 1]).toMatch(/settled/);
  });

  it('tries fewer workers when one more does not help, and keeps fewer when that is faster', () => {
    const r = climb((w) => [0, 300, 250, 200, 150][w] ?? 0, 3);
    expect(r.final).toBe(1);
    expect(r.visited).toEqual([3, 4, 2, 1]);
  });

  it('never leaves its bounds', () => {
    const r = climb((w) => w * 100, 1, 4);
    expect(Math.max(...r.visited)).toBe(4);
    expect(r.final).toBe(4);
  });
});

describe('dynamic batch size', () => {
  const memory = (b: number) => 1000 + 100 * b;
  it('halves until the worker fits the budget, and doubles back when the budget allows', () => {
    expect(nextBatchSize(32, 32, 2000, memory)).toMatchObject({
      from: 32,
      to: 8,
      memoryBytes: 1800,
    });
    expect(nextBatchSize(8, 32, 2000, memory)).toBeNull();
    expect(nextBatchSize(8, 32, 1e9, memory)).toMatchObject({ from: 8, to: 32 });
    expect(nextBatchSize(8, 32, 2700, memory)).toMatchObject({ to: 16 });
    expect(nextBatchSize(4, 32, 10, memory)).toMatchObject({ to: 1 });
  });
});
