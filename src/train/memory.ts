/**
 * Memory per worker, and the batch size that keeps it under a budget. The estimate counts what a
 * worker holds for one local step: its state, the shard's data, the activations and deltas of
 * the batch, and one gradient per parameter; it is exact about our arrays and ignores the
 * runtime's own overhead (the platform figure, where there is one, is reported beside it).
 */
import type { NetworkState } from './network';
import { parameterCount, stateBytes } from './network';

const F64 = 8;

export function workerMemoryBytes(
  state: NetworkState,
  batch: number,
  steps: number,
  targetWidth: number,
): number {
  const units = state.sizes.reduce((a, b) => a + b, 0);
  const data = steps * batch * ((state.sizes[0] as number) + targetWidth) * F64;
  const activations = 2 * batch * units * F64;
  const gradients = parameterCount(state) * F64;
  return stateBytes(state) + data + activations + gradients;
}

export interface BatchDecision {
  from: number;
  to: number;
  memoryBytes: number;
  budgetBytes: number;
}

/**
 * Halves the batch while a worker's estimate exceeds the budget (down to 1), and doubles it back
 * toward the configured size while the doubled batch would fit. `budget` may change between
 * rounds (a budget that tightens and relaxes), so the size follows it both ways.
 */
export function nextBatchSize(
  current: number,
  configured: number,
  budgetBytes: number,
  memoryAt: (batch: number) => number,
): BatchDecision | null {
  let to = current;
  while (to > 1 && memoryAt(to) > budgetBytes) to = Math.max(1, Math.floor(to / 2));
  if (to === current) {
    while (to < configured && memoryAt(Math.min(configured, to * 2)) <= budgetBytes)
      to = Math.min(configured, to * 2);
  }
  return to === current ? null : { from: current, to, memoryBytes: memoryAt(to), budgetBytes };
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return 'unlimited';
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} B`;
}
