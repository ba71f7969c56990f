import { describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import {
  cpuFilter,
  fftInPlace,
  filterRows,
  gainCache,
  nextPowerOfTwo,
  resolventGains,
  resolventPenalty,
} from './spectral';

function dft(re: number[], im: number[]): { re: number[]; im: number[] } {
  const n = re.length;
  const out = { re: new Array<number>(n).fill(0), im: new Array<number>(n).fill(0) };
  for (let k = 0; k < n; k++)
    for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * k * t) / n;
      out.re[k] =
        (out.re[k] as number) + (re[t] as number) * Math.cos(a) - (im[t] as number) * Math.sin(a);
      out.im[k] =
        (out.im[k] as number) + (re[t] as number) * Math.sin(a) + (im[t] as number) * Math.cos(a);
    }
  return out;
}

describe('spectral step', () => {
  it('the FFT matches a direct DFT and inverts', () => {
    const rng = createRng(2);
    for (const n of [2, 8, 32]) {
      const re = Array.from({ length: n }, () => rng.normal());
      const im = Array.from({ length: n }, () => rng.normal());
      const r = Float64Array.from(re);
      const i = Float64Array.from(im);
      fftInPlace(r, i, false);
      const d = dft(re, im);
      for (let k = 0; k < n; k++) {
        expect(r[k]).toBeCloseTo(d.re[k] as number, 9);
        expect(i[k]).toBeCloseTo(d.im[k] as number, 9);
      }
      fftInPlace(r, i, true);
      for (let k = 0; k < n; k++) expect(r[k]).toBeCloseTo(re[k] as number, 12);
    }
  });

  it('R is 1 at k = 0, falls with |k|, and is symmetric', () => {
    const { r, highPass2 } = resolventGains(16, { phi: 1.618034, kUnit: 'radians' });
    expect(r[0]).toBe(1);
    expect(highPass2[0]).toBe(0);
    for (let k = 1; k < 8; k++) {
      expect(r[k] as number).toBeLessThan(r[k - 1] as number);
      expect(r[k]).toBeCloseTo(r[16 - k] as number, 15);
    }
  });

  it('the smoothing filter is symmetric positive definite on unpadded rows (a descent direction)', () => {
    const rng = createRng(4);
    const n = 11; // padded to 16
    expect(nextPowerOfTwo(n)).toBe(16);
    const gains = gainCache({ phi: 3, kUnit: 'radians' });
    const a = Float64Array.from({ length: n }, () => rng.normal());
    const b = Float64Array.from({ length: n }, () => rng.normal());
    const fa = filterRows(a, n, 1, gains.r, cpuFilter);
    const fb = filterRows(b, n, 1, gains.r, cpuFilter);
    const dot = (x: Float64Array, y: Float64Array) =>
      x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(dot(fa, b)).toBeCloseTo(dot(a, fb), 12);
    expect(dot(fa, a)).toBeGreaterThan(0);
    // It damps roughness: a high-frequency row loses more than a smooth one.
    const smooth = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / 32));
    const rough = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1));
    const ratio = (x: Float64Array) =>
      Math.sqrt(
        dot(filterRows(x, n, 1, gains.r, cpuFilter), filterRows(x, n, 1, gains.r, cpuFilter)) /
          dot(x, x),
      );
    expect(ratio(rough)).toBeLessThan(0.5 * ratio(smooth));
  });

  it('the penalty equals λ·mean|X − R·X|² computed directly, and its gradient matches finite differences', () => {
    const rng = createRng(8);
    const n = 6;
    const rows = 3;
    const lambda = 0.3;
    const gains = gainCache({ phi: 1.618034, kUnit: 'radians' });
    const x = Float64Array.from({ length: n * rows }, () => rng.normal());
    const p = resolventPenalty(x, n, rows, lambda, gains, cpuFilter);
    // Direct: pad each row to 8, DFT, Σ (1 − R)²|X|² / 8, mean over rows.
    const hp = gains.highPass2(8);
    let direct = 0;
    for (let r = 0; r < rows; r++) {
      const re = Array.from({ length: 8 }, (_, i) => (i < n ? (x[r * n + i] as number) : 0));
      const d = dft(re, new Array<number>(8).fill(0));
      for (let k = 0; k < 8; k++)
        direct += ((hp[k] as number) * ((d.re[k] as number) ** 2 + (d.im[k] as number) ** 2)) / 8;
    }
    expect(p.loss).toBeCloseTo((lambda * direct) / rows, 12);
    const h = 1e-6;
    for (let i = 0; i < x.length; i++) {
      const keep = x[i] as number;
      x[i] = keep + h;
      const up = resolventPenalty(x, n, rows, lambda, gains, cpuFilter).loss;
      x[i] = keep - h;
      const down = resolventPenalty(x, n, rows, lambda, gains, cpuFilter).loss;
      x[i] = keep;
      expect(p.grad[i]).toBeCloseTo((up - down) / (2 * h), 7);
    }
  });
});
