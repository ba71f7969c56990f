/**
 * Geometry of the GPU reductions (pure, unit-tested): how many partial sums the resolvent
 * kernel leaves per signal, and the chain of reduce-flat.wgsl levels (fan-in 16) that adds
 * them up.
 */
export const REDUCE_FAN_IN = 16;
/** Bins one invocation of resolvent.wgsl adds before the flat reduction levels. */
export const BINS_PER_THREAD = 16;

export interface ResolventGeometry {
  binsPerThread: number;
  partials: number;
}

export function resolventGeometry(n: number): ResolventGeometry {
  const binsPerThread = Math.min(BINS_PER_THREAD, n);
  return { binsPerThread, partials: n / binsPerThread };
}

/**
 * The read-reduce pass: a signal of n complex values is n/2 vec4s, added per invocation as the
 * resolvent kernel adds bins, leaving `partials` vec4 sums per signal (never more than the
 * resolvent leaves, so a plan's partials buffer holds them).
 */
export function readReduceGeometry(n: number): { itemsPerThread: number; partials: number } {
  const { binsPerThread, partials } = resolventGeometry(n / 2);
  return { itemsPerThread: binsPerThread, partials };
}

/** Lengths after each level, from `length` down to 1: e.g. 4096 → [256, 16, 1]. */
export function reduceLevels(length: number): number[] {
  const levels: number[] = [];
  let l = length;
  while (l > 1) {
    l = Math.ceil(l / REDUCE_FAN_IN);
    levels.push(l);
  }
  return levels;
}
