import { describe, expect, it } from 'vitest';
import {
  kineticPhase,
  normOf,
  potentialPhase,
  waveNumber,
  waveNumberSquared,
  type PropagatorConstants,
} from './propagator';

const C: PropagatorConstants = { dt: 0.013, hbar: 0.7, mass: 1.9, dx: 0.5 };

function magnitudes(t: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i += 2) out.push(Math.hypot(t[i] as number, t[i + 1] as number));
  return out;
}

describe('propagator tables', () => {
  it('orders bins as 2π·numpy.fft.fftfreq(n, d=dx)', () => {
    // numpy.fft.fftfreq(8, d=0.5) and fftfreq(5, d=0.5).
    const f8 = [0, 0.25, 0.5, 0.75, -1, -0.75, -0.5, -0.25];
    const f5 = [0, 0.4, 0.8, -0.8, -0.4];
    f8.forEach((f, i) => expect(waveNumber(i, 8, 0.5)).toBeCloseTo(2 * Math.PI * f, 14));
    f5.forEach((f, i) => expect(waveNumber(i, 5, 0.5)).toBeCloseTo(2 * Math.PI * f, 14));
  });

  it('has unit modulus and the phase −ħk²dt/(2m) per bin', () => {
    const n = 64;
    const k = kineticPhase([n], C);
    for (const m of magnitudes(k)) expect(m).toBeCloseTo(1, 15);
    for (let i = 0; i < n; i++) {
      const w = waveNumber(i, n, C.dx);
      const phase = (-C.hbar * w * w * C.dt) / (2 * C.mass);
      // Phases here stay within (−π, π], so atan2 returns them unwrapped.
      expect(Math.abs(phase)).toBeLessThan(Math.PI);
      expect(Math.atan2(k[2 * i + 1] as number, k[2 * i] as number)).toBeCloseTo(phase, 13);
    }
  });

  it('in 2D is row-major [ky][kx] with k² = ky² + kx²: the product of the axis tables', () => {
    const [ny, nx] = [4, 8];
    const k2 = kineticPhase([ny, nx], C);
    const ky = kineticPhase([ny], C);
    const kx = kineticPhase([nx], C);
    expect(k2).toHaveLength(2 * ny * nx);
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const ar = ky[2 * y] as number;
        const ai = ky[2 * y + 1] as number;
        const br = kx[2 * x] as number;
        const bi = kx[2 * x + 1] as number;
        const j = 2 * (y * nx + x);
        expect(k2[j]).toBeCloseTo(ar * br - ai * bi, 14);
        expect(k2[j + 1]).toBeCloseTo(ar * bi + ai * br, 14);
      }
    }
    expect(waveNumberSquared([ny, nx], C.dx)[1 * nx + 2]).toBeCloseTo(
      waveNumber(1, ny, C.dx) ** 2 + waveNumber(2, nx, C.dx) ** 2,
      14,
    );
  });

  it('potential phase: unit modulus, angle −V·fraction·dt/ħ, full step = (half step)²', () => {
    const v = [0, 1, -3, 25, 1e3];
    const half = potentialPhase(v, C, 0.5);
    const full = potentialPhase(v, C, 1);
    for (const m of magnitudes(half)) expect(m).toBeCloseTo(1, 15);
    expect(Math.atan2(half[3] as number, half[2] as number)).toBeCloseTo(
      (-0.5 * C.dt) / C.hbar,
      15,
    );
    for (let i = 0; i < v.length; i++) {
      const [r, m] = [half[2 * i] as number, half[2 * i + 1] as number];
      expect(full[2 * i]).toBeCloseTo(r * r - m * m, 13);
      expect(full[2 * i + 1]).toBeCloseTo(2 * r * m, 13);
    }
  });

  it('norm sums |ψ|²·dx^d over the n values from the complex offset', () => {
    const psi = [9, 9, 1, 2, 3, 4, 9, 9];
    expect(normOf(psi, 1, 2, 0.5, 1)).toBeCloseTo(30 * 0.5, 15);
    expect(normOf(psi, 1, 2, 0.5, 2)).toBeCloseTo(30 * 0.25, 15);
  });
});
