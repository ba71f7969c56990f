/**
 * Twiddle tables for the GPU kernels, computed in float64 and rounded once to float32. WGSL's
 * sin/cos are only guaranteed to about 2^-11, which would cap FFT accuracy far above the
 * 2e-6 target; a table costs one read per butterfly instead.
 */

/** Root tables kept: a plan asks for the same n's roots for several tables. */
const ROOTS_KEPT = 4;
const rootsCache = new Map<number, Float32Array<ArrayBuffer>>();

/**
 * W_n^m = (cos, sin)(−2πm/n) for m in [0, n), rounded once to float32. Float64 sin and cos
 * run on the first octant only (m ≤ n/8); the rest follow by the circle's exact symmetries
 * (quarter turns swap and negate, the second half of a quadrant mirrors the first), so a
 * 2^20-point table takes n/8 trig pairs rather than n, and every table below is lookups.
 * Shared, cached: callers copy what they hand out.
 */
function unitRoots(n: number): Float32Array<ArrayBuffer> {
  const kept = rootsCache.get(n);
  if (kept) {
    rootsCache.delete(n);
    rootsCache.set(n, kept);
    return kept;
  }
  const out = new Float32Array(2 * n);
  if (n % 8 !== 0) {
    for (let m = 0; m < n; m++) {
      const a = (-2 * Math.PI * m) / n;
      out[2 * m] = exactish(Math.cos(a));
      out[2 * m + 1] = exactish(Math.sin(a));
    }
  } else {
    const quarter = n / 4;
    const eighth = n / 8;
    const c = new Float64Array(eighth + 1);
    const sn = new Float64Array(eighth + 1);
    for (let t = 0; t <= eighth; t++) {
      c[t] = Math.cos((2 * Math.PI * t) / n);
      sn[t] = Math.sin((2 * Math.PI * t) / n);
    }
    for (let t = 0; t < quarter; t++) {
      // (cos, sin)(2πt/n) for t in [0, n/4): past n/8, cos(π/2 − x) = sin x and back.
      const x = exactish((t <= eighth ? c[t] : sn[quarter - t]) ?? 0);
      const y = exactish((t <= eighth ? sn[t] : c[quarter - t]) ?? 0);
      // W = (cos, −sin) of t and of t turned by one, two and three quarter turns:
      // (cos, sin) = (x, y), (−y, x), (−x, −y), (y, −x).
      const at = 2 * t;
      const q = 2 * quarter;
      out[at] = x;
      out[at + 1] = -y + 0; // + 0: −0 becomes 0
      out[at + q] = -y + 0;
      out[at + q + 1] = -x + 0;
      out[at + 2 * q] = -x + 0;
      out[at + 2 * q + 1] = y;
      out[at + 3 * q] = y;
      out[at + 3 * q + 1] = x;
    }
  }
  rootsCache.set(n, out);
  for (const old of rootsCache.keys()) {
    if (rootsCache.size <= ROOTS_KEPT) break;
    rootsCache.delete(old);
  }
  return out;
}

/** Writes W_n^e (e reduced mod n) at entry `at` of `out`. */
function putRoot(out: Float32Array, at: number, roots: Float32Array, n: number, e: number): void {
  const m = e % n;
  out[2 * at] = roots[2 * m] ?? 0;
  out[2 * at + 1] = roots[2 * m + 1] ?? 0;
}

/** Interleaved (cos, sin) of −2πm/n for m in [0, n): the forward twiddles W_n^m. */
export function twiddleTable(n: number): Float32Array<ArrayBuffer> {
  return unitRoots(n).slice();
}

/** One stage's block of `workgroupTwiddleTable`. */
export interface TwiddleBlock {
  radix: number;
  /** Product of the radices before this stage. */
  ns: number;
  offset: number;
}

/**
 * The stages that need twiddles (ns > 1) of the radices in order and reversed (a fused
 * spectral kernel runs its inverse with the radices reversed), each once, with where its block
 * starts in `workgroupTwiddleTable`.
 */
