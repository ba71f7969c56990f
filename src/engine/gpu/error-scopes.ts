/**
 * Runs GPU work inside validation and out-of-memory error scopes and turns what they catch
 * into typed errors that name the operation (the pattern of the WebGPU conformance suite).
 * The work may be async (the benchmark scopes a whole case); scopes belong to the device, not
 * to a call, so any GPU call made by others while it awaits lands in the same scopes.
 */
import { GpuOutOfMemoryError, GpuValidationError } from '../errors';

export async function withErrorScopes<T>(
  device: GPUDevice,
  operation: string,
  bytes: () => number,
  work: () => T | Promise<T>,
): Promise<T> {
  device.pushErrorScope('out-of-memory');
  device.pushErrorScope('validation');
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await work() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  // Scopes are popped even when `work` threw, or later errors would land in a stale scope.
  const validation = await device.popErrorScope();
  const oom = await device.popErrorScope();
  if (oom) throw new GpuOutOfMemoryError(operation, bytes(), oom.message);
  if (validation) throw new GpuValidationError(operation, validation.message);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
