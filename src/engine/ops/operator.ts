/**
 * An operator is everything the engine knows about one operation, in one object: its argument
 * checks, its float64 CPU reference, the GPU program that computes it, how the GPU's output
 * becomes the result, and how much work it is. The engine, the planner, the benchmark and the
 * tests all take operators by their `id`, so a new operation is a new file in ops/ (see
 * README "Adding an operator") and no edits elsewhere.
 */
import type { InputArray, Shape, Timing } from '../types';

/** Work of one operation, for the benchmark's GB/s and GFLOP/s and the throughput plots. */
export interface OperatorWork {
  /** Floating-point operations, by the usual counts (5·N·log2 N per complex FFT). */
  flops: number;
  /** Minimum bytes moved to and from memory: every value read once and written once. */
  bytes: number;
}

/** What every checked argument set carries: the geometry the executor chunks by. */
export interface CheckedBase {
  shape: Shape;
  batch: number;
}

/**
 * A per-bin function applied between a forward FFT and its inverse (VkFFT's convolution step):
 * - 'resolvent': X ← R·X with R = 1/(1 + φ·(qy[y] + qx[x])), adding Σ|X|², ΣR|X|², Σ(1−R)²|X|²
 *   per signal (tables 'qy', 'qx'; φ from `phi`).
 * - 'multiply': X ← table[bin]·X, a complex factor per bin from table `table` (the spectral
 *   filter's gains, the propagator's kinetic phase).
 */
export type SpectralHook = { kind: 'resolvent' } | { kind: 'multiply'; table: string };

/** One piece of a GPU program; the executor turns blocks into dispatches (gpu/program-steps.ts). */
export type Block =
  /** A whole FFT of every signal (inverse scaled by 1/N). */
  | { kind: 'fft'; inverse: boolean }
  /** Forward FFT → hook → inverse FFT; fused into the FFT passes when `fused`. */
  | { kind: 'spectral'; hook: SpectralHook; fused: boolean }
  /** The hook alone, on data that already is a spectrum. */
  | { kind: 'hook'; hook: SpectralHook }
  /** ψ ← table[i]·ψ for every element i of every signal (complex table of prod(shape) values). */
  | { kind: 'pointwise'; table: string }
  /** Walsh–Hadamard transform of every signal, natural order (re and im independently). */
  | { kind: 'wht' }
  /** Every value copied to the next data buffer in one dispatch: the bandwidth floor. */
  | { kind: 'copy' }
  /**
   * Every value of each signal added into its per-signal sums (vec4: Σ of re and im at even
   * and odd positions), reading the data once and writing none of it. Needs `sums`.
   */
  | { kind: 'sum' }
  /** `body` run `times` times, back to back, with no readback in between. */
  | { kind: 'repeat'; times: number; body: Block[] };

/** A table the program reads, uploaded once and again only when its key changes. */
export interface ProgramTable {
  /** Unchanged key: the plan keeps the uploaded table. No key: uploaded on every call. */
  key?: string;
  /** Float32 values: f32 per element for 'qy'/'qx', interleaved complex for the others. */
  data: () => Float32Array<ArrayBuffer>;
}

/** The GPU form of one operation: complex signals through a list of blocks. */
export interface GpuProgram {
  /** Signals as the GPU holds them: interleaved complex, `batch`·prod(shape) values each. */
  shape: Shape;
  batch: number;
  input: () => Float32Array<ArrayBuffer>;
  blocks: Block[];
  tables: Record<string, ProgramTable>;
  /** Uniform φ of a 'resolvent' hook. */
  phi?: number;
  /**
   * Whether the program yields per-signal sums (a 'resolvent' hook, a 'sum' block): then the
   * last chunk also reduces them over the batch, and both are read back.
   */
  sums: boolean;
}

/** What a GPU run reads back. */
export interface GpuOutput {
  data: Float32Array;
  /** vec4 per signal, then one for the batch, when the program has sums. */
  sums?: Float32Array;
}

export interface Operator<Options, Result extends { timing: Timing }, Checked extends CheckedBase> {
  /** Names the operator in plans, wisdom, benchmark rows and error messages. */
  readonly id: string;
  /** Argument checks before any work; throws EngineArgumentError naming the field. */
  check(data: InputArray, options: Options): Checked;
  /** The float64 CPU reference (and the engine without WebGPU). */
  reference(data: InputArray, o: Checked): Omit<Result, 'timing'>;
  /** The GPU program. `fused` is false only when the caller asked for separate passes. */
  program(data: InputArray, o: Checked): GpuProgram;
  /** The result from what the GPU read back. */
  decode(out: GpuOutput, o: Checked, timing: Timing): Result;
  work(o: Checked): OperatorWork;
}

/** Any operator, for registries and the executor. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperator = Operator<any, any, any>;

export type OptionsOf<Op> = Op extends { check(data: InputArray, options: infer O): unknown }
  ? O
  : never;
export type ResultOf<Op> = Op extends { decode(...args: never[]): infer R } ? R : never;
