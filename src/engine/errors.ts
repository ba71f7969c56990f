/**
 * Typed errors. Each message names the operation and the field or limit involved, so the UI can
 * show it as is.
 */

/** A bad argument, found before any GPU work. `field` names the offending option. */
export class EngineArgumentError extends Error {
  override readonly name = 'EngineArgumentError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request does not fit the device's limits even after chunking. */
export class GpuLimitError extends Error {
  override readonly name = 'GpuLimitError';
  constructor(
    readonly limit: string,
    readonly allowed: number,
    message: string,
  ) {
    super(message);
  }
}

/** A WebGPU validation error caught by an error scope. */
export class GpuValidationError extends Error {
  override readonly name = 'GpuValidationError';
  constructor(
    readonly operation: string,
    message: string,
  ) {
    super(`${operation}: GPU validation error: ${message}`);
  }
}

/** A WebGPU out-of-memory error caught by an error scope. */
export class GpuOutOfMemoryError extends Error {
  override readonly name = 'GpuOutOfMemoryError';
  constructor(
    readonly operation: string,
    readonly bytes: number,
    message: string,
  ) {
    super(
      `${operation}: GPU out of memory while allocating ${bytes} bytes (${message}). ` +
        'Reduce N × batch.',
    );
  }
}

/** The device was lost (GPU process crash, driver reset, destroy()). */
export class DeviceLostError extends Error {
  override readonly name = 'DeviceLostError';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(`GPU device lost (${reason}): ${message}`);
  }
}
