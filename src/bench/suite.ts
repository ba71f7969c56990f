/**
 * The case lists. `full` is the whole sweep; `quick` thins it so a 2-core machine with a
 * software adapter finishes in minutes; `tiny` exists for the tests.
 */
import { MAX_1D_LOG2 } from '../engine';
import type { SuiteName } from './schema';

export type BenchShape = readonly [number] | readonly [number, number];

export interface SuiteSpec {
  name: SuiteName;
  /** 1D FFT lengths. */
  fft1d: readonly number[];
  /** 2D FFT sides (n × n). */
  fft2d: readonly number[];
  /** Shapes of the resolvent pipeline, measured fused and as separate passes. */
  resolvent: readonly BenchShape[];
  /** Shapes of the filter and propagation cases; the 1D ones also run the WHT. */
  operators: readonly BenchShape[];
  /** Shapes whose FFT is measured in every kernel variant (what the planner chooses from). */
  planner: readonly BenchShape[];
  /** 1D lengths TensorFlow.js's WebGPU FFT is measured at (its kernel is O(N²) per signal). */
  tfjs: readonly number[];
  /** Shape and batches of the GPU-vs-CPU crossover sweep. */
  crossover: { shape: BenchShape; batches: readonly number[] } | null;
  /** Bytes one operation should move (read + write), so that each case is long enough to time. */
  targetBytes: number;
  /** Work cap for TensorFlow.js: batch·N² complex multiply-adds per operation. */
  tfjsMaxMacs: number;
  /** Timed spans per case; the median and the spread are taken over them. */
  spans: number;
  /** Time the spans of one case may take; slow cases get fewer spans, never fewer than 3. */
  caseBudgetMs: number;
  /** Each span repeats the operation until it lasts at least this long. */
  minSpanMs: number;
  maxRepeats: number;
  /** Signals checked against the float64 reference are capped at about this many points. */
  verifyPoints: number;
}

const pow2 = (from: number, to: number, step = 1): number[] => {
  const out: number[] = [];
  for (let e = from; e <= to; e += step) out.push(2 ** e);
  return out;
};

export const SUITES: Record<SuiteName, SuiteSpec> = {
  full: {
    name: 'full',
    fft1d: pow2(4, 20),
    fft2d: pow2(6, 11),
    resolvent: [[1024], [65536], [256, 256], [1024, 1024]],
    operators: [[1024], [65536], [2 ** 20], [256, 256], [1024, 1024]],
    planner: [[256], [4096], [65536], [512, 512]],
    tfjs: [64, 256, 1024, 4096],
    crossover: { shape: [1024], batches: pow2(0, 12) },
    targetBytes: 32 * 2 ** 20,
    tfjsMaxMacs: 2 ** 26,
    spans: 7,
    caseBudgetMs: 20_000,
    minSpanMs: 50,
    maxRepeats: 1000,
    verifyPoints: 2 ** 20,
  },
  quick: {
    name: 'quick',
    fft1d: pow2(4, 20, 2),
    fft2d: [64, 256, 1024],
    resolvent: [[4096], [256, 256]],
    operators: [[4096], [256, 256]],
    planner: [[1024], [256, 256]],
    tfjs: [256, 1024],
    crossover: { shape: [1024], batches: pow2(0, 10, 2) },
    targetBytes: 4 * 2 ** 20,
    tfjsMaxMacs: 2 ** 24,
    spans: 3,
    caseBudgetMs: 8_000,
    minSpanMs: 25,
    maxRepeats: 200,
    verifyPoints: 2 ** 18,
  },
  tiny: {
    name: 'tiny',
    fft1d: [16, 1024],
    fft2d: [64],
    resolvent: [[256]],
    operators: [[256]],
    planner: [[256]],
    tfjs: [64],
    crossover: { shape: [256], batches: [1, 8] },
    targetBytes: 256 * 2 ** 10,
    tfjsMaxMacs: 2 ** 18,
    spans: 2,
    caseBudgetMs: 1_000,
    minSpanMs: 2,
    maxRepeats: 8,
    verifyPoints: 2 ** 14,
  },
};

export interface BufferLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

