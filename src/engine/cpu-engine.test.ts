import { describe, expect, it } from 'vitest';
import { createCpuEngine } from './cpu-engine';
import { naiveDft } from './cpu/fft64';
import { fftfreq, kappa, PHI_DEFAULT, resolventTable, weights } from './resolvent-math';
import { uniformSigned } from '../workloads/rng';
import { linfRelError } from './testing/compare';

const cpu = createCpuEngine();

function realPart(c: ArrayLike<number>): number[] {
  return Array.from({ length: c.length / 2 }, (_, i) => c[2 * i] as number);
}
function imagPart(c: ArrayLike<number>): number[] {
  return Array.from({ length: c.length / 2 }, (_, i) => c[2 * i + 1] as number);
}

describe('CPU float64 FFT against a naive float64 DFT', () => {
  for (const n of [2, 4, 8, 32, 256, 1024]) {
    it(`N = ${n}, forward and inverse, batch 3`, async () => {
      const batch = 3;
      const data = uniformSigned(100 + n, batch * n * 2);
      const fwd = await cpu.fft(data, { shape: [n], batch });
      const inv = await cpu.fft(data, { shape: [n], batch, inverse: true });
      for (let b = 0; b < batch; b++) {
        const sig = data.subarray(b * 2 * n, (b + 1) * 2 * n);
        const ref = naiveDft(realPart(sig), imagPart(sig));
        const got = fwd.data.subarray(b * 2 * n, (b + 1) * 2 * n);
        expect(linfRelError(realPart(got), ref.re)).toBeLessThan(1e-12);
        expect(linfRelError(imagPart(got), ref.im)).toBeLessThan(1e-12);
        const refInv = naiveDft(realPart(sig), imagPart(sig), true);
        const gotInv = inv.data.subarray(b * 2 * n, (b + 1) * 2 * n);
        expect(linfRelError(realPart(gotInv), refInv.re)).toBeLessThan(1e-12);
      }
    });
  }

  it('2D FFT equals row DFTs followed by column DFTs', async () => {
    const [ny, nx] = [4, 8];
    const data = uniformSigned(7, ny * nx * 2);
    const got = (await cpu.fft(data, { shape: [ny, nx], batch: 1 })).data;
    // Reference: DFT along x of each row, then along y of each column, all naive.
    const re = realPart(data);
    const im = imagPart(data);
    for (let y = 0; y < ny; y++) {
      const r = naiveDft(re.slice(y * nx, (y + 1) * nx), im.slice(y * nx, (y + 1) * nx));
      for (let x = 0; x < nx; x++) {
        re[y * nx + x] = r.re[x] as number;
        im[y * nx + x] = r.im[x] as number;
      }
    }
    for (let x = 0; x < nx; x++) {
      const col = (a: number[]): number[] =>
        Array.from({ length: ny }, (_, y) => a[y * nx + x] as number);
      const c = naiveDft(col(re), col(im));
      for (let y = 0; y < ny; y++) {
        expect(got[2 * (y * nx + x)]).toBeCloseTo(c.re[y] as number, 12);
        expect(got[2 * (y * nx + x) + 1]).toBeCloseTo(c.im[y] as number, 12);
      }
    }
  });

  it('accepts real input (real: true) as complex with zero imaginary parts', async () => {
    const real = uniformSigned(3, 64);
    const complex = new Float64Array(128);
    real.forEach((v, i) => (complex[2 * i] = v));
    const a = await cpu.fft(real, { shape: [64], batch: 1, real: true });
    const b = await cpu.fft(complex, { shape: [64], batch: 1 });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });
});

