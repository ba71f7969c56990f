import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { frameCount, overlapAdd, resolventFilter } from './overlap-add';
import { halfMagnitudes, hann } from './spectrum';

/** Seeded uniform noise in [−1, 1) (a tiny LCG: the test needs repeatable, not good, noise). */
function noise(length: number, seed = 7): Float32Array {
  let s = seed;
  return Float32Array.from({ length }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

const identity = async (frames: Float32Array): Promise<Float32Array> => frames.slice();

describe('overlapAdd', () => {
  it('with R ≡ 1 gives back the input, edges included, for lengths on and off the hop grid', async () => {
    for (const length of [1, 31, 32, 33, 500, 1000]) {
      const x = noise(length);
      const y = await overlapAdd(x, identity, { n: 64, batch: 5 });
      expect(y).toHaveLength(length);
      let err = 0;
      for (let i = 0; i < length; i++) err = Math.max(err, Math.abs((y[i] ?? 0) - (x[i] ?? 0)));
      expect(err, `length ${length}`).toBeLessThan(1e-6);
    }
  });

  it('covers the signal with frames starting N/2 early and reports progress per call', async () => {
    expect(frameCount(0, 64)).toBe(0);
    expect(frameCount(32, 64)).toBe(2);
    expect(frameCount(33, 64)).toBe(3);
    const progress: [number, number][] = [];
    let calls = 0;
    await overlapAdd(noise(1000), async (f) => (calls++, f), {
      n: 64,
      batch: 8,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const total = frameCount(1000, 64);
    expect(calls).toBe(Math.ceil(total / 8));
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('stops when cancelled, before the next filter call', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = overlapAdd(
      noise(4000),
      async (f) => {
        calls += 1;
        if (calls === 2) controller.abort(new Error('cancelled by the user'));
        return f;
      },
      { n: 64, batch: 4, signal: controller.signal },
    );
    await expect(run).rejects.toThrow('cancelled by the user');
    expect(calls).toBe(2);
  });

  it('refuses an odd frame size', async () => {
    await expect(overlapAdd(noise(8), identity, { n: 7 })).rejects.toThrow(/even/);
  });
});

describe('resolventFilter on the float64 CPU engine', () => {
  it('a bin-centred tone comes out scaled by R(k) (cycles unit), as the resolvent defines', async () => {
    const engine = createCpuEngine();
    const n = 256;
    const params = { phi: 400, lambda: 1, kUnit: 'cycles' as const, kScale: 1 };
    const k = 32; // 1/8 cycle per sample
    const x = Float32Array.from({ length: 16 * n }, (_, i) => Math.sin((2 * Math.PI * k * i) / n));
    const y = await overlapAdd(x, resolventFilter(engine, params, n), { n, batch: 8 });
    // Read the gain in the middle of the signal, away from the zero-padded ends.
    const at = 8 * n;
    const w = hann(n);
    const window = (s: Float32Array): Float64Array =>
      Float64Array.from({ length: n }, (_, i) => (s[at + i] ?? 0) * (w[i] ?? 0));
    const spec = async (s: Float32Array): Promise<Float64Array> =>
      halfMagnitudes((await engine.fft(window(s), { shape: [n], batch: 1, real: true })).data, n);
    const gain = ((await spec(y))[k] ?? 0) / ((await spec(x))[k] ?? 1);
    // R(k) = 1/(1 + φ·κ²), κ = k/N cycles: written out as the independent oracle.
    const expected = 1 / (1 + params.phi * (k / n) ** 2);
    expect(expected).toBeLessThan(0.2);
    expect(Math.abs(gain - expected) / expected).toBeLessThan(1e-3);
  });
});
