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

/** Every set of one to `most` shifts from 1 to `top`, fewest first, after `first`. */
function shiftSets(first: SwizzleShifts, top: number, most: number): SwizzleShifts[] {
  const out: SwizzleShifts[] = [first];
  const pick = (from: number, size: number, acc: number[]): void => {
    if (acc.length === size) {
      if (acc.join() !== first.join()) out.push([...acc]);
      return;
    }
    for (let s = from; s <= top; s++) pick(s + 1, size, [...acc, s]);
  };
  for (let size = 1; size <= most; size++) pick(1, size, []);
  return out;
}

/** [4, 8] first, then every set of one to three shifts from 1 to 11, fewest first. */
export const SWIZZLE_CANDIDATES: readonly SwizzleShifts[] = shiftSets([4, 8], 11, 3);

/**
 * The width of an exchanged element: a vec2f (two words, 16 bank pairs; the swizzle folds into
 * the low 4 bits) or one f32 word (the split exchanges of kernels over half the capacity, which
 * move the real and the imaginary halves one after the other: 32 banks, the low 5 bits).
 */
export type ElementWords = 1 | 2;

const lowBits = (words: ElementWords): number => (words === 2 ? 4 : 5);

export function swizzleWith(shifts: SwizzleShifts, words: ElementWords = 2): (i: number) => number {
  const mask = (1 << lowBits(words)) - 1;
  return (i) => {
    const high = i & ~mask;
    let fold = 0;
    for (const s of shifts) fold ^= high >>> s;
    return (i ^ (fold & mask)) >>> 0;
  };
}

export function swizzleWgslWith(shifts: SwizzleShifts, words: ElementWords = 2): string {
  const mask = (1 << lowBits(words)) - 1;
  const high = (0xffffffff ^ mask) >>> 0;
  const fold = shifts.map((s) => `(h >> ${s}u)`).join(' ^ ');
  return `fn slot(i: u32) -> u32 { let h = i & 0x${high.toString(16)}u; return i ^ ((${fold}) & ${mask}u); }`;
}

/**
 * Most distinct elements of one warp instruction on one bank: a bank pair for vec2f (words 2e,
 * 2e + 1), a bank for f32 (word e). A lane reading what another reads is a broadcast, free.
 */
function worstBank(elements: readonly number[], words: ElementWords): number {
  const banks = words === 2 ? 16 : 32;
  const seen = new Set<number>();
  const perBank = new Array<number>(banks).fill(0);
  let worst = 0;
  for (const e of elements) {
    if (seen.has(e)) continue;
    seen.add(e);
    const bank = e & (banks - 1);
    perBank[bank] = (perBank[bank] ?? 0) + 1;
    worst = Math.max(worst, perBank[bank] ?? 0);
  }
  return worst;
}

/**
 * The f32 family: [5, 10] first (the 5-bit analogue of [4, 8]), then every set of one to four
 * shifts from 1 to 12. Split kernels hold up to 8192 values (13 bits), and some need four
 * shifts: the fused pass over 1024-point columns four abreast takes [2, 4, 7, 10].
 */
const SWIZZLE_CANDIDATES_F32: readonly SwizzleShifts[] = shiftSets([5, 10], 12, 4);

/**
 * The first candidate under which every warp instruction of `instructions` (the unswizzled
 * workgroup-memory elements of its active lanes) takes its ideal wavefronts, ⌈distinct elements
 * / (32 / words)⌉ (access-model-core.ts); undefined if none does. Each candidate only maps the
 * elements, so the search is cheap enough for the page's thread.
 */
export function conflictFreeSwizzle(
  instructions: readonly (readonly number[])[],
  words: ElementWords = 2,
): SwizzleShifts | undefined {
  const perWavefront = 32 / words;
  const ideal = instructions.map((els) => Math.ceil(new Set(els).size / perWavefront));
  const candidates = words === 2 ? SWIZZLE_CANDIDATES : SWIZZLE_CANDIDATES_F32;
  return candidates.find((shifts) => {
    const slot = swizzleWith(shifts, words);
    return instructions.every((els, i) => worstBank(els.map(slot), words) <= (ideal[i] ?? 0));
  });
}
