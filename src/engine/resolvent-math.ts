/**
 * The one definition of the φ-resolvent filter and its metrics. The CPU reference uses these
 * functions directly; the GPU path uploads the per-axis tables from `axisQ` (computed here in
 * float64) and its WGSL (`shaders/resolvent.wgsl`) evaluates the same `weights` formula.
 */
import { rowsAndColumns, signalLength } from './shape';
import type { KUnit, Shape } from './types';

/** φ, the golden ratio, as the documents write it. */
export const PHI_DEFAULT = 1.618034;
export const LAMBDA_DEFAULT = 1;
export const K_SCALE_DEFAULT = 1;
export const K_UNIT_DEFAULT: KUnit = 'cycles';

/** numpy.fft.fftfreq(n, d=1)[i]: i/n for i < n/2 (ceil), else (i − n)/n. */
export function fftfreq(i: number, n: number): number {
  const half = Math.floor((n - 1) / 2) + 1;
  return (i < half ? i : i - n) / n;
}

/** κ per cycle a sample in `unit` on an axis of length n: κ = kappaPerCycle · fftfreq. */
function kappaPerCycle(n: number, unit: KUnit): number {
  switch (unit) {
    case 'cycles':
      return 1;
    case 'radians':
      return 2 * Math.PI;
    case 'index':
      return n;
  }
}

/** κ for bin i of an axis of length n, in the given unit. */
export function kappa(i: number, n: number, unit: KUnit): number {
  return fftfreq(i, n) * kappaPerCycle(n, unit);
}

/** q[i] = (kScale·κ_i)² along one axis, float64. In 2D, q = q_y + q_x (κ² = κy² + κx²). */
export function axisQ(n: number, unit: KUnit, kScale: number): Float64Array {
  const q = new Float64Array(n);
  // The unit's factor once, not per bin: a 2^20 axis is a table a plot may redo each frame.
  const per = kappaPerCycle(n, unit);
  for (let i = 0; i < n; i++) {
    const k = kScale * (fftfreq(i, n) * per);
    q[i] = k * k;
  }
  return q;
}

/**
 * R and 1 − R for a bin with squared scaled wavenumber q. 1 − R is computed as φq/(1 + φq),
 * not by subtraction, so the high-k energy keeps full precision where R ≈ 1.
 */
export function weights(phi: number, q: number): { r: number; oneMinusR: number } {
  return { r: resolventR(phi, q), oneMinusR: (phi * q) / (1 + phi * q) };
}

/** R alone, 1/(1 + φq): tables of R allocate nothing per bin. */
export function resolventR(phi: number, q: number): number {
  return 1 / (1 + phi * q);
}

/** R(k) for every bin of a shape, float64, row-major. */
export function resolventTable(
  shape: Shape,
  phi: number,
  unit: KUnit,
  kScale: number,
): Float64Array {
  const [ny, nx] = rowsAndColumns(shape);
  const qy = axisQ(ny, unit, kScale);
  const qx = axisQ(nx, unit, kScale);
  const table = new Float64Array(ny * nx);
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      table[y * nx + x] = resolventR(phi, (qy[y] ?? 0) + (qx[x] ?? 0));
    }
  }
  return table;
}

/** The three per-signal sums every metric derives from. */
export interface SpectralSums {
  /** Σ |X|² */
  energy: number;
  /** Σ R·|X|² */
  kept: number;
  /** Σ |X − R·X|² = Σ (1 − R)²·|X|² */
  highK: number;
}

/** Coherence Σ R|X|² / Σ |X|², defined as 0 for an all-zero signal. */
export function coherenceOf(sums: SpectralSums): number {
  return sums.energy > 0 ? sums.kept / sums.energy : 0;
}

/** Mean over `bins` bins of |X − R·X|². */
export function highKEnergyOf(sums: SpectralSums, bins: number): number {
  return sums.highK / bins;
}

/**
 * Share of the spectral energy the filter removes, Σ (1 − R)²·|X|² / Σ |X|², defined as 0 for an
 * all-zero signal. In [0, 1] for φ ≥ 0 (then 0 < R ≤ 1); unlike E_hk it does not grow with the
 * signal's amplitude, so signals and settings compare on one scale.
 */
export function highKFractionOf(sums: Pick<SpectralSums, 'energy' | 'highK'>): number {
  if (!(sums.energy > 0)) return 0;
  // The two sums may come from separate float32 reductions, whose rounding can carry the
  // ratio a few ulps past the bounds the exact formula keeps.
  return Math.min(1, Math.max(0, sums.highK / sums.energy));
}

/** Floating-point operations of one complex FFT of N points, by the usual 5·N·log2 N count. */
export function fftFlops(n: number): number {
  return 5 * n * Math.log2(n);
}

/** Every metric of the resolvent's result, from the per-signal sums (CPU and GPU alike). */
export interface ResolventMetrics<A extends Float32Array | Float64Array> {
  highKEnergy: A;
  coherence: A;
  energy: A;
  batchHighKEnergy: number;
  batchCoherence: number;
  regularizer: number;
}

/**
 * The metrics of a batch from each signal's sums, and the batch's total when the caller has
 * it (the GPU reduces it on the device); without it the signals' sums are added here.
 */
export function metricsFromSums<A extends Float32Array | Float64Array>(
  sumsOf: (signal: number) => SpectralSums | undefined,
  o: { shape: Shape; batch: number; lambda: number },
  Arr: { new (length: number): A },
  total?: SpectralSums,
): ResolventMetrics<A> {
  const n = signalLength(o.shape);
  const highKEnergy = new Arr(o.batch);
  const coherence = new Arr(o.batch);
  const energy = new Arr(o.batch);
  const added: SpectralSums = { energy: 0, kept: 0, highK: 0 };
  for (let b = 0; b < o.batch; b++) {
    const s = sumsOf(b) ?? { energy: 0, kept: 0, highK: 0 };
    highKEnergy[b] = highKEnergyOf(s, n);
    coherence[b] = coherenceOf(s);
    energy[b] = s.energy;
    added.energy += s.energy;
    added.kept += s.kept;
    added.highK += s.highK;
  }
  const batch = total ?? added;
  const batchHighKEnergy = highKEnergyOf(batch, n * o.batch);
  return {
    highKEnergy,
    coherence,
    energy,
    batchHighKEnergy,
    batchCoherence: coherenceOf(batch),
    regularizer: o.lambda * batchHighKEnergy,
  };
}
