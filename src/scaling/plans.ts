/**
 * How much each sweep measures, by preset: 'full' for the README's figures, 'quick' for a
 * minute or two, 'tiny' for the app's end-to-end test on a software GPU. Shared by the CLI and
 * the Scaling tab so both measure the same things.
 */
import type { GpuSweepPlan } from './gpu-sweeps';
import { powersOfTwo, workerCounts } from './sweep';
import type { WorkerSweepPlan } from './worker-sweep';

export const PRESETS = ['tiny', 'quick', 'full'] as const;
export type Preset = (typeof PRESETS)[number];

/** Worker counts go past the cores on purpose: oversubscription is part of what is modelled. */
export function workerPlan(
  preset: Preset,
  cores: number,
  seed: number,
  maxWorkers: number | null = null,
): WorkerSweepPlan {
  const max = maxWorkers ?? (preset === 'tiny' ? 4 : Math.max(2 * cores, 8));
  const counts = workerCounts(max);
  switch (preset) {
    case 'tiny':
      return { counts, size: 64, signals: 48, repeats: 4, warmup: 0, rounds: 2, seed };
    case 'quick':
      return { counts, size: 256, signals: 240, repeats: 40, warmup: 1, rounds: 5, seed };
    case 'full':
      return { counts, size: 1024, signals: 720, repeats: 20, warmup: 2, rounds: 11, seed };
  }
}

/** Transfer sizes: every other power of two (×4 steps), in KiB from `lo` to `hi`. */
const transferSizes = (loKiB: number, hiKiB: number) =>
  powersOfTwo(loKiB, hiKiB)
    .filter((_, i) => i % 2 === 0)
    .map((k) => k * 1024);

export function gpuPlan(preset: Preset, seed: number): GpuSweepPlan {
  switch (preset) {
    case 'tiny':
      return {
        seed,
        warmup: 0,
        rounds: 2,
        fftSize: 64,
        capacities: powersOfTwo(1, 16),
        transfer: { sizes: transferSizes(1, 256), warmup: 0, rounds: 2 },
        copyValues: 2 ** 14,
        opSize: 256,
        opBatch: 4,
        minSpanMs: 2,
        fma: { workgroups: 4, maxIterations: 1024 },
      };
    case 'quick':
      return {
        seed,
        warmup: 1,
        rounds: 5,
        fftSize: 256,
        capacities: powersOfTwo(1, 256),
        transfer: { sizes: transferSizes(1, 4096), warmup: 1, rounds: 5 },
        copyValues: 2 ** 20,
        opSize: 1024,
        opBatch: 64,
        minSpanMs: 10,
        fma: { workgroups: 64, maxIterations: 2 ** 16 },
      };
    case 'full':
      return {
        seed,
        warmup: 2,
        rounds: 11,
        fftSize: 1024,
        capacities: powersOfTwo(1, 8192),
        transfer: { sizes: transferSizes(1, 262144), warmup: 2, rounds: 11 },
        // 512 MB each way: well past an H200's ~60 MB L2, so the copy measures memory.
        copyValues: 2 ** 25,
        opSize: 1024,
        opBatch: 4096,
        minSpanMs: 30,
        fma: { workgroups: 8192, maxIterations: 2 ** 20 },
      };
  }
}
