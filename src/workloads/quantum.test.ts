import { describe, expect, it } from 'vitest';
import { fftNdInPlace } from '../engine/cpu/fft64';
import { interleave, split } from '../engine/complex';
import { normOf, waveNumber } from '../engine/math/propagator';
import type { Shape } from '../engine/types';
import {
  barrierPotential,
  doubleSlitPotential,
  doubleWellPotential,
  energyExpectation,
  freePotential,
  gaussianPacket,
  gridPositions,
  harmonicGround,
  harmonicPotential,
  positionMoments,
  probabilityBeyond,
} from './quantum';

function spectrumOf(psi: Float64Array, shape: Shape): Float64Array {
  const s = split(psi, false);
  fftNdInPlace(s.re, s.im, shape, false);
  return interleave(s);
}

describe('grid and states', () => {
  it('puts x_i = (i − n/2)·dx', () => {
    expect(Array.from(gridPositions(4, 0.5))).toEqual([-1, -0.5, 0, 0.5]);
  });

  it('normalizes packets so Σ|ψ|²·dx^d = 1, in 1D and 2D', () => {
    const p1 = gaussianPacket([512], { x0: 2, k0: 1.5, sigma: 1.3, dx: 0.1 });
    expect(normOf(p1, 0, 512, 0.1, 1)).toBeCloseTo(1, 12);
    const p2 = gaussianPacket([32, 64], { x0: 1, k0: 1, sigma: 1.2, dx: 0.3, y0: -1, ky0: 2 });
    expect(p2).toHaveLength(2 * 32 * 64);
    expect(normOf(p2, 0, 32 * 64, 0.3, 2)).toBeCloseTo(1, 12);
  });

  it('has position moments x0 and σ (σ is the spread of |ψ|², not of ψ)', () => {
    const m1 = positionMoments(
      gaussianPacket([1024], { x0: 3.3, k0: 2, sigma: 2, dx: 0.1 }),
      [1024],
      0.1,
    );
    expect(m1.mean).toBeCloseTo(3.3, 10);
    expect(m1.sigma).toBeCloseTo(2, 10);
    // 2D: moments along x, whatever the packet does along y.
    const shape = [64, 128] as const;
    const p2 = gaussianPacket(shape, { x0: -2, k0: 0, sigma: 1.5, dx: 0.25, y0: 3, ky0: 1 });
    const m2 = positionMoments(p2, shape, 0.25);
    expect(m2.mean).toBeCloseTo(-2, 10);
    expect(m2.sigma).toBeCloseTo(1.5, 10);
  });

  it('carries mean momentum k0 along x and ky0 along y', () => {
    const shape = [64, 64] as const;
    const dx = 0.25;
    const spec = spectrumOf(
      gaussianPacket(shape, { x0: 0, k0: 1.5, sigma: 1.2, dx, ky0: -2 }),
      shape,
    );
    let [kx, ky, total] = [0, 0, 0];
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 64; x++) {
        const j = 2 * (y * 64 + x);
        const w = (spec[j] as number) ** 2 + (spec[j + 1] as number) ** 2;
        kx += w * waveNumber(x, 64, dx);
        ky += w * waveNumber(y, 64, dx);
        total += w;
      }
    }
    expect(kx / total).toBeCloseTo(1.5, 8);
    expect(ky / total).toBeCloseTo(-2, 8);
  });

  it('counts probability strictly beyond a cut', () => {
    // Symmetric about dx/2, a point halfway between grid points: exactly half lies beyond it.
    const dx = 0.1;
    const psi = gaussianPacket([1024], { x0: dx / 2, k0: 3, sigma: 2, dx });
    expect(probabilityBeyond(psi, 1024, dx, dx / 2)).toBeCloseTo(0.5, 12);
    expect(probabilityBeyond(psi, 1024, dx, -60)).toBeCloseTo(1, 12);
    expect(probabilityBeyond(psi, 1024, dx, 40)).toBeLessThan(1e-30);
  });
});

