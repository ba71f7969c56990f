import { describe, expect, it } from 'vitest';
import { FrameRing, freshSamples, MIN_OVERLAP, overlapShift } from './frame-ring';

/** The stream 0, 1, 2 … so every frame says where it started. */
function ramp(from: number, count: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => from + i);
}

describe('FrameRing', () => {
  it('cuts frames of `size` every `hop` samples, whatever the pieces the stream arrives in', () => {
    const ring = new FrameRing(8, 4);
    const starts: number[] = [];
    let at = 0;
    for (const piece of [3, 5, 1, 7, 2, 10]) {
      ring.push(ramp(at, piece));
      at += piece;
      for (let f = ring.pull(); f; f = ring.pull()) {
        expect(Array.from(f)).toEqual(Array.from(ramp(f[0] ?? -1, 8)));
        starts.push(f[0] ?? -1);
      }
    }
    // 28 samples: frames start at 0, 4, … 20 (the one at 24 lacks 4 samples).
    expect(starts).toEqual([0, 4, 8, 12, 16, 20]);
    expect(ring.ready).toBe(0);
    expect(ring.dropped).toBe(0);
  });

  it('latest() skips to the newest complete frame on the hop grid and counts the skipped', () => {
    const ring = new FrameRing(8, 4);
    ring.push(ramp(0, 30));
    expect(ring.ready).toBe(6);
    const f = ring.latest();
    expect(f?.[0]).toBe(20);
    expect(ring.dropped).toBe(5);
    expect(ring.latest()).toBeNull();
    ring.push(ramp(30, 2));
    expect(ring.latest()?.[0]).toBe(24);
  });

  it('keeps memory bounded: frames that left the ring unread are dropped, not garbled', () => {
    const ring = new FrameRing(4, 2, 8);
    ring.push(ramp(0, 100));
    const f = ring.pull();
    // Only samples 92 … 99 are still held: the oldest frame left starts at 92.
    expect(Array.from(f ?? [])).toEqual([92, 93, 94, 95]);
    expect(ring.dropped).toBe(46);
  });

  it('refuses a hop larger than the frame or a capacity below it', () => {
    expect(() => new FrameRing(8, 9)).toThrow(/hop/);
    expect(() => new FrameRing(8, 0)).toThrow(/hop/);
    expect(() => new FrameRing(8, 4, 7)).toThrow(/capacity/);
  });
});

describe('freshSamples', () => {
  it('converts elapsed audio time to samples, clamped to the analyser length', () => {
    expect(freshSamples(0.01, 48000, 2048)).toBe(480);
    expect(freshSamples(1, 48000, 2048)).toBe(2048);
    expect(freshSamples(0, 48000, 2048)).toBe(0);
    expect(freshSamples(-0.5, 48000, 2048)).toBe(0);
    expect(freshSamples(Number.NaN, 48000, 2048)).toBe(0);
  });
});

describe('overlapShift', () => {
  /** The newest n samples of a noise stream, as of sample `end`. */
  function newest(stream: Float32Array, end: number, n: number): Float32Array {
    return stream.slice(end - n, end);
  }
  const stream = Float32Array.from(
    { length: 5000 },
    (_, i) => Math.sin(i * 0.731) * Math.cos(i * 0.0123 + 1),
  );

  it('finds the exact number of new samples whatever the clock estimate says', () => {
    const a = newest(stream, 3000, 1024);
    for (const d of [0, 1, 37, 500, 1024 - MIN_OVERLAP]) {
      const b = newest(stream, 3000 + d, 1024);
      for (const estimate of [d, d + 40, Math.max(0, d - 40), 0, 1024]) {
        expect(overlapShift(a, b, estimate), `d ${d}, estimate ${estimate}`).toBe(d);
      }
    }
  });

  it('says N when the reads do not overlap (a gap), and keeps the estimate for silence', () => {
    expect(overlapShift(newest(stream, 1100, 1024), newest(stream, 4000, 1024), 300)).toBe(1024);
    expect(overlapShift(newest(stream, 2000, 1024), newest(stream, 3000, 1024), 0)).toBe(1024);
    expect(overlapShift(new Float32Array(128), new Float32Array(128), 17)).toBe(17);
  });
});

describe('FrameRing.reset', () => {
  it('drops the samples held, so the next frame starts after the gap', () => {
    const ring = new FrameRing(4, 2);
    ring.push(ramp(0, 3));
    ring.reset();
    ring.push(ramp(100, 4));
    expect(Array.from(ring.latest() ?? [])).toEqual([100, 101, 102, 103]);
  });
});
