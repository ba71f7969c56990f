/**
 * How the run loop tells the kinds of failed frames apart: a configuration that does not fit
 * (keep running the last one that did), a lost device (the session recovers), or a bug.
 */
import {
  EngineArgumentError,
  GpuLimitError,
  GpuOutOfMemoryError,
  GpuValidationError,
} from '../engine';
import { WorkloadError } from '../workloads';

/**
 * Errors that mean "this configuration does not fit here"; WorkloadError is a rule between
 * fields that a single input could not check (a wave packet outside its grid).
 */
export function isConfigError(e: unknown): e is Error {
  return (
    e instanceof EngineArgumentError ||
    e instanceof WorkloadError ||
    e instanceof GpuLimitError ||
    e instanceof GpuValidationError ||
    e instanceof GpuOutOfMemoryError
  );
}

/** The lines of a notice: the engine's message, plus the limit and its largest allowed value. */
export function explain(e: Error): string[] {
  if (e instanceof GpuLimitError) {
    return [
      e.message,
      `Limit: ${e.limit}; largest allowed value: ${e.allowed.toLocaleString('en-US')}.`,
    ];
  }
  return [e.message];
}

export function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** Whether `promise` settles within `ms` (a device's `lost` arrives after the failed call). */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}
