import { describe, expect, it } from 'vitest';
import { naiveDft } from '../cpu/fft64';
import { dftSchedule } from './dft-codegen';
import { hookCode } from './spectral-hooks';
import { STAGE_RADICES, stageShader } from './stage-codegen';

const resolvent = hookCode({ kind: 'resolvent' });

/** Runs the butterfly schedule in float64, as the generated WGSL would in f32. */
function runSchedule(radix: number, re: number[], im: number[], inverse: boolean) {
  const { inputAt, butterflies } = dftSchedule(radix);
  const xr = new Float64Array(radix);
  const xi = new Float64Array(radix);
  inputAt.forEach((pos, r) => {
    xr[pos] = re[r] as number;
    xi[pos] = im[r] as number;
  });
  const sg = inverse ? -1 : 1;
  for (const { a, b, i, m } of butterflies) {
    const angle = (-2 * Math.PI * i) / m;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle) * sg;
    const br = (xr[b] as number) * wr - (xi[b] as number) * wi;
    const bi = (xr[b] as number) * wi + (xi[b] as number) * wr;
    const ar = xr[a] as number;
    const ai = xi[a] as number;
    xr[a] = ar + br;
    xi[a] = ai + bi;
    xr[b] = ar - br;
    xi[b] = ai - bi;
  }
  return { re: xr, im: xi };
}

describe('generated Stockham stage kernels', () => {
  for (const radix of STAGE_RADICES) {
    it(`radix ${radix}: the butterfly schedule is the ${radix}-point DFT, forward and inverse`, () => {
      const re = Array.from({ length: radix }, (_, i) => Math.sin(1.7 * i + 0.3));
      const im = Array.from({ length: radix }, (_, i) => Math.cos(0.9 * i * i));
      for (const inverse of [false, true]) {
        const got = runSchedule(radix, re, im, inverse);
        const want = naiveDft(re, im, inverse);
        // naiveDft scales the inverse by 1/n; the stage leaves scaling to the last pass.
        const scale = inverse ? radix : 1;
        for (let f = 0; f < radix; f++) {
          expect(got.re[f]).toBeCloseTo((want.re[f] as number) * scale, 12);
          expect(got.im[f]).toBeCloseTo((want.im[f] as number) * scale, 12);
        }
      }
    });
  }

  it('the WGSL is straight-line: no loops, and no private array indexed at run time', () => {
    for (const radix of STAGE_RADICES) {
      for (const role of ['fft', 'filter', 'filter-inverse'] as const) {
        const code = stageShader(radix, role, 1, role === 'fft' ? undefined : resolvent);
        expect(code).not.toMatch(/\bfor\s*\(|\bloop\b|\bwhile\b|array<vec2f,/);
        expect(code).toContain(`var v${radix - 1} =`);
        expect(code.includes('sums[')).toBe(role !== 'fft');
        // The merged stage runs a second, inverse DFT on the filtered registers.
        expect(code.includes('sg = -1.0;')).toBe(role === 'filter-inverse');
      }
    }
  });

  it('with lanes, a butterfly spans a subgroup: shuffles, no early return, guarded stores', () => {
    const code = stageShader(16, 'filter', 4, resolvent);
    expect(code.startsWith('// Generated')).toBe(true);
    expect(code).toContain('enable subgroups;');
    expect(code).toContain('radix-64 (16 per lane × 4 lanes)');
    // log2(4) = 2 levels across lanes, 16 values each.
    expect(code.match(/subgroupShuffleXor/g)).toHaveLength(32);
    expect(code).not.toMatch(/return;/);
    expect(code).not.toMatch(/\bfor\s*\(|\bloop\b|\bwhile\b/);
    expect(stageShader(16, 'fft')).not.toContain('subgroup');
  });

  it('refuses a radix or lane count it has no kernel for', () => {
    expect(() => stageShader(32, 'fft')).toThrow(/radix must be one of 2, 4, 8, 16; got 32/);
    expect(() => stageShader(16, 'fft', 3)).toThrow(/lanes must be a power of two ≤ 32; got 3/);
    expect(() => stageShader(16, 'fft', 64)).toThrow(/got 64/);
    expect(() => stageShader(16, 'filter-inverse', 4, resolvent)).toThrow(
      /one butterfly an invocation/,
    );
    expect(() => stageShader(16, 'filter')).toThrow(/needs a spectral hook/);
    expect(() => stageShader(16, 'fft', 1, resolvent)).toThrow(/takes no spectral hook/);
  });
});