export function workgroupTwiddleBlocks(radices: readonly number[]): TwiddleBlock[] {
  const blocks: TwiddleBlock[] = [];
  let at = 0;
  for (const order of [radices, [...radices].reverse()]) {
    let ns = 1;
    for (const radix of order) {
      if (ns > 1 && !blocks.some((b) => b.radix === radix && b.ns === ns)) {
        // Each block starts on a 128-byte line (16 entries): a warp reading 32 consecutive k
        // then touches 2 lines, not 3.
        at = Math.ceil(at / 16) * 16;
        blocks.push({ radix, ns, offset: at });
        at += (radix - 1) * ns;
      }
      ns *= radix;
    }
  }
  return blocks;
}

/**
 * The twiddles of the 'workgroup' kernel's stages, one block per stage laid out so a warp reads
 * them contiguously (issue 10): the block of stage (radix R, after ns) holds W_n^(r·k·n/(ns·R))
 * for r = 1 … R−1 (slowest) and k = 0 … ns−1 (fastest) at offset + (r − 1)·ns + k. Lanes of a
 * warp take consecutive butterflies, so consecutive k: one 128-byte line per 16 lanes instead of
 * the stride r·n/(ns·R) that one W_n table needs.
 */
export function workgroupTwiddleTable(
  n: number,
  radices: readonly number[],
): Float32Array<ArrayBuffer> {
  const blocks = workgroupTwiddleBlocks(radices);
  const total = blocks.reduce((a, b) => Math.max(a, b.offset + (b.radix - 1) * b.ns), 0);
  // A storage binding may not be empty: keep one entry for a one-stage transform.
  const out = new Float32Array(2 * Math.max(1, total));
  const roots = unitRoots(n);
  for (const { radix, ns, offset } of blocks) {
    const step = n / (ns * radix);
    for (let r = 1; r < radix; r++) {
      for (let k = 0; k < ns; k++) putRoot(out, offset + (r - 1) * ns + k, roots, n, r * k * step);
    }
  }
  return out;
}

/**
 * Where the four-step twiddle W_N^(within·k) of a pass of `inner` transforms of length n sits:
 * blocks of `block` neighbouring transforms, k-major inside a block:
 * (within / block)·block·n + k·block + within mod block. A kernel picks the block that matches
 * its warp's lanes (workgroup-codegen.ts `fourStepBlock`) so 32 lanes read 32 neighbouring
 * entries: `inner` where lanes run across transforms (k·inner + within), 1 where they run along
 * k (within·n + k), perGroup where they cover perGroup transforms and 32/perGroup values of k.
 */
export function fourStepTwiddleIndex(within: number, k: number, n: number, block: number): number {
  return Math.floor(within / block) * block * n + k * block + (within % block);
}

/** The four-step twiddles of a pass of `inner` transforms of length n (inner·n = N). */
export function fourStepTwiddleTable(
  bigN: number,
  inner: number,
  n: number,
  block = inner,
): Float32Array<ArrayBuffer> {
  if (inner * n !== bigN)
    throw new RangeError(`four-step twiddles need inner·n = N; got ${inner}·${n} ≠ ${bigN}`);
  if (!Number.isInteger(Math.log2(block)) || block > inner)
    throw new RangeError(`four-step twiddle block must be a power of two ≤ ${inner}; got ${block}`);
  const out = new Float32Array(2 * bigN);
  const roots = unitRoots(bigN);
  for (let k = 0; k < n; k++) {
    for (let within = 0; within < inner; within++) {
      putRoot(out, fourStepTwiddleIndex(within, k, n, block), roots, bigN, within * k);
    }
  }
  return out;
}

/**
 * The twiddles of one 'stages' dispatch with one lane a butterfly (radix R after ns, on an axis
 * of n): W_n^(m·k·n/(ns·R)) for input m = 1 … R−1 (slowest) and k = 0 … ns−1 (fastest), at
 * (m − 1)·ns + k, so neighbouring invocations (neighbouring k) read neighbouring entries.
 */
