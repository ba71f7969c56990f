/**
 * Planner evidence: times every kernel variant this device runs on one operation and shape,
 * and returns the fastest (FFTW's "measure" planning). The engine records the winner.
 */
import type { FftVariant } from './plan';

export interface TuneResult {
  variant: FftVariant;
  /** Median milliseconds per run of each variant measured. */
  ms: Partial<Record<FftVariant, number>>;
}

/** A resident run of one variant: `run(r)` times r repeats. */
export interface Timeable {
  run(repeats: number): Promise<{ ms: number }>;
  destroy(): void;
}

export async function measureVariants(
  variants: readonly FftVariant[],
  prepare: (variant: FftVariant) => Promise<Timeable>,
): Promise<TuneResult> {
  const ms: Partial<Record<FftVariant, number>> = {};
  for (const variant of variants) {
    const op = await prepare(variant);
    try {
      await op.run(1); // compile and warm up
      const spans: number[] = [];
      for (let i = 0; i < 3; i++) spans.push((await op.run(2)).ms / 2);
      spans.sort((a, b) => a - b);
      ms[variant] = spans[1] as number;
    } finally {
      op.destroy();
    }
  }
  const best = variants.reduce((a, b) => ((ms[b] ?? Infinity) < (ms[a] ?? Infinity) ? b : a));
  return { variant: best, ms };
}

/** Any finite data times the same; a cheap deterministic pattern avoids zeros and denormals. */
export function tuningData(values: number): Float32Array<ArrayBuffer> {
  const data = new Float32Array(values);
  for (let i = 0; i < values; i++) data[i] = Math.sin(i * 0.618034) * 0.5;
  return data;
}
