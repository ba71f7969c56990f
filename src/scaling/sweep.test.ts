import { describe, expect, it } from 'vitest';
import {
  calibrateRepeats,
  measurePoint,
  pointFromSpans,
  powersOfTwo,
  sweepPoints,
  workerCounts,
} from './sweep';
import { attainable, ridgeIntensity, rooflinePoint } from './roofline';
import { fftBatch } from './fft-task';
import { splitEvenly } from './worker-sweep';

describe('sweep points', () => {
  it('a point is work ÷ median span, with the quartiles as its spread', async () => {
    const spans = [10, 50, 20, 40, 30, 99];
    let i = 0;
    const p = await measurePoint(4, 1000, async () => spans[i++] as number, {
      warmup: 1,
      rounds: 5,
    });
    expect(p.spansMs).toEqual([50, 20, 40, 30, 99]);
    expect(p.medianMs).toBe(40);
    expect(p.y).toBe(25);
    expect(p.yLo).toBe(1000 / 50);
    expect(p.yHi).toBe(1000 / 30);
    expect(p.yLo).toBeLessThanOrEqual(p.y);
    expect(p.yHi).toBeGreaterThanOrEqual(p.y);
    expect(pointFromSpans(1, 10, [5]).cv).toBe(0);
  });

  it('times a 0 ms span again before giving up on the point', async () => {
    const readings = [0, 0, 4, 2];
    let calls = 0;
    const p = await measurePoint(1, 8, async () => readings[calls++] as number, {
      warmup: 0,
      rounds: 2,
    });
    expect(p.spansMs).toEqual([4, 2]);
    expect(calls).toBe(4);
  });

  it('refuses a span the clock could not resolve, and stops when aborted', async () => {
    await expect(measurePoint(1, 1, async () => 0, { warmup: 0, rounds: 1 })).rejects.toThrow(
      /0 ms/,
    );
    const ac = new AbortController();
    ac.abort();
    await expect(
      measurePoint(1, 1, async () => 1, { warmup: 0, rounds: 3 }, ac.signal),
    ).rejects.toThrow();
  });

  it('calibrates repeats until a span reaches the minimum', async () => {
    const calls: number[] = [];
    const r = await calibrateRepeats(async (n) => (calls.push(n), 0.3 * n), 10, 1000);
    expect(0.3 * r).toBeGreaterThanOrEqual(10);
    expect(calls[0]).toBe(1);
    expect(await calibrateRepeats(async () => 0.001, 10, 64)).toBe(64);
  });

  it('designs the x of each sweep', () => {
    expect(workerCounts(4)).toEqual([1, 2, 3, 4]);
    expect(workerCounts(32)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 12, 18, 27, 32]);
    expect(powersOfTwo(4, 64)).toEqual([4, 8, 16, 32, 64]);
    expect(splitEvenly(10, 4)).toEqual([2, 3, 2, 3]);
    expect(splitEvenly(3, 5).reduce((a, b) => a + b)).toBe(3);
    const sweep = { points: [pointFromSpans(1, 6, [2]), pointFromSpans(2, 6, [1])] };
    expect(sweepPoints(sweep as never)).toEqual({ x: [1, 2], y: [3, 6] });
  });
});

describe('roofline', () => {
  const c = { bandwidth: 100e9, peakFlops: 1e12 };
  it('is min(peak, intensity × bandwidth), with the ridge where they meet', () => {
    expect(ridgeIntensity(c)).toBe(10);
    expect(attainable(c, 1)).toBe(100e9);
    expect(attainable(c, 100)).toBe(1e12);
  });

  it('places an operator by its work and time', () => {
    // 1 GFLOP over 0.5 GB in 10 ms: I = 2, 100 GFLOP/s attained of a 200 GFLOP/s memory roof.
    const p = rooflinePoint('fft', '1 × 1', { flops: 1e9, bytes: 5e8 }, 10, c);
    expect(p.intensity).toBe(2);
    expect(p.flopRate).toBeCloseTo(1e11, 0);
    expect(p.ceiling).toBe(2e11);
    expect(p.fraction).toBeCloseTo(0.5, 12);
    expect(p.boundBy).toBe('memory');
    const copy = rooflinePoint('copy', '1 × 1', { flops: 0, bytes: 1e9 }, 20, c);
    expect(copy.fraction).toBeCloseTo(0.5, 12);
    expect(() => rooflinePoint('x', '', { flops: 1, bytes: 0 }, 1, c)).toThrow(/bytes/);
  });
});

describe('the worker sweep’s FFT task', () => {
  it('is deterministic per seed and times its transforms on a shared clock', () => {
    const a = fftBatch(64, 3, 2, 5);
    const b = fftBatch(64, 3, 2, 5);
    expect(b.checksum).toBe(a.checksum);
    expect(fftBatch(64, 3, 2, 6).checksum).not.toBe(a.checksum);
    expect(a.endMs).toBeGreaterThanOrEqual(a.startMs);
    expect(a.startMs).toBeGreaterThan(1.6e12); // epoch milliseconds, comparable across threads
  });
});
