/**
 * Seeded random numbers for the labs and experiments: the same seed gives the same stream on
 * every platform, so a run is reproducible from its seed alone. Built on pure-rand's
 * xoroshiro128+ (a maintained, fast, well-tested generator); this module only adds the
 * conveniences the labs need.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Fisher–Yates shuffle in place; returns its argument. */
  shuffle<T>(xs: T[]): T[];
  /**
   * An independent child stream, derived from this generator's seed and `stream` only (not from
   * how far this one has been drawn), so forks are stable when code between them changes.
   */
  fork(stream: number): Rng;
  readonly seed: number;
}

/** murmur3's 32-bit finalizer: spreads nearby (seed, stream) pairs over the whole range. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  // Fold a 53-bit seed into 32 bits without dropping the high part.
  const seed32 = mix32((seed | 0) ^ mix32(Math.floor(seed / 2 ** 32) | 0));
  const gen = xoroshiro128plus(seed32);
  // Discard a few outputs: xoroshiro's first draws from a small seed are correlated with it.
  for (let i = 0; i < 8; i++) gen.next();
  let spare: number | null = null;
  const next = () => uniformFloat64(gen);
  return {
    seed,
    next,
    int(n) {
      if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`int(n) needs n ≥ 1, got ${n}`);
      return Math.floor(next() * n);
    },
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // 1 − u keeps the logarithm's argument in (0, 1].
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const a = 2 * Math.PI * next();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    shuffle<T>(xs: T[]): T[] {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = xs[i] as T;
        xs[i] = xs[j] as T;
        xs[j] = t;
      }
      return xs;
    },
    fork(stream) {
      return createRng(mix32(seed32 ^ mix32(Math.imul(stream | 0, 0x9e3779b1) ^ 0x5bd1e995)));
    },
  };
}
