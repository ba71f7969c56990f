import { describe, expect, it } from 'vitest';
import {
  amplitude,
  defaultWindow,
  followWindow,
  MIN_SPAN,
  minValueSpan,
  panWindow,
  strongestSample,
  TIME_WINDOW_MAX,
  valueDomain,
  windowPoints,
  zoomWindow,
} from './sample-window';

function impulseAt(n: number, at: number, height = 1): Float32Array {
  const x = new Float32Array(n);
  x[at] = height;
  return x;
}

describe('defaultWindow', () => {
  it('shows a short signal whole', () => {
    expect(defaultWindow(new Float32Array(TIME_WINDOW_MAX))).toEqual({
      start: 0,
      end: TIME_WINDOW_MAX,
    });
  });

  it('keeps an impulse anywhere in a long signal in view', () => {
    const n = 1 << 16;
    for (const at of [0, 5, 777, 40_000, n - 1]) {
      const w = defaultWindow(impulseAt(n, at));
      expect(w.end - w.start).toBe(TIME_WINDOW_MAX);
      expect(at).toBeGreaterThanOrEqual(w.start);
      expect(at).toBeLessThan(w.end);
      expect(w.start).toBeGreaterThanOrEqual(0);
      expect(w.end).toBeLessThanOrEqual(n);
    }
  });

  it('centres on the strongest sample, negative ones included', () => {
    const x = new Float32Array(10_000);
    x[3000] = 0.5;
    x[6000] = -2;
    expect(strongestSample(x)).toBe(6000);
    expect(amplitude(x)).toBe(2);
    const w = defaultWindow(x);
    expect((w.start + w.end) / 2).toBe(6000);
  });
});

describe('followWindow', () => {
  it('keeps the previous window while it shows a strong sample', () => {
    const n = 8192;
    const x = impulseAt(n, 4000);
    x[100] = 0.9;
    const previous = { start: 0, end: 1024 };
    expect(followWindow(previous, x)).toBe(previous);
  });

  it('moves to the peak when the previous window lost it', () => {
    const x = impulseAt(8192, 6000);
    const w = followWindow({ start: 0, end: 1024 }, x);
    expect(6000).toBeGreaterThanOrEqual(w.start);
    expect(6000).toBeLessThan(w.end);
  });
});

describe('zoom and pan', () => {
  const n = 4096;
  it('zooms about the centre and stops at the bounds', () => {
    const w = { start: 1000, end: 1200 };
    expect(zoomWindow(w, 0.5, n)).toEqual({ start: 1050, end: 1150 });
    expect(zoomWindow(w, 2, n)).toEqual({ start: 900, end: 1300 });
    expect(zoomWindow(w, 1e-6, n).end - zoomWindow(w, 1e-6, n).start).toBe(MIN_SPAN);
    expect(zoomWindow(w, 1e6, n)).toEqual({ start: 0, end: n });
  });

  it('pans without leaving the signal', () => {
    const w = { start: 100, end: 300 };
    expect(panWindow(w, 50, n)).toEqual({ start: 150, end: 350 });
    expect(panWindow(w, -500, n)).toEqual({ start: 0, end: 200 });
    expect(panWindow(w, 1e9, n)).toEqual({ start: n - 200, end: n });
  });
});

describe('windowPoints', () => {
  it('draws every sample of a narrow window', () => {
    const x = Float32Array.from({ length: 100 }, (_, i) => i);
    const points = windowPoints(x, x, { start: 10, end: 20 });
    expect(points.map((p) => p.i)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("keeps a spike in a wide window's min/max envelope", () => {
    const n = 1 << 15;
    const x = impulseAt(n, 12_345, 3);
    const filtered = impulseAt(n, 12_345, -1.5);
    const points = windowPoints(x, filtered, { start: 0, end: n });
    expect(points.length).toBeLessThanOrEqual(TIME_WINDOW_MAX + 2);
    expect(Math.max(...points.map((p) => p.original))).toBe(3);
    expect(Math.min(...points.map((p) => p.filtered))).toBe(-1.5);
  });
});

describe('valueDomain', () => {
  it('pads the data by 5 %', () => {
    const points = [
      { i: 0, original: -1, filtered: 0 },
      { i: 1, original: 1, filtered: 0.5 },
    ];
    expect(valueDomain(points, 1e-3)).toEqual([-1.1, 1.1]);
  });

  it('does not zoom into round-off: a flat stretch gets the minimum span', () => {
    const points = [
      { i: 0, original: 0, filtered: 3e-9 },
      { i: 1, original: 0, filtered: -2e-9 },
    ];
    const [lo, hi] = valueDomain(points, minValueSpan(1));
    expect(hi - lo).toBeCloseTo(1e-3, 12);
    expect(lo).toBeLessThan(-2e-9);
    expect(hi).toBeGreaterThan(3e-9);
  });

  it('gives a unit range to an all-zero signal', () => {
    expect(minValueSpan(0)).toBe(1e-3);
  });
});
