import { describe, expect, it } from 'vitest';
import { generate, generateSignal, type WorkloadSpec } from './generators';
import { GOLDEN_RATIO, goldenFrequencies } from './signals-1d';
import { magnitudes } from './testing/spectrum';

const N = 1024;
const BASE: WorkloadSpec = {
  generator: 'coherent',
  shape: [N],
  batch: 1,
  seed: 11,
  f0: 8 / N,
  f1: 0.25,
  tones: 5,
  snrDb: 10,
  sigma: 1,
  cell: 1,
};

const meanSquare = (x: ArrayLike<number>): number =>
  Array.from(x).reduce((s, v) => s + v * v, 0) / x.length;

describe('coherent: golden-ratio tones', () => {
  it('spaces frequencies by φ = (1 + √5)/2 and drops those above Nyquist', () => {
    expect(GOLDEN_RATIO).toBeCloseTo(1.6180339887498949, 15);
    const f = goldenFrequencies(0.01, 5);
    expect(f).toHaveLength(5);
    for (let j = 1; j < 5; j++) expect((f[j] ?? 0) / (f[j - 1] ?? 1)).toBeCloseTo(GOLDEN_RATIO, 12);
    expect(goldenFrequencies(0.2, 5)).toEqual([0.2, 0.2 * GOLDEN_RATIO]);
    expect(goldenFrequencies(0.5, 16)).toEqual([0.5]);
  });

  it('puts a spectral peak on the nearest FFT bin of every tone, and nowhere else', async () => {
    const mag = await magnitudes(generate(BASE));
    const bins = goldenFrequencies(BASE.f0, BASE.tones).map((f) => Math.round(f * N));
    expect(bins).toEqual([8, 13, 21, 34, 55]);
    const peaks: number[] = [];
    for (let k = 1; k < N / 2; k++) {
      const m = mag[k] ?? 0;
      if (m > 50 && m > (mag[k - 1] ?? 0) && m >= (mag[k + 1] ?? 0)) peaks.push(k);
    }
    expect(peaks).toEqual(bins);
  });

  it('puts a single tone on an exact bin with |X| = N/2 (unit amplitude) and no leakage', async () => {
    const mag = await magnitudes(generate({ ...BASE, tones: 1 }));
    expect(Math.abs((mag[8] ?? 0) - N / 2)).toBeLessThan(1e-3);
    expect(Math.abs((mag[N - 8] ?? 0) - N / 2)).toBeLessThan(1e-3);
    const elsewhere = mag.filter((_, k) => k !== 8 && k !== N - 8);
    expect(Math.max(...elsewhere)).toBeLessThan(1e-3);
  });

  it('has unit-amplitude tones: mean square ≈ ½ per tone kept', () => {
    const x = generate({ ...BASE, f0: 0.2, tones: 5, shape: [8192] });
    expect(meanSquare(x)).toBeCloseTo(1, 2);
  });
});

describe('coherent-noise: SNR exact on the generated samples', () => {
  for (const snrDb of [-40, -3, 0, 10, 60]) {
    it(`${snrDb} dB, every signal of the batch`, () => {
      const spec: WorkloadSpec = { ...BASE, generator: 'coherent-noise', snrDb, batch: 3 };
      for (let b = 0; b < spec.batch; b++) {
        const mixed = generateSignal(spec, b);
        // The clean part is the 'coherent' signal of the same seed: the phases are drawn first.
        const clean = generateSignal({ ...spec, generator: 'coherent' }, b);
        const noise = mixed.map((v, t) => v - (clean[t] ?? 0));
        const noisePower = meanSquare(noise);
        expect(noisePower).toBeGreaterThan(0);
        const measured = 10 * Math.log10(meanSquare(clean) / noisePower);
        expect(Math.abs(measured - snrDb)).toBeLessThan(1e-6);
      }
    });
  }

  it('stays within 1e-6 dB after rounding to float32 at a moderate SNR', () => {
    const spec: WorkloadSpec = { ...BASE, generator: 'coherent-noise', snrDb: 10 };
    const mixed = generate(spec);
    const clean = generate({ ...spec, generator: 'coherent' });
    const noise = mixed.map((v, t) => v - (clean[t] ?? 0));
    const measured = 10 * Math.log10(meanSquare(clean) / meanSquare(noise));
    expect(Math.abs(measured - 10)).toBeLessThan(1e-6);
  });

  it('uses noise that is white: similar energy in the lower and upper half of the band', async () => {
    const spec: WorkloadSpec = { ...BASE, generator: 'coherent-noise', snrDb: -40, shape: [8192] };
    const mag = await magnitudes(generate(spec));
    let low = 0;
    let high = 0;
    for (let k = 1; k < 4096; k++) {
      const p = (mag[k] ?? 0) ** 2;
      if (k < 2048) low += p;
      else high += p;
    }
    expect(low / high).toBeGreaterThan(0.9);
    expect(low / high).toBeLessThan(1.1);
  });
});

