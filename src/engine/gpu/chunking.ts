/**
 * How many signals one chunk carries: as many as fit one storage binding, one buffer, and the
 * engine's chunk budget. A single signal always fits for valid shapes on a conformant device
 * (2048² complex float32 is 32 MiB; the spec's minimum binding size is 128 MiB), but a
 * smaller limit is reported as a GpuLimitError naming the largest allowed size.
 */
import { GpuLimitError } from '../errors';
import type { Shape } from '../types';
import { signalLength } from '../validate';

export interface ChunkLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

export function chunkSignals(
  operation: string,
  limits: ChunkLimits,
  maxChunkBytes: number,
  shape: Shape,
  batch: number,
): number {
  const signalBytes = signalLength(shape) * 8;
  const bindingLimit = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  if (signalBytes > bindingLimit) {
    const allowed = 2 ** Math.floor(Math.log2(bindingLimit / 8));
    throw new GpuLimitError(
      'maxStorageBufferBindingSize',
      allowed,
      `${operation}: one signal of shape [${shape.join(', ')}] needs ${signalBytes} bytes, over this ` +
        `device's maxStorageBufferBindingSize of ${bindingLimit} bytes; the largest allowed ` +
        `prod(shape) is ${allowed}.`,
    );
  }
  const perChunk = Math.floor(Math.min(bindingLimit, maxChunkBytes) / signalBytes);
  return Math.max(1, Math.min(batch, perChunk));
}
