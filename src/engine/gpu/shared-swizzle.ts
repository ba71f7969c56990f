/**
 * Where element i of a kernel's workgroup exchange lives in workgroup memory: an XOR swizzle
 * that keeps every exchange free of bank conflicts (issue 10) without padding.
 *
 * A vec2f is two 4-byte words, so element i sits in banks 2i, 2i + 1 (mod 32): 16 element
 * "bank pairs", and a warp's 32 accesses take the ideal 2 wavefronts only when they spread over
 * all 16 pairs twice. The Stockham exchanges stride by 16 (a radix-16 stage's outputs of one
 * butterfly), by the transform length (strided column passes, neighbouring lanes on
 * neighbouring transforms) or by 4 (radix-4 tails of 64-point rows): XOR-ing the low 4 bits with
 * bits 4–7 and 8–11 spreads all three over the 16 pairs. Padding (VkFFT's 17/16 stride) would
 * do it too, but needs 1/16 more memory, and the 4096-value capacity already fills 32 KiB.
 *
 * The map only permutes the low 4 bits of i, so it is a bijection on every aligned block of 16:
 * a transform of n ≥ 16 values keeps its own slots, and the capacity needs no change. The
 * access model (access-model.ts) replays the same function; a test checks both agree and that
 * every generated exchange is conflict-free.
 */

/** The slot of element i (TypeScript side, for the access model and tests). */
export function swizzle(i: number): number {
  return (i ^ (((i >>> 4) ^ (i >>> 8)) & 15)) >>> 0;
}

/** The same map in WGSL. */
export const SWIZZLE_WGSL = `fn slot(i: u32) -> u32 { return i ^ (((i >> 4u) ^ (i >> 8u)) & 15u); }`;

/**
 * The family the generators choose from: slot(i) = i ⊕ ((⊕ₛ (i & ~15) ≫ s) & 15) over a set of
 * shifts s ≥ 1. Only bits 4 and up are folded in, so each aligned block of 16 keeps its slots
 * (a bijection that needs no extra memory); `swizzle` is [4, 8]. A kernel whose exchanges stride
 * in a way [4, 8] folds onto too few banks (the fused pass's inverse first stage of radix 4 or 8,
 * the sums' tree over 64-point rows) takes the first shifts of `SWIZZLE_CANDIDATES` under which
 * the access model finds every exchange conflict-free (workgroup-codegen.ts).
 */
export type SwizzleShifts = readonly number[];

/** `swizzle`'s shifts. */
export const DEFAULT_SHIFTS: SwizzleShifts = [4, 8];

/** [4, 8] first, then every set of one to three shifts from 1 to 11, fewest first. */
export const SWIZZLE_CANDIDATES: readonly SwizzleShifts[] = (() => {
  const shifts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const out: number[][] = [[4, 8]];
  const pick = (from: number, size: number, acc: number[]): void => {
    if (acc.length === size) {
      if (acc.join() !== '4,8') out.push([...acc]);
      return;
    }
    for (let i = from; i < shifts.length; i++) pick(i + 1, size, [...acc, shifts[i] as number]);
  };
  for (let size = 1; size <= 3; size++) pick(0, size, []);
  return out;
})();

export function swizzleWith(shifts: SwizzleShifts): (i: number) => number {
  return (i) => {
    const high = i & ~15;
    let fold = 0;
    for (const s of shifts) fold ^= high >>> s;
    return (i ^ (fold & 15)) >>> 0;
  };
}

export function swizzleWgslWith(shifts: SwizzleShifts): string {
  const fold = shifts.map((s) => `(h >> ${s}u)`).join(' ^ ');
  return `fn slot(i: u32) -> u32 { let h = i & 0xfffffff0u; return i ^ ((${fold}) & 15u); }`;
}

/** Most elements of one warp instruction on one bank pair (a vec2f is words 2e, 2e + 1). */
function worstBankPair(elements: readonly number[]): number {
  const seen = new Set<number>();
  const perPair = new Array<number>(16).fill(0);
  let worst = 0;
  for (const e of elements) {
    if (seen.has(e)) continue; // a broadcast
    seen.add(e);
    const pair = e & 15;
    perPair[pair] = (perPair[pair] ?? 0) + 1;
    worst = Math.max(worst, perPair[pair] ?? 0);
  }
  return worst;
}

/**
 * The first of SWIZZLE_CANDIDATES under which every warp instruction of `instructions` (the
 * unswizzled workgroup-memory elements of its active lanes) takes its ideal wavefronts,
 * ⌈distinct elements / 16⌉ (access-model-core.ts); undefined if none does. Each candidate only
 * maps the elements, so the search is cheap enough for the page's thread.
 */
export function conflictFreeSwizzle(
  instructions: readonly (readonly number[])[],
): SwizzleShifts | undefined {
  const ideal = instructions.map((els) => Math.ceil(new Set(els).size / 16));
  return SWIZZLE_CANDIDATES.find((shifts) => {
    const slot = swizzleWith(shifts);
    return instructions.every((els, i) => worstBankPair(els.map(slot)) <= (ideal[i] ?? 0));
  });
}
