/**
 * Straight-line WGSL for small DFTs, shared by the generated FFT kernels (stage-codegen.ts,
 * workgroup-codegen.ts). Unrolled, every value is a named register and every internal twiddle a
 * literal, which is what keeps the butterflies out of memory on GPU and CPU-emulation compilers.
 */

/** A u32 literal, as the generators bake lengths, strides and offsets into their WGSL. */
export function u32(x: number): string {
  return `${x}u`;
}

/** A float64 constant as a WGSL f32 literal with enough digits to round to the same f32. */
function lit(v: number): string {
  const r = Math.abs(v) < 1e-15 ? 0 : v;
  const s = r.toPrecision(17);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

function bitReverse(r: number, bits: number): number {
  let out = 0;
  for (let b = 0; b < bits; b++) out |= ((r >> b) & 1) << (bits - 1 - b);
  return out;
}

/** One radix-2 butterfly of the in-register DFT: (a, b) ← (a + W·b, a − W·b), W = W_m^i. */
export interface Butterfly {
  a: number;
  b: number;
  i: number;
  m: number;
}

/**
 * The R-point DFT as radix-2 decimation-in-time butterflies over positions 0…R−1, input r
 * placed at position bitrev(r), output f read from position f. Pure data, so a unit test runs
 * it in float64 against a naive DFT; `dftLines` renders the same list as WGSL.
 */
export function dftSchedule(radix: number): { inputAt: number[]; butterflies: Butterfly[] } {
  const bits = Math.log2(radix);
  const inputAt = Array.from({ length: radix }, (_, r) => bitReverse(r, bits));
  const butterflies: Butterfly[] = [];
  for (let half = 1; half < radix; half *= 2) {
    const m = half * 2;
    for (let start = 0; start < radix; start += m) {
      for (let i = 0; i < half; i++) butterflies.push({ a: start + i, b: start + i + half, i, m });
    }
  }
  return { inputAt, butterflies };
}

/** The expression of register `b` times W_m^i (forward; `sg` = −1 conjugates for the inverse). */
function twiddled(b: string, i: number, m: number): string {
  if (i === 0) return b;
  // Quarter turn: W_m^(m/4) = −i (forward) is a swap and a sign, no multiplication.
  if (4 * i === m) return `vec2f(${b}.y * sg, -${b}.x * sg)`;
  const angle = (-2 * Math.PI * i) / m;
  return `cmul(${b}, vec2f(${lit(Math.cos(angle))}, ${lit(Math.sin(angle))} * sg))`;
}

/**
 * WGSL for the R-point DFT of registers reg(0)…reg(R−1), in place, natural order in and out.
 * Declares temporaries x0…x(R−1): callers doing several DFTs in one scope wrap each in a block.
 */
export function dftLines(radix: number, reg: (i: number) => string = (i) => `v${i}`): string[] {
  const { inputAt, butterflies } = dftSchedule(radix);
  const lines = inputAt.map((pos, r) => `var x${pos} = ${reg(r)};`);
  for (const { a, b, i, m } of butterflies) {
    lines.push(
      `{ let b = ${twiddled(`x${b}`, i, m)}; let a = x${a}; x${a} = a + b; x${b} = a - b; }`,
    );
  }
  for (let f = 0; f < radix; f++) lines.push(`${reg(f)} = x${f};`);
  return lines;
}