describe('harmonic ground state and energy', () => {
  const p = { dx: 0.1, omega: 3, mass: 2, hbar: 0.5 };

  it('is normalized, and ⟨H⟩ = ħω/2 per dimension within 1e-3', () => {
    const shape1: Shape = [256];
    const g1 = harmonicGround(shape1, p);
    expect(normOf(g1, 0, 256, p.dx, 1)).toBeCloseTo(1, 12);
    const e1 = energyExpectation(
      g1,
      spectrumOf(g1, shape1),
      shape1,
      harmonicPotential(shape1, p),
      p,
    );
    expect(Math.abs(e1.total / (p.hbar * p.omega * 0.5) - 1)).toBeLessThan(1e-3);
    // Virial theorem: ⟨T⟩ = ⟨V⟩ in a harmonic well.
    expect(e1.kinetic).toBeCloseTo(e1.potential, 6);

    const shape2: Shape = [32, 32];
    const p2 = { ...p, dx: 0.15 };
    const g2 = harmonicGround(shape2, p2);
    expect(normOf(g2, 0, 1024, p2.dx, 2)).toBeCloseTo(1, 12);
    const e2 = energyExpectation(
      g2,
      spectrumOf(g2, shape2),
      shape2,
      harmonicPotential(shape2, p2),
      p2,
    );
    expect(Math.abs(e2.total / (p.hbar * p.omega) - 1)).toBeLessThan(1e-3);
  });

  it('gives a free packet the kinetic energy ħ²(k0² + σk²)/(2m), σk = 1/(2σ)', () => {
    const shape: Shape = [1024];
    const c = { hbar: 0.8, mass: 1.7, dx: 0.05 };
    const sigma = 1.5;
    const k0 = 4;
    const psi = gaussianPacket(shape, { x0: 1, k0, sigma, dx: c.dx });
    // Unnormalized on purpose: ⟨H⟩ must not depend on the scale of ψ.
    const scaled = psi.map((v) => 3 * v);
    const e = energyExpectation(scaled, spectrumOf(scaled, shape), shape, freePotential(shape), c);
    const sk = 1 / (2 * sigma);
    expect(e.kinetic).toBeCloseTo((c.hbar ** 2 * (k0 * k0 + sk * sk)) / (2 * c.mass), 9);
    expect(e.potential).toBe(0);
  });
});

describe('potentials', () => {
  it('harmonic: ½mω²r²', () => {
    const v = harmonicPotential([4, 4], { dx: 1, omega: 2, mass: 3 });
    // Row y = 3 (y = 1), column x = 0 (x = −2): ½·3·4·(4 + 1) = 30.
    expect(v[3 * 4 + 0]).toBe(30);
    expect(v[2 * 4 + 2]).toBe(0);
  });

  it('barrier: width/dx cells when its edges fall between points; a wall along y in 2D', () => {
    const dx = 0.1;
    const v = barrierPotential([256], { dx, height: 2, width: 1, center: dx / 2 });
    expect(v.filter((x) => x === 2)).toHaveLength(10);
    expect(v.filter((x) => x !== 0 && x !== 2)).toHaveLength(0);
    const w = barrierPotential([8, 64], { dx, height: 2, width: 1, center: dx / 2 });
    for (let y = 0; y < 8; y++)
      expect(Array.from(w.subarray(64 * y, 64 * y + 64))).toEqual(Array.from(w.subarray(0, 64)));
  });

  it('double well: 0 at ±separation/2, depth at 0', () => {
    const dx = 0.25;
    const v = doubleWellPotential([64], { dx, depth: 5, separation: 4 });
    const xs = gridPositions(64, dx);
    const at = (x: number): number => v[xs.indexOf(x)] as number;
    expect(at(-2)).toBe(0);
    expect(at(2)).toBe(0);
    expect(at(0)).toBe(5);
    expect(at(1)).toBeGreaterThan(0);
  });

  it('double slit: a wall with two openings of slitWidth, symmetric in y', () => {
    const dx = 0.5;
    const shape = [64, 64] as const;
    const p = { dx, height: 9, wallX: 4, wallWidth: 1, slitWidth: 2, slitSeparation: 6 };
    const v = doubleSlitPotential(shape, p);
    const xs = gridPositions(64, dx);
    const wall = xs.indexOf(4);
    const column = Array.from({ length: 64 }, (_, y) => v[y * 64 + wall] as number);
    // Open rows: |y ∓ 3| < 1 → y ∈ {−3.5, −3, −2.5} and {2.5, 3, 3.5}.
    const open = column
      .map((h, y) => (h === 0 ? (xs[y] as number) : NaN))
      .filter((y) => !Number.isNaN(y));
    expect(open).toEqual([-3.5, -3, -2.5, 2.5, 3, 3.5]);
    expect(v[10 * 64 + xs.indexOf(0)]).toBe(0);
  });
});
