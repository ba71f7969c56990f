import { describe, expect, it } from 'vitest';
import {
  densityOf,
  fftShift,
  fourierPoints,
  momentumPoints,
  niceTicks,
  packetPoints,
  potentialRange,
  walshPoints,
} from './kind-plot-data';
import { MAX_POINTS } from './plot-data';

describe('walshPoints and fourierPoints', () => {
  it('scale by 1/N and keep a lone spike at its place however many bins share a bucket', () => {
    const n = 4096;
    const walsh = new Float64Array(n);
    walsh[1001] = -n;
    const points = walshPoints(walsh);
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(points.filter((p) => p.amplitude > 0)).toEqual([{ at: 1001, amplitude: 1 }]);
    const fourier = new Float64Array(n);
    fourier[7] = n / 2;
    fourier[n - 7] = n / 2;
    const one = fourierPoints(fourier);
    expect(one.at(-1)?.at).toBeLessThanOrEqual(n / 2);
    expect(one.filter((p) => p.amplitude > 0)).toEqual([{ at: 7, amplitude: 0.5 }]);
  });
});

describe('packetPoints', () => {
  it('gives x on the grid, |ψ|², the largest Re ψ and V of each bucket', () => {
    const psi = Float64Array.of(0.6, 0.8, -2, 0, 0, 1, 0, 0);
    const points = packetPoints(psi, Float64Array.of(0, 3, 0, 1), 0.5);
    expect(points).toEqual([
      { x: -1, density: 1, re: 0.6, v: 0 },
      { x: -0.5, density: 4, re: -2, v: 3 },
      { x: 0, density: 1, re: 0, v: 0 },
      { x: 0.5, density: 0, re: 0, v: 1 },
    ]);
    expect(Array.from(densityOf(psi))).toEqual([1, 4, 1, 0]);
  });
});

describe('momentum', () => {
  it('fftShift moves k = 0 to the centre, as numpy.fft.fftshift', () => {
    expect(Array.from(fftShift([0, 1, 2, 3], 1, 4))).toEqual([2, 3, 0, 1]);
    expect(Array.from(fftShift([0, 1, 2, 3, 4, 5], 2, 3))).toEqual([5, 3, 4, 2, 0, 1]);
  });

  it('momentumPoints runs from −k_max upward and integrates to the norm', () => {
    const n = 8;
    const dx = 0.5;
    // A normalized ψ (Σ|ψ|²·dx = 1) concentrated in one bin: Σ|ψ̂|² = N·Σ|ψ|² = N/dx.
    const momentum = new Float64Array(n);
    momentum[1] = n / dx;
    const points = momentumPoints(momentum, dx);
    expect(points.map((p) => p.k)).toEqual(
      [-4, -3, -2, -1, 0, 1, 2, 3].map((j) => (2 * Math.PI * j) / (n * dx)),
    );
    const dk = (2 * Math.PI) / (n * dx);
    expect(points.reduce((s, p) => s + p.p * dk, 0)).toBeCloseTo(1, 12);
    expect(points[5]?.p).toBeGreaterThan(0);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten, inside the range', () => {
    expect(niceTicks(-12.8, 12.7)).toEqual([-10, -5, 0, 5, 10]);
    expect(niceTicks(-51.2, 51.1)).toEqual([-40, -20, 0, 20, 40]);
    expect(niceTicks(0, 0.32, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});

describe('potentialRange', () => {
  it('stops at twice the energy, or at the top of V when that is lower', () => {
    expect(potentialRange([0, 5, 0], 4.5)).toEqual([0, 5]);
    expect(potentialRange([300, 0, 300], 4.75)).toEqual([0, 9.5]);
    expect(potentialRange([0, 0], 4.5)).toEqual([0, 1]);
    expect(potentialRange([-3, 0], 1)).toEqual([-3, 1]);
  });
});