describe('metrics on hand-checkable signals', () => {
  it('a pure tone at bin k0 has coherence exactly R(k0) and high-k energy (1−R)²·N', async () => {
    const n = 64;
    const k0 = 5;
    const tone = new Float64Array(2 * n);
    for (let t = 0; t < n; t++) {
      tone[2 * t] = Math.cos((2 * Math.PI * k0 * t) / n);
      tone[2 * t + 1] = Math.sin((2 * Math.PI * k0 * t) / n);
    }
    for (const kUnit of ['cycles', 'radians', 'index'] as const) {
      const phi = 0.7;
      const r = await cpu.resolvent(tone, { shape: [n], batch: 1, phi, kUnit });
      const { r: rk, oneMinusR } = weights(phi, kappa(k0, n, kUnit) ** 2);
      expect(r.coherence[0]).toBeCloseTo(rk, 12);
      // |X[k0]|² = N², one bin of N: mean = (1 − R)²·N²/N.
      expect(r.highKEnergy[0]).toBeCloseTo((oneMinusR * oneMinusR * n * n) / n, 9);
      expect(r.energy[0]).toBeCloseTo(n * n, 9);
      // Filtering a pure tone scales it by R(k0).
      expect(r.filtered[2 * 3]).toBeCloseTo(rk * (tone[2 * 3] as number), 12);
    }
  });

  it('an impulse has a flat spectrum, so its coherence is the mean of R', async () => {
    const n = 128;
    const imp = new Float64Array(2 * n);
    imp[0] = 1;
    const X = (await cpu.fft(imp, { shape: [n], batch: 1 })).data;
    for (let k = 0; k < n; k++) {
      expect(X[2 * k]).toBeCloseTo(1, 14);
      expect(X[2 * k + 1]).toBeCloseTo(0, 14);
    }
    const r = await cpu.resolvent(imp, { shape: [n], batch: 1 });
    const table = resolventTable([n], PHI_DEFAULT, 'cycles', 1);
    const meanR = table.reduce((a, b) => a + b, 0) / n;
    expect(r.coherence[0]).toBeCloseTo(meanR, 12);
  });

  it('an all-zero signal has coherence 0 and no high-k energy', async () => {
    const r = await cpu.resolvent(new Float64Array(32), { shape: [16], batch: 1 });
    expect(r.coherence[0]).toBe(0);
    expect(r.highKEnergy[0]).toBe(0);
    expect(r.batchCoherence).toBe(0);
  });

  it('batch values: energy-weighted coherence, mean high-k energy, λ·energy regularizer', async () => {
    const n = 32;
    const data = uniformSigned(9, 4 * n * 2);
    for (let i = 0; i < n * 2; i++) data[i] = (data[i] as number) * 10; // unequal energies
    const r = await cpu.resolvent(data, { shape: [n], batch: 4, lambda: 0.25 });
    const kept = Array.from(r.coherence).reduce((a, c, i) => a + c * (r.energy[i] as number), 0);
    const total = Array.from(r.energy).reduce((a, b) => a + b, 0);
    expect(r.batchCoherence).toBeCloseTo(kept / total, 12);
    const meanHigh = Array.from(r.highKEnergy).reduce((a, b) => a + b, 0) / 4;
    expect(r.batchHighKEnergy).toBeCloseTo(meanHigh, 12);
    expect(r.regularizer).toBeCloseTo(0.25 * r.batchHighKEnergy, 14);
  });

  it('2D uses κ² = κy² + κx² (not only the last axis)', async () => {
    const [ny, nx] = [8, 8];
    const tone = new Float64Array(2 * ny * nx);
    const [ky, kx] = [3, 0];
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++)
        tone[2 * (y * nx + x)] = Math.cos(
          (2 * Math.PI * (ky * y)) / ny + (2 * Math.PI * (kx * x)) / nx,
        );
    const r = await cpu.resolvent(tone, { shape: [ny, nx], batch: 1, kUnit: 'index' });
    // A tone along y only: the last-axis-only bug would give coherence 1 here.
    expect(r.coherence[0]).toBeCloseTo(weights(1.618034, 9).r, 12);
  });
});

describe('fftfreq matches numpy.fft.fftfreq', () => {
  it('even and odd lengths', () => {
    expect(Array.from({ length: 8 }, (_, i) => fftfreq(i, 8))).toEqual([
      0, 0.125, 0.25, 0.375, -0.5, -0.375, -0.25, -0.125,
    ]);
    expect(Array.from({ length: 5 }, (_, i) => fftfreq(i, 5))).toEqual([0, 0.2, 0.4, -0.4, -0.2]);
    expect(kappa(3, 8, 'index')).toBe(3);
    expect(kappa(5, 8, 'index')).toBe(-3);
    expect(kappa(1, 8, 'radians')).toBeCloseTo((2 * Math.PI) / 8, 15);
  });
});
