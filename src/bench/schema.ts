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
 * separate passes, the batch reductions) and the references on the same adapter (`copy`,
 * `read-reduce`, TensorFlow.js's `tfjs-fft`). CPU: `fft.js` on one thread and over workers.
 */
export const OPS = [
  'fft',
  'resolvent-fused',
  'resolvent-separate',
  'reductions',
  'copy',
  'read-reduce',
  'tfjs-fft',
  'fftjs',
  'fftjs-workers',
] as const;
export const OpSchema = z.enum(OPS);
export type Op = z.infer<typeof OpSchema>;

export const TimingMethodSchema = z.enum(['timestamp', 'wall']);
export type BenchTimingMethod = z.infer<typeof TimingMethodSchema>;

const count = z.number().int().nonnegative();
const positive = z.number().positive();
const finite = z.number().refine(Number.isFinite, 'must be finite');

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
  spansMs: z.array(finite),
  /** Median over spans of the per-operation time, ms. */
  medianMs: positive,
  /** Coefficient of variation of the per-operation times over spans (std / mean). */
  cv: z.number().nonnegative(),
  method: TimingMethodSchema,
  signalsPerSec: positive,
  gflops: z.number().nonnegative().nullable(),
  gbps: z.number().nonnegative(),
  /** Copy time for the same bytes ÷ this time (GPU cases with a copy measured at those bytes). */
  efficiency: z.number().nonnegative().nullable(),
  dispatches: count.nullable(),
  speedupVsFftjs: z.number().positive().nullable(),
  speedupVsTfjs: z.number().positive().nullable(),
  /** L∞ relative error max|a − b| / max|b| against the float64 reference. */
  maxRelError: z.number().nonnegative(),
  tolerance: z.number().nonnegative(),
  verifiedSignals: count,
  /** The adapter is a software rasterizer (SwiftShader, llvmpipe, WARP): CPU emulation. */
  software: z.boolean(),
  /** The engine's kernel variant that ran the case (see the engine's planner). */
  variant: z.enum(['workgroup', 'stages', 'subgroups']).optional(),
  note: z.string().optional(),
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
  points: z.array(CrossoverPointSchema),
  /** Smallest batch from which the GPU stays faster than fft.js (kernel time); null if never. */
  batch: z.number().int().positive().nullable(),
  /** The same with the GPU's upload and readback counted. */
  batchRoundTrip: z.number().int().positive().nullable(),
});
export type Crossover = z.infer<typeof CrossoverSchema>;
export type CrossoverPoint = z.infer<typeof CrossoverPointSchema>;

export const AdapterFingerprintSchema = z.object({
  vendor: z.string(),
  architecture: z.string(),
  device: z.string(),
  description: z.string(),
  isFallbackAdapter: z.boolean(),
  software: z.boolean(),
  limits: z.record(z.string(), z.number()),
  features: z.array(z.string()),
});
export type AdapterFingerprint = z.infer<typeof AdapterFingerprintSchema>;

export const SkippedSchema = z.object({ what: z.string(), reason: z.string() });
export type Skipped = z.infer<typeof SkippedSchema>;

export const BenchRunSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  suite: SuiteNameSchema,
  date: z.string(),
  runtime: z.enum(['browser', 'node']),
  userAgent: z.string(),
  adapter: AdapterFingerprintSchema,
  /** The GPU timing method of this run: 'timestamp' when every GPU case used timestamps. */
  timingMethod: z.enum(['timestamp', 'wall', 'mixed']),
  cases: z.array(CaseResultSchema),
  crossovers: z.array(CrossoverSchema),
  skipped: z.array(SkippedSchema),
  targets: z.object({
    /** TensorFlow.js time ÷ this project's FFT time at N = 1024, same batch. */
    tfjsSpeedupAt1024: z.number().positive().nullable(),
    /**
     * Separate passes time ÷ fused pipeline time, per shape measured, with each variant's
     * dispatches (equal counts mean the shape could not be fused on this device).
     */
    fusedSpeedup: z.array(
      z.object({
        shape: z.array(z.number().int().positive()),
        speedup: z.number().positive(),
        fusedDispatches: count.nullable(),
        separateDispatches: count.nullable(),
      }),
    ),
  }),
  wallMs: z.number().nonnegative(),
});
export type BenchRun = z.infer<typeof BenchRunSchema>;

/** Parses untrusted JSON text into a run, with a message that names the first bad field. */
export function parseBenchRun(text: string): BenchRun {
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
