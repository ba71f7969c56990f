/**
 * Sample formulas of the 2D generators: one ny×nx image (row-major, x fastest) of float64
 * samples per call, random choices drawn from the image's own `rng`.
 */
import type { Rng } from './rng';

/** Distance from a to b on a ring of length n: the image wraps like the FFT assumes. */
function ringDistance(a: number, b: number, n: number): number {
  const d = Math.abs(a - b) % n;
  return Math.min(d, n - d);
}

/**
 * exp(−r²/2σ²) around a uniformly drawn centre moved right by t0, with distances wrapped at
 * the edges so the blob has no cut edge wherever it lands. Separable: g(y)·g(x).
 */
export function writeBlob(
  out: Float64Array,
  rng: Rng,
  ny: number,
  nx: number,
  sigma: number,
  t0 = 0,
): void {
  const cy = rng.uniform(0, ny);
  const cx = rng.uniform(0, nx) + (t0 % nx);
  // (d/σ)² rather than d²/σ²: stays finite (0 or ∞ → exp gives 1 or 0) for any σ > 0.
  const g = (d: number): number => Math.exp(-0.5 * (d / sigma) ** 2);
  const gx = Float64Array.from({ length: nx }, (_, x) => g(ringDistance(x, cx, nx)));
  for (let y = 0; y < ny; y++) {
    const gy = g(ringDistance(y, cy, ny));
    for (let x = 0; x < nx; x++) out[y * nx + x] = gy * (gx[x] ?? 0);
  }
}

/** ±1 squares `cell` pixels wide, shifted by a random offset in each axis, then right by t0. */
export function writeCheckerboard(
  out: Float64Array,
  rng: Rng,
  ny: number,
  nx: number,
  cell: number,
  t0 = 0,
): void {
  const oy = Math.floor(rng.next() * 2 * cell);
  // The pattern repeats every 2·cell pixels: moving right by t0 is moving left by −t0 mod 2·cell,
  // which keeps every index below non-negative.
  const period = 2 * cell;
  const ox = Math.floor(rng.next() * period) + period - (t0 % period);
  for (let y = 0; y < ny; y++) {
    const row = Math.floor((y + oy) / cell);
    for (let x = 0; x < nx; x++) {
      out[y * nx + x] = (row + Math.floor((x + ox) / cell)) % 2 === 0 ? 1 : -1;
    }
  }
}