describe('noise', () => {
  it('is zero-mean with unit variance', () => {
    const x = generate({ ...BASE, generator: 'noise', shape: [65536] });
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(meanSquare(x)).toBeGreaterThan(0.98);
    expect(meanSquare(x)).toBeLessThan(1.02);
  });
});

/** Local frequency in cycles/sample from zero crossings in a window around t. */
function localFrequency(x: ArrayLike<number>, t: number, half: number): number {
  let crossings = 0;
  for (let i = t - half + 1; i < t + half; i++) {
    if ((x[i - 1] ?? 0) < 0 !== (x[i] ?? 0) < 0) crossings += 1;
  }
  return crossings / (2 * (2 * half));
}

describe('chirp', () => {
  const n = 8192;
  for (const [f0, f1] of [
    [0.01, 0.25],
    [0.4, 0.05],
  ] as const) {
    it(`sweeps its frequency linearly from ${f0} to ${f1}`, () => {
      const x = generate({ ...BASE, generator: 'chirp', shape: [n], f0, f1 });
      expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(1);
      for (const t of [512, 2048, 4096, 6144, 7680]) {
        const expected = f0 + ((f1 - f0) * t) / n;
        expect(Math.abs(localFrequency(x, t, 256) - expected)).toBeLessThan(0.004);
      }
    });
  }
});

describe('square', () => {
  it('takes only the values ±1, half the time each', () => {
    const x = generate({ ...BASE, generator: 'square', f0: 0.013, shape: [4096], batch: 4 });
    expect(x.every((v) => v === 1 || v === -1)).toBe(true);
    const plus = x.filter((v) => v === 1).length / x.length;
    expect(Math.abs(plus - 0.5)).toBeLessThan(0.01);
  });

  it('has its fundamental at f0 and only odd harmonics, the third ≈ 1/3 of it', async () => {
    const mag = await magnitudes(generate({ ...BASE, generator: 'square', f0: 16 / N }));
    const fundamental = mag[16] ?? 0;
    expect(fundamental / ((2 * N) / Math.PI)).toBeCloseTo(1, 2);
    expect((mag[48] ?? 0) / fundamental).toBeCloseTo(1 / 3, 2);
    for (const even of [32, 64, 96]) expect(mag[even]).toBeLessThan(1e-9 * N);
    // Between harmonics (bins not multiples of 16) there is nothing: the period is exact.
    expect(mag[17]).toBeLessThan(1e-9 * N);
  });
});

describe('square-aligned', () => {
  it('starts high at sample 0 and flips every 1/(2·f0) samples, at one amplitude in [½, 1)', () => {
    const x = generate({
      ...BASE,
      generator: 'square-aligned',
      f0: 1 / 32,
      shape: [256],
      batch: 3,
    });
    for (let b = 0; b < 3; b++) {
      const s = x.subarray(b * 256, (b + 1) * 256);
      const a = s[0] ?? 0;
      expect(a).toBeGreaterThanOrEqual(0.5);
      expect(a).toBeLessThan(1);
      for (let t = 0; t < 256; t++) expect(s[t]).toBe(Math.floor(t / 16) % 2 === 0 ? a : -a);
    }
  });
});

describe('impulse', () => {
  it('is a single 1 per signal, at positions covering every index', () => {
    const n = 16;
    const batch = 256;
    const x = generate({ ...BASE, generator: 'impulse', shape: [n], batch });
    const positions = new Set<number>();
    for (let b = 0; b < batch; b++) {
      const s = x.subarray(b * n, (b + 1) * n);
      expect(s.filter((v) => v !== 0)).toEqual(Float32Array.of(1));
      positions.add(s.indexOf(1));
    }
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('has a flat magnitude spectrum', async () => {
    const mag = await magnitudes(generate({ ...BASE, generator: 'impulse' }));
    expect(mag.every((m) => Math.abs(m - 1) < 1e-12)).toBe(true);
  });
});
