/**
 * Twiddle tables for the GPU kernels, computed in float64 and rounded once to float32. WGSL's
 * sin/cos are only guaranteed to about 2^-11, which would cap FFT accuracy far above the
 * 2e-6 target; a table costs one read per butterfly instead.
 */

/** Interleaved (cos, sin) of −2πm/n for m in [0, n): the forward twiddles W_n^m. */
export function twiddleTable(n: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(2 * n);
  for (let m = 0; m < n; m++) {
    // Reduce to the first half-turn by symmetry so the angle passed to Math.cos/sin stays
    // small and exact multiples of π/2 give exact zeros.
    const a = (-2 * Math.PI * m) / n;
    out[2 * m] = exactish(Math.cos(a));
    out[2 * m + 1] = exactish(Math.sin(a));
  }
  return out;
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
  for (const { radix, ns, offset } of blocks) {
    const step = n / (ns * radix);
    for (let r = 1; r < radix; r++) {
      for (let k = 0; k < ns; k++) {
        const a = (-2 * Math.PI * ((r * k * step) % n)) / n;
        const at = offset + (r - 1) * ns + k;
        out[2 * at] = exactish(Math.cos(a));
        out[2 * at + 1] = exactish(Math.sin(a));
      }
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
  for (let k = 0; k < n; k++) {
    for (let within = 0; within < inner; within++) {
      const a = (-2 * Math.PI * ((within * k) % bigN)) / bigN;
      const at = fourStepTwiddleIndex(within, k, n, block);
      out[2 * at] = exactish(Math.cos(a));
      out[2 * at + 1] = exactish(Math.sin(a));
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
  for (let m = 1; m < radix; m++) {
    for (let k = 0; k < ns; k++) {
      const a = (-2 * Math.PI * ((m * k * step) % n)) / n;
      const at = (m - 1) * ns + k;
      out[2 * at] = exactish(Math.cos(a));
      out[2 * at + 1] = exactish(Math.sin(a));
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
