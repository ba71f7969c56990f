/**
 * Percentile bootstrap confidence intervals, seeded so a report can be reproduced exactly.
 * Used by the labs' experiments (paired seeds: one value per seed and arm) and the fits.
 */
import { median } from './summary';
import { createRng } from './rng';

export interface Interval {
  /** The statistic on the data as given. */
  estimate: number;
  lo: number;
  hi: number;
}

export interface BootstrapOptions {
  seed: number;
  /** Resamples; 2000 keeps the 2.5% tails' Monte-Carlo error under about ±0.5 percentile. */
  resamples?: number;
  /** Coverage, 0.95 for a 95% interval. */
  level?: number;
}

function percentiles(stats: number[], level: number): [number, number] {
  stats.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q: number) =>
    stats[Math.min(stats.length - 1, Math.max(0, Math.round(q * (stats.length - 1))))] as number;
  return [at(tail), at(1 - tail)];
}

function checkOptions(n: number, o: BootstrapOptions): { resamples: number; level: number } {
  const resamples = o.resamples ?? 2000;
  const level = o.level ?? 0.95;
  if (n === 0) throw new Error('bootstrap of an empty list');
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be ≥ 1, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  return { resamples, level };
}

/** A percentile bootstrap interval of `statistic` over `values` (resampling cases). */
export function bootstrapCI(
  values: readonly number[],
  statistic: (xs: readonly number[]) => number,
  options: BootstrapOptions,
): Interval {
  const { resamples, level } = checkOptions(values.length, options);
  const rng = createRng(options.seed);
  const n = values.length;
  const sample: number[] = new Array<number>(n);
  const stats: number[] = [];
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = values[rng.int(n)] as number;
    stats.push(statistic(sample));
  }
  const [lo, hi] = percentiles(stats, level);
  return { estimate: statistic(values), lo, hi };
}

/**
 * The median of per-pair ratios treatment[i] ÷ control[i] (pairs share a seed) with a bootstrap
 * interval that resamples pairs, so the seed-to-seed variation both arms share cancels.
 */
export function pairedRatioCI(
  treatment: readonly number[],
  control: readonly number[],
  options: BootstrapOptions,
): Interval {
  if (treatment.length !== control.length)
    throw new Error(`paired samples differ in length: ${treatment.length} vs ${control.length}`);
  const ratios = treatment.map((t, i) => {
    const c = control[i] as number;
    if (!(c > 0) || !(t >= 0))
      throw new RangeError(
        `pair ${i}: a ratio needs control > 0 and treatment ≥ 0 (got ${t} / ${c})`,
      );
    return t / c;
  });
  return bootstrapCI(ratios, median, options);
}
