/**
 * Turns frame data into the few hundred points a chart can redraw ten times a second. Pure
 * functions: the charts stay cheap however large N is, and the reductions are unit-tested.
 * The time-domain window lives in sample-window.ts, the axis ranges in axis.ts.
 */
import { kappa, type KUnit, type Shape } from '../../engine';

/** Most points drawn per series. */
export const MAX_POINTS = 512;

export interface SpectrumPoint {
  /** κ in the chosen unit (before k scale). */
  k: number;
  /** 20·log10 |X|, no lower than the floor the caller gave. */
  db: number;
  /** 20·log10 |R·X| (R is real and positive, so |R·X| = R·|X|), floored the same way. */
  filteredDb: number;
  /** R at this κ. */
  r: number;
}

/** 20·log10 of a magnitude (−∞ for 0). */
export function toDb(mag: number): number {
  return 20 * Math.log10(mag);
}

/** The largest value of an array (0 for an empty one). */
export function peakOf(values: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < values.length; i++) peak = Math.max(peak, values[i] ?? 0);
  return peak;
}

/**
 * One-sided 1D spectrum (bins 0..N/2; real signals are symmetric). Bins are grouped into at
 * most MAX_POINTS buckets; each bucket is drawn at its largest bin, so no peak is lost or
 * moved, and every point (κ, R) still lies exactly on the filter's curve. Values below
 * `floorDb` are drawn at it (see `dbDomain`).
 */
export function spectrum1d(
  magnitude: Float32Array,
  table: Float64Array,
  unit: KUnit,
  floorDb: number,
): SpectrumPoint[] {
  const n = magnitude.length;
  const bins = Math.floor(n / 2) + 1;
  const per = Math.max(1, Math.ceil(bins / MAX_POINTS));
  const db = (mag: number): number => Math.max(floorDb, toDb(mag));
  const out: SpectrumPoint[] = [];
  for (let start = 0; start < bins; start += per) {
    const end = Math.min(bins, start + per);
    let peak = start;
    let filteredPeak = start;
    for (let i = start + 1; i < end; i++) {
      if ((magnitude[i] ?? 0) > (magnitude[peak] ?? 0)) peak = i;
      const rx = (table[i] ?? 0) * (magnitude[i] ?? 0);
      if (rx > (table[filteredPeak] ?? 0) * (magnitude[filteredPeak] ?? 0)) filteredPeak = i;
    }
    out.push({
      k: Math.abs(kappa(peak, n, unit)),
      db: db(magnitude[peak] ?? 0),
      filteredDb: db((table[filteredPeak] ?? 0) * (magnitude[filteredPeak] ?? 0)),
      r: table[peak] ?? 0,
    });
  }
  return out;
}

/**
 * Radial profile of a 2D spectrum: bins grouped by |κ| = √(κy² + κx²) into rings, showing each
 * ring's mean |X|, mean |R·X| and mean R (R depends on κ only through |κ|²).
 */
export function spectrum2d(
  magnitude: Float32Array,
  table: Float64Array,
  shape: readonly [number, number],
  unit: KUnit,
  floorDb: number,
): SpectrumPoint[] {
  const [ny, nx] = shape;
  const rings = Math.min(MAX_POINTS, Math.floor(Math.min(ny, nx) / 2) + 1);
  const kMax = Math.min(Math.abs(kappa(ny >> 1, ny, unit)), Math.abs(kappa(nx >> 1, nx, unit)));
  const sumMag = new Float64Array(rings);
  const sumRMag = new Float64Array(rings);
  const sumR = new Float64Array(rings);
  const count = new Float64Array(rings);
  for (let y = 0; y < ny; y++) {
    const ky = kappa(y, ny, unit);
    for (let x = 0; x < nx; x++) {
      const kx = kappa(x, nx, unit);
      const ring = Math.round((Math.hypot(ky, kx) / kMax) * (rings - 1));
      if (ring >= rings) continue; // the corners beyond the inscribed circle
      const mag = magnitude[y * nx + x] ?? 0;
      const r = table[y * nx + x] ?? 0;
      sumMag[ring] = (sumMag[ring] ?? 0) + mag;
      sumRMag[ring] = (sumRMag[ring] ?? 0) + r * mag;
      sumR[ring] = (sumR[ring] ?? 0) + r;
      count[ring] = (count[ring] ?? 0) + 1;
    }
  }
  const out: SpectrumPoint[] = [];
  for (let ring = 0; ring < rings; ring++) {
    const c = count[ring] ?? 0;
    if (c === 0) continue;
    out.push({
      k: (ring / (rings - 1)) * kMax,
      db: Math.max(floorDb, toDb((sumMag[ring] ?? 0) / c)),
      filteredDb: Math.max(floorDb, toDb((sumRMag[ring] ?? 0) / c)),
      r: (sumR[ring] ?? 0) / c,
    });
  }
  return out;
}

/** Both 2D spectra as image brightness in [0, 1], k = 0 at the centre (numpy's fftshift). */
export interface SpectrumImages {
  original: Float32Array;
  filtered: Float32Array;
}

/**
 * log |X| and log |R·X| of a [ny][nx] spectrum on one scale: 1 at `topDb`, 0 at `floorDb` and
 * below, so the filter's darkening of the high-k ring shows as it is.
 */
export function spectrumImages(
  magnitude: Float32Array,
  table: Float64Array,
  shape: readonly [number, number],
  [floorDb, topDb]: readonly [number, number],
): SpectrumImages {
  const [ny, nx] = shape;
  const original = new Float32Array(ny * nx);
  const filtered = new Float32Array(ny * nx);
  const hy = Math.floor(ny / 2);
  const hx = Math.floor(nx / 2);
  const span = topDb - floorDb;
  const level = (mag: number): number =>
    mag > 0 ? Math.min(1, Math.max(0, (toDb(mag) - floorDb) / span)) : 0;
  for (let y = 0; y < ny; y++) {
    const row = ((y + hy) % ny) * nx;
    for (let x = 0; x < nx; x++) {
      const to = row + ((x + hx) % nx);
      const mag = magnitude[y * nx + x] ?? 0;
      original[to] = level(mag);
      filtered[to] = level((table[y * nx + x] ?? 0) * mag);
    }
  }
  return { original, filtered };
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
