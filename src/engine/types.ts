/**
 * Public types of the compute engine. The engine is plain TypeScript over WebGPU: no React,
 * no DOM, so it runs unchanged in the browser and in Node (the `webgpu` package).
 */

import type { AnyOperator, OptionsOf, ResultOf } from './ops/operator';

/** The unit of the wavenumber κ that enters R(k) = 1 / (1 + φ·(kScale·κ)²). */
export type KUnit = 'cycles' | 'radians' | 'index';
export const K_UNITS: readonly KUnit[] = ['cycles', 'radians', 'index'];

/** `[n]` for 1D signals, `[ny, nx]` for 2D (row-major, x fastest). */
export type Shape = readonly [number] | readonly [number, number];

/** Input samples: interleaved complex (re, im) unless `real: true`, then one value per sample. */
export type InputArray = Float32Array | Float64Array | readonly number[];

/** GPU results are float32; the CPU reference computes and returns float64. */
export type OutputArray = Float32Array | Float64Array;

export interface TransformOptions {
  shape: Shape;
  batch: number;
  /** Inverse transform, scaled by 1/N (as numpy.fft.ifft). */
  inverse?: boolean;
  /** `data` holds real samples only (batch·prod(shape) values); imaginary parts are zero. */
  real?: boolean;
}

export interface ResolventOptions {
  shape: Shape;
  batch: number;
  /** φ in R(k) = 1/(1 + φ·(kScale·κ)²); finite and > 0. Default 1.618034. */
  phi?: number;
  /** Weight of the regularizer: regularizer = λ · batchHighKEnergy. Finite and ≥ 0. Default 1. */
  lambda?: number;
  /** Unit of κ. Default 'cycles' (numpy.fft.fftfreq(N, d=1)). */
  kUnit?: KUnit;
  /** Multiplies κ before it enters R. Finite and > 0. Default 1. */
  kScale?: number;
  real?: boolean;
  /**
   * GPU only. true (default): the filter and sums ride inside the FFT passes, saving passes over
   * the data (one dispatch in all where a 1D signal fits workgroup memory). false: FFT, filter,
   * reductions and inverse as separate dispatches, each a full pass over the data (the baseline
   * the benchmark compares with).
   */
  fused?: boolean;
}

export type TimingMethod = 'timestamp' | 'wall';

export interface Timing {
  /** Milliseconds of GPU work (or of CPU work, for the CPU engine). */
  ms: number;
  /** 'timestamp': sum of timestamp-query spans of the compute passes; 'wall': submit → done. */
  method: TimingMethod;
  /** Compute dispatches issued for the operation (all chunks). */
  dispatches: number;
  /** Number of chunks the batch was split into to respect buffer/dispatch limits. */
  chunks: number;
}

export interface FftResult {
  data: OutputArray;
  timing: Timing;
}

export interface ResolventResult {
  /** Inverse FFT of R·X: the filtered signals, interleaved complex. */
  filtered: OutputArray;
  /** Per signal: mean over bins of |X − R·X|². */
  highKEnergy: OutputArray;
  /** Per signal: Σ R·|X|² / Σ |X|² (0 for an all-zero signal). */
  coherence: OutputArray;
  /** Per signal: Σ |X|². */
  energy: OutputArray;
  /** Mean over all bins of all signals of |X − R·X|² (= mean of highKEnergy). */
  batchHighKEnergy: number;
  /** Σ_b Σ R·|X|² / Σ_b Σ |X|²: coherence weighted by each signal's energy. */
  batchCoherence: number;
  /** λ · batchHighKEnergy. */
  regularizer: number;
  timing: Timing;
}

export interface WhtOptions {
  /** Length of each signal: a power of two from 2 to 2^20. */
  n: number;
  batch: number;
}

/** y = H_n·x, unnormalized, natural (Sylvester) order: scipy.linalg.hadamard(n) @ x. */
export interface WhtResult {
  /** Real, batch · n values. */
  data: OutputArray;
  timing: Timing;
}

export interface FilterOptions {
  shape: Shape;
  batch: number;
  /**
   * Real gain per bin, prod(shape) values in numpy's FFT bin order (fftfreq order; 2D row-major
   * [ky][kx]), shared by the batch. Finite.
   */
  gains: InputArray;
  real?: boolean;
  /** GPU only: the gains ride inside the FFT passes (default true), else a separate pass. */
  fused?: boolean;
}

/** IFFT(g ⊙ FFT(x)), interleaved complex. */
export interface FilterResult {
  data: OutputArray;
  timing: Timing;
}

export interface PropagateOptions {
  shape: Shape;
  batch: number;
  /** Time step; finite and > 0. */
  dt: number;
  /** Whole steps; an integer from 1 to 100000. */
  steps: number;
  /** Real potential V, prod(shape) values shared by the batch. Default 0 (a free particle). */
  potential?: InputArray;
  /** ħ; finite and > 0. Default 1. */
  hbar?: number;
  /** m; finite and > 0. Default 1. */
  mass?: number;
  /** Grid spacing (the same on both axes in 2D); finite and > 0. Default 1. */
  dx?: number;
  /** GPU only: the kinetic phase rides inside the FFT passes (default true). */
  fused?: boolean;
}

export interface PropagateResult {
  /** ψ after all steps, interleaved complex. */
  data: OutputArray;
  /** Per signal: Σ|ψ|²·dx^d after the last step (d = 1 or 2). */
  norm: OutputArray;
  timing: Timing;
}

/** Interleaved complex signals and nothing else: the copy and read-reduce operators. */
export interface SignalOptions {
  shape: Shape;
  batch: number;
}

/** The copy: the same values, read once and written once. */
export interface CopyResult {
  data: OutputArray;
  timing: Timing;
}

export interface ReadReduceResult {
  /** Σ of every value (re and im) of every signal. */
  total: number;
  timing: Timing;
}

export type Backend = 'webgpu' | 'cpu';

export interface Engine {
  readonly backend: Backend;
  fft(data: InputArray, options: TransformOptions): Promise<FftResult>;
  resolvent(data: InputArray, options: ResolventOptions): Promise<ResolventResult>;
  /** Walsh–Hadamard transform of real signals. */
  wht(data: InputArray, options: WhtOptions): Promise<WhtResult>;
  /** Spectral filter with arbitrary real gains per bin. */
  filter(data: InputArray, options: FilterOptions): Promise<FilterResult>;
  /**
   * Split-step Fourier propagation: each step is
   * ψ ← e^{−iV·dt/(2ħ)} · IFFT( e^{−iħ·k²·dt/(2m)} · FFT( e^{−iV·dt/(2ħ)} · ψ ) ),
   * k = 2π·numpy.fft.fftfreq(N, d=dx) per axis (k² = ky² + kx² in 2D).
   */
  propagate(psi: InputArray, options: PropagateOptions): Promise<PropagateResult>;
  /**
   * Any operator (src/engine/ops/): its checks, then its GPU program or, on the CPU engine,
   * its float64 reference. The methods above are this with their operator.
   */
  run<Op extends AnyOperator>(
    op: Op,
    data: InputArray,
    options: OptionsOf<Op>,
  ): Promise<ResultOf<Op>>;
  /** Frees every GPU object the engine owns. Idempotent. */
  destroy(): void;
}
