/**
 * Turns frame data into the few hundred points a chart can redraw ten times a second. Pure
 * functions: the charts stay cheap however large N is, and the reductions are unit-tested.
 */
import { kappa, type KUnit, type Shape } from '../../engine';

/** Most points drawn per series. */
export const MAX_POINTS = 512;

export interface TimePoint {
  i: number;
  original: number;
  filtered: number;
}

/** The first MAX_POINTS samples: a window shows the waveform, a decimation would alias it. */
export function timeWindow(original: Float32Array, filtered: Float32Array): TimePoint[] {
  const count = Math.min(original.length, MAX_POINTS);
  const out: TimePoint[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ i, original: original[i] ?? 0, filtered: filtered[i] ?? 0 });
  }
  return out;
}

export interface SpectrumPoint {
  /** κ in the chosen unit (before k scale). */
  k: number;
  /** 20·log10 |X|, floored at FLOOR_DB. */
  db: number;
  /** R at this κ. */
  r: number;
}

/** Below this, float32 round-off dominates: showing it would only plot noise. */
export const FLOOR_DB = -140;

function toDb(mag: number): number {
  return mag > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(mag)) : FLOOR_DB;
}

/**
 * One-sided 1D spectrum (bins 0..N/2; real signals are symmetric). Bins are grouped into at
 * most MAX_POINTS buckets; each bucket is drawn at its largest bin, so no peak is lost or
 * moved, and every point (κ, R) still lies exactly on the filter's curve.
 */
export function spectrum1d(
  magnitude: Float32Array,
  table: Float64Array,
  unit: KUnit,
): SpectrumPoint[] {
  const n = magnitude.length;
  const bins = Math.floor(n / 2) + 1;
  const per = Math.max(1, Math.ceil(bins / MAX_POINTS));
  const out: SpectrumPoint[] = [];
  for (let start = 0; start < bins; start += per) {
    const end = Math.min(bins, start + per);
    let peak = start;
    for (let i = start + 1; i < end; i++) {
      if ((magnitude[i] ?? 0) > (magnitude[peak] ?? 0)) peak = i;
    }
    out.push({
      k: Math.abs(kappa(peak, n, unit)),
      db: toDb(magnitude[peak] ?? 0),
      r: table[peak] ?? 0,
    });
  }
  return out;
}

/**
 * Radial profile of a 2D spectrum: bins grouped by |κ| = √(κy² + κx²) into rings, showing each
 * ring's mean |X| and mean R (R depends on κ only through |κ|²).
 */
export function spectrum2d(
  magnitude: Float32Array,
  table: Float64Array,
  shape: readonly [number, number],
  unit: KUnit,
): SpectrumPoint[] {
  const [ny, nx] = shape;
  const rings = Math.min(MAX_POINTS, Math.floor(Math.min(ny, nx) / 2) + 1);
  const kMax = Math.min(Math.abs(kappa(ny >> 1, ny, unit)), Math.abs(kappa(nx >> 1, nx, unit)));
  const sumMag = new Float64Array(rings);
  const sumR = new Float64Array(rings);
  const count = new Float64Array(rings);
  for (let y = 0; y < ny; y++) {
    const ky = kappa(y, ny, unit);
    for (let x = 0; x < nx; x++) {
      const kx = kappa(x, nx, unit);
      const ring = Math.round((Math.hypot(ky, kx) / kMax) * (rings - 1));
      if (ring >= rings) continue; // the corners beyond the inscribed circle
      sumMag[ring] = (sumMag[ring] ?? 0) + (magnitude[y * nx + x] ?? 0);
      sumR[ring] = (sumR[ring] ?? 0) + (table[y * nx + x] ?? 0);
      count[ring] = (count[ring] ?? 0) + 1;
    }
  }
  const out: SpectrumPoint[] = [];
  for (let ring = 0; ring < rings; ring++) {
    const c = count[ring] ?? 0;
    if (c === 0) continue;
    out.push({
      k: (ring / (rings - 1)) * kMax,
      db: toDb((sumMag[ring] ?? 0) / c),
      r: (sumR[ring] ?? 0) / c,
    });
  }
  return out;
}

export interface HistogramBar {
  /** Centre of the bin. */
  x: number;
  count: number;
}

/** Distribution of per-signal values over `bins` equal bins spanning their range. */
export function histogram(values: ArrayLike<number>, bins: number): HistogramBar[] {
  if (values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  // Spreads below float32 resolution are one value: one bar, not a histogram of round-off.
  if (hi - lo <= 1e-6 * Math.max(1, Math.abs(hi))) return [{ x: lo, count: values.length }];
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.floor(((values[i] ?? 0) - lo) / width));
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return counts.map((count, b) => ({ x: lo + (b + 0.5) * width, count }));
}

/** Shape as [ny, nx] (1D: [1, n]). */
export function grid(shape: Shape): readonly [number, number] {
  return shape.length === 1 ? [1, shape[0]] : shape;
}
