/**
 * One frame of the Walsh–Hadamard kind: the batch through the engine's WHT and its FFT, and,
 * for the shown signal, both spectra and how many coefficients each basis needs. The WHT comes
 * back in natural (Sylvester) order; it is shown in sequency order, where like a Fourier
 * spectrum slow patterns sit on the left.
 */
import { toSequencyOrder, type Engine, type TimingMethod } from '../engine';
import { WorkloadError } from '../workloads';
import type { Workload } from './workload-source';

/** The share of the energy the "coefficients needed" readouts count up to. */
export const ENERGY_SHARE = 0.99;

export interface WalshView {
  index: number;
  n: number;
  batch: number;
  signal: Float32Array;
  /** Walsh–Hadamard coefficients of the shown signal, sequency order (unnormalized: Σ = n·x̄). */
  walsh: Float64Array;
  /** |X(k)| of the shown signal, numpy's FFT bin order. */
  fourier: Float64Array;
  /** Fewest coefficients holding ENERGY_SHARE of the energy, in each basis. */
  walshCount: number;
  fourierCount: number;
  whtMs: number;
  fftMs: number;
  method: TimingMethod;
}

/**
 * The fewest of `values` whose squares add up to `share` of the sum of all squares (0 for an
 * all-zero signal). Both bases keep energy up to the factor n (Parseval for the FFT; H·Hᵀ = n·I
 * for the WHT), so the counts of the two compare like for like.
 */
export function coefficientsFor(values: ArrayLike<number>, share: number): number {
  const squares = Float64Array.from(values, (v) => v * v).sort();
  let total = 0;
  for (const s of squares) total += s;
  if (total === 0) return 0;
  let kept = 0;
  for (let i = squares.length - 1; i >= 0; i--) {
    kept += squares[i] ?? 0;
    if (kept >= share * total) return squares.length - i;
  }
  return squares.length;
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function walshFrame(
  engine: Engine,
  work: Workload,
  selected: number,
  previous: WalshView | null,
): Promise<WalshView> {
  if (work.shape.length !== 1) {
    throw new WorkloadError(
      'kind',
      `the Walsh–Hadamard kind transforms 1D signals; these are ${work.shape.join('×')} images`,
    );
  }
  const [n] = work.shape;
  const { batch, data } = work;
  const wht = await engine.wht(data, { n, batch });
  const fft = await engine.fft(data, { shape: work.shape, batch, real: true });
  const index = Math.min(selected, batch - 1);
  const walsh = toSequencyOrder(wht.data, n, index * n);
  const fourier = new Float64Array(n);
  for (let i = 0, j = 2 * index * n; i < n; i++, j += 2) {
    fourier[i] = Math.hypot(fft.data[j] ?? 0, fft.data[j + 1] ?? 0);
  }
  const timing = { whtMs: wht.timing.ms, fftMs: fft.timing.ms, method: wht.timing.method };
  // A steady workload gives the same spectra each frame: keep the old arrays so charts skip
  // the redraw, and only the timings move.
  if (
    previous &&
    previous.index === index &&
    previous.batch === batch &&
    sameValues(previous.walsh, walsh) &&
    sameValues(previous.fourier, fourier)
  ) {
    return { ...previous, ...timing };
  }
  return {
    index,
    n,
    batch,
    signal: data.slice(index * n, (index + 1) * n),
    walsh,
    fourier,
    walshCount: coefficientsFor(walsh, ENERGY_SHARE),
    fourierCount: coefficientsFor(fourier, ENERGY_SHARE),
    ...timing,
  };
}
