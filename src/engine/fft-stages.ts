/**
 * The radix-2 FFT stage by stage, for teaching (the butterfly view): the options, their checks,
 * the result, and the one definition of which values each radix-2 Stockham stage combines.
 * The GPU capture (gpu/stage-capture.ts) runs the engine's own 'stages' kernels forced to
 * radix 2; the float64 reference (cpu/fft64-stages.ts) runs the same recurrence; the view
 * draws the lines of `radix2Butterflies`.
 *
 * Order of the values. Stockham stages are autosorting: each reads one buffer and writes the
 * other, and every stage's values are reported in the natural index order of the buffer that
 * stage wrote (no bit reversal anywhere). Stage 0 is the input x as uploaded. After stage s
 * (L = 2^s), index i = b·L + q (b < N/L, q < L) holds bin q of the L-point DFT of the
 * decimated subsequence x[b], x[b + N/L], x[b + 2N/L], … (`stageEntry`), so the last stage
 * (L = N, b = 0) is X in natural order.
 */
import { EngineArgumentError } from './errors';
import type { InputArray, OutputArray } from './types';
import { checkData, checkFlag, checkOptions, describeValue } from './validate';

/** Lengths the stage capture takes: a diagram of more rows than 32 is no longer readable. */
export const FFT_STAGE_SIZES = [2, 4, 8, 16, 32] as const;
export type FftStageSize = (typeof FFT_STAGE_SIZES)[number];

export interface FftStagesOptions {
  /** Points of the one signal: 2, 4, 8, 16 or 32. */
  n: number;
  /** Inverse transform: conjugate twiddles, and the last stage scales by 1/N (numpy.fft.ifft). */
  inverse?: boolean;
  /** `data` holds n real samples (imaginary parts zero) instead of n interleaved (re, im). */
  real?: boolean;
}

export interface CheckedFftStages {
  n: FftStageSize;
  inverse: boolean;
  real: boolean;
}

export interface FftStagesResult {
  n: number;
  inverse: boolean;
  /**
   * log2 N + 1 arrays of N interleaved (re, im): stages[0] the input, stages[s] the buffer
   * after radix-2 stage s, in that buffer's natural index order (see the module comment).
   * Float32 from the GPU, float64 from the CPU reference.
   */
  stages: OutputArray[];
  /** Who computed the stages: the engine's GPU kernels or the float64 reference. */
  source: 'gpu' | 'cpu';
}

export function checkFftStages(data: InputArray, options: FftStagesOptions): CheckedFftStages {
  const o = checkOptions(options);
  const n = o.n;
  if (typeof n !== 'number' || !(FFT_STAGE_SIZES as readonly number[]).includes(n)) {
    throw new EngineArgumentError(
      'n',
      `n must be one of ${FFT_STAGE_SIZES.join(', ')} (the stage capture draws every value); ` +
        `got ${describeValue(n)}.`,
    );
  }
  const inverse = checkFlag('inverse', o.inverse, false);
  const real = checkFlag('real', o.real, false);
  checkData(data, [n], 1, real);
  return { n: n as FftStageSize, inverse, real };
}

/** Number of radix-2 stages of an N-point transform. */
export function stageCount(n: number): number {
  return Math.round(Math.log2(n));
}

/** One radix-2 butterfly of a Stockham stage: where its two values come from and go to. */
export interface Radix2Butterfly {
  /** Butterfly index, 0 … N/2 − 1 (one GPU invocation each). */
  j: number;
  /** Indices in the previous stage's buffer: j and j + N/2. */
  inputs: readonly [number, number];
  /** Indices in this stage's buffer: a + k and a + k + ns, a = (j div ns)·2ns. */
  outputs: readonly [number, number];
  /** The second input is multiplied by W_span^k = e^(∓2πi·k/span) before the sum and difference. */
  k: number;
  span: number;
}

/**
 * The butterflies of radix-2 stage s (1 … log2 N), ns = 2^(s−1): the index arithmetic of
 * stage-codegen.ts with R = 2 (inputs j + r·N/R, outputs (j / ns)·ns·R + k + r·ns, twiddle
 * W_(ns·R)^(r·k), k = j mod ns).
 */
export function radix2Butterflies(n: number, stage: number): Radix2Butterfly[] {
  if (!Number.isInteger(stage) || stage < 1 || stage > stageCount(n)) {
    throw new RangeError(`stage must be 1 … ${stageCount(n)} for N = ${n}; got ${stage}`);
  }
  const ns = 2 ** (stage - 1);
  const out: Radix2Butterfly[] = [];
  for (let j = 0; j < n / 2; j++) {
    const k = j % ns;
    const a = Math.floor(j / ns) * 2 * ns + k;
    out.push({ j, inputs: [j, j + n / 2], outputs: [a, a + ns], k, span: 2 * ns });
  }
  return out;
}

/**
 * What index i of stage s holds: bin q of the L-point DFT (L = 2^s) of the subsequence
 * x[b + m·N/L], m = 0 … L − 1. For labels and for the test that checks the claim.
 */
export function stageEntry(stage: number, i: number): { b: number; q: number } {
  const L = 2 ** stage;
  return { b: Math.floor(i / L), q: i % L };
}
