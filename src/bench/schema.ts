/**
 * The benchmark's JSON format. One zod schema is both the type the code uses and the check at
 * every boundary where a run comes back in (imported files, browser history, the URL).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const SUITE_NAMES = ['tiny', 'quick', 'full'] as const;
export const SuiteNameSchema = z.enum(SUITE_NAMES);
export type SuiteName = z.infer<typeof SuiteNameSchema>;

/**
 * What a case measures. GPU: this project's kernels (`fft`, the resolvent pipeline fused or as
 * separate passes, the batch reductions, the Walsh–Hadamard transform, the spectral filter and
 * one split-step propagation step) and the references on the same adapter (`copy`,
 * `read-reduce`, TensorFlow.js's `tfjs-fft`), and cuFFT through PyTorch (`cufft-torch`, a native
 * peer on the same machine's CUDA GPU, run only when asked). CPU: `fft.js` (float64) and PFFFT
 * (`pffft`, float32 SIMD WebAssembly), each on one thread and over workers.
 */
export const OPS = [
  'fft',
  'resolvent-fused',
  'resolvent-separate',
  'reductions',
  'wht',
  'filter',
  'propagate',
  'copy',
  'read-reduce',
  'tfjs-fft',
  'fftjs',
  'fftjs-workers',
  'pffft',
  'pffft-workers',
  'cufft-torch',
] as const;
export const OpSchema = z.enum(OPS);
export type Op = z.infer<typeof OpSchema>;

export const TimingMethodSchema = z.enum(['timestamp', 'wall']);
export type BenchTimingMethod = z.infer<typeof TimingMethodSchema>;

const count = z.number().int().nonnegative();
const positive = z.number().positive();
const finite = z.number().refine(Number.isFinite, 'must be finite');

/**
 * Caps on an imported or stored run, far above what any suite writes (a full run is about 300
 * cases, 13 crossover points and 200 KB), so that a forged file is refused before it costs the
 * page seconds or the history its storage. The message names the cap.
 */
export const RUN_LIMITS = {
  /** Bytes of a benchmark JSON file, checked before it is read. */
  fileBytes: 8 * 2 ** 20,
  cases: 4096,
  spans: 1000,
  crossovers: 64,
  crossoverPoints: 4096,
  skipped: 1024,
  /** Entries of the per-shape target lists (fusedSpeedup, fusedVsCopy). */
  targets: 1024,
  /** Adapter features and limits. */
  adapterEntries: 256,
  /** Characters of any text field. */
  text: 4096,
} as const;

/**
 * An array of at most `max` items; the message names the cap and its name in RUN_LIMITS. The
 * length is checked before any item is, so an oversized array is refused at once.
 */
function capped<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(z.unknown())
    .max(max, {
      error: (issue) =>
        `at most ${max} ${what} are accepted (RUN_LIMITS); this file has ${String((issue.input as unknown[]).length)}`,
    })
    .pipe(z.array(item));
}
const text = z.string().max(RUN_LIMITS.text, `at most ${RUN_LIMITS.text} characters`);

/** The engine's FFT kernel variants (see the engine's planner). */
export const VariantSchema = z.enum(['workgroup', 'stages', 'subgroups']);

