/**
 * Chart points for the Walsh–Hadamard and quantum views, at most MAX_POINTS per series. Bins
 * are grouped into buckets and each bucket is drawn at its largest value, so a lone spike (one
 * Walsh coefficient, a narrow packet) is never averaged away. Pure, and unit-tested.
 */
import { waveNumber } from '../../engine';
import { gridPositions } from '../../workloads/quantum';
import { MAX_POINTS } from './plot-data';

/** Index of the largest |values[i]| for i in [start, end). */
function peakIn(values: ArrayLike<number>, start: number, end: number): number {
  let peak = start;
  for (let i = start + 1; i < end; i++) {
    if (Math.abs(values[i] ?? 0) > Math.abs(values[peak] ?? 0)) peak = i;
  }
  return peak;
}

/** Bucket starts for `count` values. */
function buckets(count: number): { per: number; starts: number[] } {
  const per = Math.max(1, Math.ceil(count / MAX_POINTS));
  const starts: number[] = [];
  for (let s = 0; s < count; s += per) starts.push(s);
  return { per, starts };
}

export interface CoefficientPoint {
  /** Sequency, or Fourier bin k (cycles per N samples). */
  at: number;
  /** |coefficient| / N. */
  amplitude: number;
}

/** Walsh coefficients (sequency order) as |y_s|/N: a ±1 Walsh function gives 1. */
export function walshPoints(walsh: ArrayLike<number>): CoefficientPoint[] {
  const n = walsh.length;
  const { per, starts } = buckets(n);
  return starts.map((s) => {
    const peak = peakIn(walsh, s, Math.min(n, s + per));
    return { at: peak, amplitude: Math.abs(walsh[peak] ?? 0) / n };
  });
}

/** One-sided |X(k)|/N for k = 0 … N/2 (a real signal's spectrum is symmetric). */
export function fourierPoints(fourier: ArrayLike<number>): CoefficientPoint[] {
  const n = fourier.length;
  const bins = Math.floor(n / 2) + 1;
  const { per, starts } = buckets(bins);
  return starts.map((s) => {
    const peak = peakIn(fourier, s, Math.min(bins, s + per));
    return { at: peak, amplitude: (fourier[peak] ?? 0) / n };
  });
}

export interface PacketPoint {
  x: number;
  density: number;
  re: number;
  v: number;
}

/** |ψ|², Re ψ and V along x (1D), each bucket at its peak |ψ|² (V at its largest). */
export function packetPoints(
  psi: ArrayLike<number>,
  potential: ArrayLike<number>,
  dx: number,
): PacketPoint[] {
  const n = potential.length;
  const xs = gridPositions(n, dx);
  const density = densityOf(psi);
  const { per, starts } = buckets(n);
  return starts.map((s) => {
    const end = Math.min(n, s + per);
    const peak = peakIn(density, s, end);
    let re = psi[2 * s] ?? 0;
    let v = potential[s] ?? 0;
    for (let i = s + 1; i < end; i++) {
      const r = psi[2 * i] ?? 0;
      if (Math.abs(r) > Math.abs(re)) re = r;
      v = Math.max(v, potential[i] ?? 0);
    }
    return { x: xs[peak] ?? 0, density: density[peak] ?? 0, re, v };
  });
}

export function densityOf(psi: ArrayLike<number>): Float64Array {
  const out = new Float64Array(psi.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (psi[2 * i] ?? 0) ** 2 + (psi[2 * i + 1] ?? 0) ** 2;
  return out;
}

export interface MomentumPoint {
  k: number;
  /** |φ(k)|², normalized so that Σ|φ(k)|²·dk = Σ|ψ|²·dx. */
  p: number;
}

/**
 * The 1D momentum density from |ψ̂_k|² (numpy's unnormalized FFT, bin order), in ascending k:
 * φ(k) = dx/√(2π)·ψ̂_k, so with dk = 2π/(N·dx) its integral equals ψ's norm.
 */
export function momentumPoints(momentum: ArrayLike<number>, dx: number): MomentumPoint[] {
  const n = momentum.length;
  const scale = (dx * dx) / (2 * Math.PI);
  const shifted = fftShift(momentum, 1, n);
  const { per, starts } = buckets(n);
  return starts.map((s) => {
    const peak = peakIn(shifted, s, Math.min(n, s + per));
    const bin = (peak + Math.ceil(n / 2)) % n;
    return { k: waveNumber(bin, n, dx), p: scale * (shifted[peak] ?? 0) };
  });
}

/** numpy.fft.fftshift of a row-major [ny][nx] grid: k = 0 moves to the centre. */
export function fftShift(values: ArrayLike<number>, ny: number, nx: number): Float64Array {
  const out = new Float64Array(ny * nx);
  const hy = Math.floor(ny / 2);
  const hx = Math.floor(nx / 2);
  for (let y = 0; y < ny; y++) {
    const sy = (y + hy) % ny;
    for (let x = 0; x < nx; x++) out[sy * nx + ((x + hx) % nx)] = values[y * nx + x] ?? 0;
  }
  return out;
}

/** Round tick positions (1, 2 or 5 times a power of ten apart) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) {
    out.push(Number(t.toPrecision(12)));
  }
  return out;
}

/**
 * The range of V worth drawing beside a packet of energy `energy`: up to twice that energy, or
 * the top of V if lower. A harmonic or quartic V reaches thousands at the box's edge, which on
 * a full axis would flatten the part of V the packet ever meets.
 */
export function potentialRange(potential: ArrayLike<number>, energy: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < potential.length; i++) {
    lo = Math.min(lo, potential[i] ?? 0);
    hi = Math.max(hi, potential[i] ?? 0);
  }
  const reach = 2 * Math.max(Math.abs(energy), Math.abs(lo));
  return [lo, hi > 0 && reach > 0 ? Math.min(hi, reach) : Math.max(hi, 1)];
}
