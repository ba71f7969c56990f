/**
 * What every case needs while a suite runs: the host (device, engine, workers), the suite's
 * settings, the shared references, the abort signal and the sink for measured cases.
 */
import { withErrorScopes, type GpuEngine } from '../engine';
import type { FftWorkerPool } from './cpu/worker-pool';
import type { Timed } from './measure';
import type { NativePeer } from './native-peer';
import type { References } from './reference';
import type { AdapterFingerprint, CaseResult } from './schema';
import type { AdapterKind, BufferLimits, SuiteSpec } from './suite';

export interface BenchHost {
  device: GPUDevice;
  adapterInfo: GPUAdapterInfo;
  adapter: AdapterFingerprint;
  /** The GPU engine on `device`, or null with the reason it could not be created. */
  engine: GpuEngine | null;
  engineError: string | null;
  runtime: 'browser' | 'node';
  userAgent: string;
  /** CPU FFT workers (fft.js, PFFFT), or null where workers are unavailable. */
  createPool: (() => FftWorkerPool) | null;
  /** A native FFT library to compare with (cuFFT through PyTorch in Node), when asked for. */
  nativePeer?: NativePeer | null;
  /** Whether the GPU was created with Dawn's timestamp quantization turned off (if known). */
  timestampQuantization?: 'disabled' | 'default';
}

/** A measured case before the cross-case metrics are filled in. */
export type RawCase = Pick<
  CaseResult,
  | 'op'
  | 'device'
  | 'shape'
  | 'batch'
  | 'bytes'
  | 'dispatches'
  | 'maxRelError'
  | 'tolerance'
  | 'verifiedSignals'
> &
  Timed & {
    note?: string;
    variant?: CaseResult['variant'];
    /** Floating-point operations per operation, from the engine's operator (GFLOP/s). */
    flops?: number;
    /**
     * Copy time ÷ this time, from the engine's copy over the same bytes timed in spans
     * alternating with this case's (the median of the per-pair ratios), with their spread.
     */
    paired?: { efficiency: number; spread: number | null };
  };

export interface CaseContext {
  host: BenchHost;
  spec: SuiteSpec;
  refs: References;
  signal: AbortSignal | undefined;
  record(c: RawCase): void;
  /** Byte counts the GPU cases moved; the copy reference is measured at each. */
  copyBytes: Set<number>;
}

export function bufferLimits(device: GPUDevice): BufferLimits {
  return {
    maxStorageBufferBindingSize: device.limits.maxStorageBufferBindingSize,
    maxBufferSize: device.limits.maxBufferSize,
  };
}

/** Hardware adapters get batches that reach memory (see `planBatch`); software keep theirs. */
export function adapterKind(host: BenchHost): AdapterKind {
  return host.adapter.software ? 'software' : 'hardware';
}

export function requireEngine(host: BenchHost): GpuEngine {
  if (!host.engine) throw new Error(host.engineError ?? 'no GPU engine');
  return host.engine;
}

/**
 * A case inside the engine's error scopes, so a GPU error becomes a skipped case that names it
 * (and `bytes`, the case's data, if it ran out of memory) instead of a silent wrong number.
 */
export function scoped<T>(
  device: GPUDevice,
  what: string,
  bytes: number,
  work: () => Promise<T>,
): Promise<T> {
  return withErrorScopes(device, what, () => bytes, work);
}