export const CaseResultSchema = z.object({
  op: OpSchema,
  /** Where it ran: the WebGPU adapter, or the CPU (fft.js). */
  device: z.enum(['gpu', 'cpu']),
  shape: z.array(z.number().int().positive()).min(1).max(2),
  batch: z.number().int().positive(),
  /** Bytes read + written per operation by the kernels' minimum. */
  bytes: count,
  /** Operations per timed span (each span is `repeats` back-to-back operations). */
  repeats: z.number().int().positive(),
  /** Per-operation time of each span, ms. */
  spansMs: capped(finite, RUN_LIMITS.spans, 'spans'),
  /** Median over spans of the per-operation time, ms. */
  medianMs: positive,
  /** Coefficient of variation of the per-operation times over spans (std / mean). */
  cv: z.number().nonnegative(),
  method: TimingMethodSchema,
  signalsPerSec: positive,
  gflops: z.number().nonnegative().nullable(),
  gbps: z.number().nonnegative(),
  /**
   * Copy time for the same bytes ÷ this time (GPU cases). Runs that have `efficiencySpread`
   * timed the engine's copy over the case's bytes in spans alternating with the case's own, and
   * this is the median of the per-pair ratios; older runs divided by a copy measured apart.
   */
  efficiency: z.number().nonnegative().nullable(),
  /**
   * Coefficient of variation of the per-pair ratios behind `efficiency` (optional: absent in
   * runs saved before the copy was paired with each case, and for unpaired cases).
   */
  efficiencySpread: z.number().nonnegative().nullable().optional(),
  dispatches: count.nullable(),
  /**
   * fft.js on one thread ÷ this case, same shape, as time per signal (the CPU peers may run a
   * smaller batch than the GPU; at equal batches it is the ratio of their times).
   */
  speedupVsFftjs: z.number().positive().nullable(),
  speedupVsTfjs: z.number().positive().nullable(),
  /**
   * PFFFT on one thread ÷ this case, same shape, as time per signal like `speedupVsFftjs`
   * (optional: runs saved before the PFFFT peer lack it).
   */
  speedupVsPffft: z.number().positive().nullable().optional(),
  /**
   * cuFFT (through PyTorch) time ÷ this FFT's time, same shape and batch: this project's
   * throughput as a fraction of cuFFT's on the same GPU. Only where cuFFT ran and passed
   * verification (optional: absent unless the run was asked for the native peer).
   */
  speedupVsCufft: z.number().positive().nullable().optional(),
  /** L∞ relative error max|a − b| / max|b| against the float64 reference. */
  maxRelError: z.number().nonnegative(),
  tolerance: z.number().nonnegative(),
  verifiedSignals: count,
  /** The adapter is a software rasterizer (SwiftShader, llvmpipe, WARP): CPU emulation. */
  software: z.boolean(),
  /** The engine's kernel variant that ran the case (see the engine's planner). */
  variant: VariantSchema.optional(),
  note: text.optional(),
});
export type CaseResult = z.infer<typeof CaseResultSchema>;

export const CrossoverPointSchema = z.object({
  batch: z.number().int().positive(),
  /** GPU kernel time with the data resident on the GPU, ms. */
  gpuMs: positive,
  /** engine.fft() call: upload, kernels, readback, ms. */
  gpuRoundTripMs: positive.nullable(),
  /** fft.js on one thread, ms. */
  cpuMs: positive,
  /** Error of the GPU result at this batch against the float64 reference. */
  maxRelError: z.number().nonnegative(),
});
export const CrossoverSchema = z.object({
  shape: z.array(z.number().int().positive()).min(1).max(2),
  points: capped(CrossoverPointSchema, RUN_LIMITS.crossoverPoints, 'crossover points'),
  /** Smallest batch from which the GPU stays faster than fft.js (kernel time); null if never. */
  batch: z.number().int().positive().nullable(),
  /** The same with the GPU's upload and readback counted. */
  batchRoundTrip: z.number().int().positive().nullable(),
});
export type Crossover = z.infer<typeof CrossoverSchema>;
export type CrossoverPoint = z.infer<typeof CrossoverPointSchema>;

export const AdapterFingerprintSchema = z.object({
  vendor: text,
  architecture: text,
  device: text,
  description: text,
  isFallbackAdapter: z.boolean(),
  software: z.boolean(),
  limits: z
    .record(text, z.number())
    .refine((r) => Object.keys(r).length <= RUN_LIMITS.adapterEntries, {
      error: `at most ${RUN_LIMITS.adapterEntries} adapter limits are accepted (RUN_LIMITS)`,
    }),
  features: capped(text, RUN_LIMITS.adapterEntries, 'adapter features'),
});
export type AdapterFingerprint = z.infer<typeof AdapterFingerprintSchema>;

export const SkippedSchema = z.object({ what: text, reason: text });
export type Skipped = z.infer<typeof SkippedSchema>;

/** The weakest 1D FFT size of a range, each size counted at its best variant. */
const EfficiencyFloorSchema = z.object({
  /**
   * min over the range's N of (max efficiency over that N's FFT cases): the planner keeps the
   * fastest variant, so a size is as good as its best variant, and the range as its worst size.
   */
  minEfficiency: z.number().nonnegative(),
  /** The N of that minimum: the size that decides the target. */
  atN: z.number().int().positive(),
  /** The variant that gave that N its best efficiency (null if the case did not say). */
  variant: VariantSchema.nullable(),
  /** Sizes of the range with an efficiency: how much of the range the verdict covers. */
  sizes: z.number().int().positive(),
  /** minEfficiency reaches the range's bound. */
  met: z.boolean(),
});
export type EfficiencyFloor = z.infer<typeof EfficiencyFloorSchema>;