export function stageTwiddleBlock(n: number, radix: number, ns: number): Float32Array<ArrayBuffer> {
  const step = n / (ns * radix);
  const out = new Float32Array(2 * (radix - 1) * ns);
  const roots = unitRoots(n);
  for (let m = 1; m < radix; m++) {
    for (let k = 0; k < ns; k++) putRoot(out, (m - 1) * ns + k, roots, n, m * k * step);
  }
  return out;
}

/** Where the parts of `subgroupStageTwiddleBlock` start (entries of vec2f). */
export interface SubgroupTwiddleLayout {
  /** W_(2h)^(l mod h) of shuffle level h (h = S/2 … 2) at h + (l mod h): entries [2, S). */
  shuffle: 0;
  /** W_P^(l·a) for a = 1 … R−1 at lane + (a − 1)·S + l. */
  lane: number;
  /** W_(ns·P)^((l + S·m)·k) for m = 0 … R−1 at input + m·inputStride + k·S + l (ns > 1). */
  input: number;
  inputStride: number;
  /** Entries in the block. */
  size: number;
}

/** 16 vec2f: one 128-byte line. Each part starts on a line so a warp touches the fewest. */
const LINE = 16;
const roundUp = (x: number): number => Math.ceil(x / LINE) * LINE;

/**
 * The layout of one 'subgroups' dispatch's twiddles (radix R per lane × S lanes after ns, on
 * an axis of n). Neighbouring invocations are the S lanes of a butterfly, then neighbouring
 * butterflies (neighbouring k): lane l of butterfly k reads k·S + l, 32 neighbouring entries a
 * warp; the lane and shuffle twiddles depend on l only (S entries, shared by every butterfly).
 */
export function subgroupTwiddleLayout(
  radix: number,
  lanes: number,
  ns: number,
): SubgroupTwiddleLayout {
  const lane = roundUp(lanes);
  const input = roundUp(lane + (radix - 1) * lanes);
  const inputStride = ns > 1 ? roundUp(ns * lanes) : 0;
  return { shuffle: 0, lane, input, inputStride, size: input + radix * inputStride };
}

/** The twiddles of one 'subgroups' dispatch, laid out by `subgroupTwiddleLayout`. */
export function subgroupStageTwiddleBlock(
  n: number,
  radix: number,
  lanes: number,
  ns: number,
): Float32Array<ArrayBuffer> {
  const P = radix * lanes;
  const L = subgroupTwiddleLayout(radix, lanes, ns);
  const out = new Float32Array(2 * L.size);
  const roots = unitRoots(n);
  // W_n^e at entry `at` (e reduced mod n).
  const put = (at: number, e: number): void => putRoot(out, at, roots, n, e);
  for (let h = lanes / 2; h >= 2; h /= 2) {
    for (let i = 0; i < h; i++) put(L.shuffle + h + i, (i * n) / (2 * h));
  }
  for (let a = 1; a < radix; a++) {
    for (let l = 0; l < lanes; l++) put(L.lane + (a - 1) * lanes + l, (l * a * n) / P);
  }
  if (ns > 1) {
    const step = n / (ns * P);
    for (let m = 0; m < radix; m++) {
      for (let k = 0; k < ns; k++) {
        for (let l = 0; l < lanes; l++) {
          put(L.input + m * L.inputStride + k * lanes + l, (l + lanes * m) * k * step);
        }
      }
    }
  }
  return out;
}

/** Snaps float64 rounding noise around 0 and ±1 (e.g. cos(π/2) = 6e-17) to the exact value. */
function exactish(v: number): number {
  if (Math.abs(v) < 1e-15) return 0;
  if (Math.abs(Math.abs(v) - 1) < 1e-15) return Math.sign(v);
  return v;
}