/** Whether the adapter is a software rasterizer (CPU emulation) or a GPU. */
export type AdapterKind = 'software' | 'hardware';

/**
 * Bytes one operation moves at least on a hardware adapter, whatever the suite's target: past
 * every cache level, so that its time is the memory's and the copy it is compared with is too.
 * A software adapter keeps the suite's target (its memory is the CPU's, and time is short).
 */
export const HARDWARE_MIN_BYTES = 512 * 2 ** 20;

export interface BatchPlan {
  batch: number;
  /** Bytes per operation the batch was chosen for. */
  targetBytes: number;
  /** One storage binding could not hold the batch that moves `targetBytes`: it holds this one. */
  capped: boolean;
}

/**
 * Signals per operation: enough to move the target bytes (2·N·8 bytes per complex signal;
 * at least `HARDWARE_MIN_BYTES` on a hardware adapter), at least one, and no more than one
 * storage binding of complex float32 holds (the engine's prepare() takes no more).
 */
export function planBatch(
  points: number,
  targetBytes: number,
  limits: BufferLimits,
  adapter: AdapterKind = 'software',
): BatchPlan {
  const target = adapter === 'hardware' ? Math.max(targetBytes, HARDWARE_MIN_BYTES) : targetBytes;
  const signalBytes = points * 8;
  const byTarget = Math.floor(target / (2 * signalBytes));
  const byLimit = Math.floor(
    Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / signalBytes,
  );
  return {
    batch: Math.max(1, Math.min(byTarget, byLimit)),
    targetBytes: target,
    capped: byLimit < byTarget,
  };
}

/** The batch of `planBatch`. */
export function chooseBatch(
  points: number,
  targetBytes: number,
  limits: BufferLimits,
  adapter: AdapterKind = 'software',
): number {
  return planBatch(points, targetBytes, limits, adapter).batch;
}

/** The note of a case whose batch is the plan's and was capped by one storage binding. */
export function batchCapNote(plan: BatchPlan, batch: number, points: number): string | undefined {
  if (!plan.capped || plan.batch !== batch) return undefined;
  const mib = (b: number): string => String(Math.round(b / 2 ** 20));
  return (
    `batch capped at one storage binding: ${mib(2 * batch * points * 8)} MiB per operation, ` +
    `not ${mib(plan.targetBytes)}`
  );
}

/**
 * `count` complex values as signals the engine takes, for the copy and read-reduce references:
 * rounded down to whole pairs (a vec4 each; no case moves less), then split into the longest
 * power-of-two signals, up to the engine's largest, that divide them.
 */
export function referenceSignals(count: number): { shape: [number]; batch: number } {
  const values = 2 * Math.max(1, Math.floor(count / 2));
  let n = 2;
  while (n < 2 ** MAX_1D_LOG2 && values % (2 * n) === 0) n *= 2;
  return { shape: [n], batch: values / n };
}

/** TensorFlow.js's FFT does N multiply-adds per output point: cap the batch by total work. */
export function chooseTfjsBatch(n: number, batch: number, maxMacs: number): number {
  return Math.max(1, Math.min(batch, Math.floor(maxMacs / (n * n))));
}

/** How many operations one span holds, from the time of one warm operation. */
export function chooseRepeats(singleMs: number, minSpanMs: number, maxRepeats: number): number {
  const per = Math.max(singleMs, 1e-3);
  return Math.max(1, Math.min(maxRepeats, Math.ceil(minSpanMs / per)));
}

/** Spans for a case whose span lasts `spanMs`: as many as asked, within the case's budget. */
export function chooseSpans(spanMs: number, spans: number, budgetMs: number): number {
  const fit = Math.floor(budgetMs / Math.max(spanMs, 1e-3));
  return Math.max(Math.min(3, spans), Math.min(spans, fit));
}

/** Indices of the signals checked against the reference: the first few and the last. */
export function verifiedSignalIndices(batch: number, points: number, maxPoints: number): number[] {
  const k = Math.max(1, Math.min(batch, Math.floor(maxPoints / points)));
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(i);
  if (k < batch) out.push(batch - 1);
  return out;
}