/** The efficiency targets, set for a discrete GPU; see `EFFICIENCY_TARGETS` for the bounds. */
const EfficiencyTargetsSchema = z.object({
  /** false on a software adapter: its times measure a CPU emulation, not the GPU they are for. */
  judged: z.boolean(),
  /** 1D FFT, N ≤ 2048 (null when no size of the range has an efficiency). */
  small: EfficiencyFloorSchema.nullable(),
  /** 1D FFT, 2048 < N ≤ 2^20. */
  large: EfficiencyFloorSchema.nullable(),
  /** Every 1D fused resolvent case with an efficiency, so a reader sees which ones qualify. */
  fusedVsCopy: capped(
    z.object({
      shape: z.array(z.number().int().positive()),
      /** Fused pipeline time ÷ copy time for the same bytes (1 / efficiency). */
      ratio: positive,
      dispatches: count.nullable(),
      variant: VariantSchema.nullable(),
      /**
       * ratio within the bound; null outside the target's scope: only the 'workgroup' variant
       * on a size that fits workgroup memory runs the pipeline in one pass over the data.
       */
      met: z.boolean().nullable(),
    }),
    RUN_LIMITS.targets,
    'fusedVsCopy entries',
  ),
});
export type EfficiencyTargets = z.infer<typeof EfficiencyTargetsSchema>;

export const BenchRunSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: text.min(1),
  suite: SuiteNameSchema,
  date: text,
  runtime: z.enum(['browser', 'node']),
  userAgent: text,
  adapter: AdapterFingerprintSchema,
  /** The GPU timing method of this run: 'timestamp' when every GPU case used timestamps. */
  timingMethod: z.enum(['timestamp', 'wall', 'mixed']),
  /**
   * Whether the run asked the browser or Dawn to turn off its timestamp quantization (the
   * `timestamp_quantization` toggle): 'disabled' when it did, 'default' when it did not.
   * Optional: older runs lack it. Asking is not a guarantee that it was honored.
   */
  timestampQuantization: z.enum(['disabled', 'default']).optional(),
  cases: capped(CaseResultSchema, RUN_LIMITS.cases, 'cases'),
  crossovers: capped(CrossoverSchema, RUN_LIMITS.crossovers, 'crossovers'),
  skipped: capped(SkippedSchema, RUN_LIMITS.skipped, 'skipped entries'),
  targets: z.object({
    /** TensorFlow.js time ÷ this project's FFT time at N = 1024, same batch. */
    tfjsSpeedupAt1024: z.number().positive().nullable(),
    /**
     * Separate passes time ÷ fused pipeline time, per shape measured, with each variant's
     * dispatches (equal counts mean the shape could not be fused on this device).
     */
    fusedSpeedup: capped(
      z.object({
        shape: z.array(z.number().int().positive()),
        /** Median over span pairs timed in alternation of separate ÷ fused. */
        speedup: z.number().positive(),
        /** Coefficient of variation of those per-pair ratios (absent in older runs). */
        cv: z.number().nonnegative().nullable().optional(),
        fusedDispatches: count.nullable(),
        separateDispatches: count.nullable(),
      }),
      RUN_LIMITS.targets,
      'fusedSpeedup entries',
    ),
    /** Optional: runs saved before these targets existed lack it and still parse. */
    efficiency: EfficiencyTargetsSchema.optional(),
  }),
  wallMs: z.number().nonnegative(),
});
export type BenchRun = z.infer<typeof BenchRunSchema>;

/**
 * Parses untrusted JSON text into a run, with a message that names the first bad field. Text
 * over RUN_LIMITS.fileBytes (counted as UTF-16 code units, at most the UTF-8 size) is refused
 * before JSON.parse.
 */
export function parseBenchRun(text: string): BenchRun {
  if (text.length > RUN_LIMITS.fileBytes) {
    const mib = (text.length / 2 ** 20).toFixed(1);
    throw new Error(
      `Not a benchmark run: ${mib} MiB of text; the limit is ${RUN_LIMITS.fileBytes / 2 ** 20} MiB (RUN_LIMITS.fileBytes)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`Not JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const parsed = BenchRunSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new Error(`Not a benchmark run: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
