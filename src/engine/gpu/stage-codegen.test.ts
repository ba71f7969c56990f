import { describe, expect, it } from 'vitest';
import { naiveDft } from '../cpu/fft64';
import { dftSchedule } from './dft-codegen';
import { hookCode } from './spectral-hooks';
import {
  STAGE_RADICES,
  stageGeometry,
  stageKernelKey,
  stageShader,
  subgroupExchange,
  type StageKernel,
} from './stage-codegen';
import { subgroupStageTwiddleBlock, subgroupTwiddleLayout } from './twiddles';
import { fusedSpectralStages, stageAxes, transformStages } from './stage-schedule';

const resolvent = hookCode({ kind: 'resolvent' });

/** A one-stage kernel of `radix` on an axis of n = radix (or `n`), as the schedule makes it. */
function kernel(radix: number, o: Partial<StageKernel> & { n?: number } = {}): StageKernel {
  const { n = radix, ...rest } = o;
  return {
    axis: stageAxes([n])[0] as StageKernel['axis'],
    radix,
    lanes: 1,
    ns: 1,
    inverse: false,
    role: 'fft',
    ...rest,
  };
}

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
        const code = stageShader(kernel(radix, { role }), role === 'fft' ? undefined : resolvent);
        // (The exchange's `var<workgroup> sh` is the only array: private ones would spill.)
        expect(code).not.toMatch(/\bfor\s*\(|\bloop\b|\bwhile\b|var \w+\s*[:=]\s*array/);
        expect(code).toContain(`var v${radix - 1}: vec2f;`);
        expect(code.includes('sums[')).toBe(role !== 'fft');
        // The merged stage runs a second, inverse DFT on the filtered registers.
        expect(code.includes('const sg = -1.0;')).toBe(role === 'filter-inverse');
      }
    }
  });

  it('bakes n, ns, the layout and the sign in: no integer division by a uniform', () => {
    const shapes = [[4096], [64, 64], [16, 256], [1024, 2]] as const;
    let divisions = 0;
    for (const shape of shapes) {
      const { before, after } = fusedSpectralStages([...shape]);
      const all = [...transformStages([...shape], false), ...transformStages([...shape], true)];
      for (const st of [...all, ...before, ...after]) {
        const code = stageShader(st, st.role === 'fft' ? undefined : resolvent);
        // Every / and % has a literal on its right: a shift or a mask for the compiler.
        const main = code.slice(code.indexOf('fn main')).replace(/\/\/.*$/gm, '');
        const ops = main.match(/[/%] *[^ ]+/g) ?? [];
        divisions += ops.length;
        for (const op of ops) expect(op, stageKernelKey(st)).toMatch(/^[/%] *\d+u\b/);
        expect(code).not.toMatch(/p\.(n|ns|inner|sign|elemStride|nx)\b/);
        expect(code).toContain(`// ${stageKernelKey(st)}`);
      }
    }
    expect(divisions).toBeGreaterThan(100);
    // The sign is in the twiddle read and in the DFT's constant.
    const inverse = stageShader(kernel(4, { n: 64, ns: 4, inverse: true }));
    expect(inverse).toContain('(tw[0u + k] * vec2f(1.0, -1.0))');
    expect(inverse).toContain('const sg = -1.0;');
    expect(stageShader(kernel(4, { n: 64, ns: 4 }))).toContain('v1 = cmul(v1, tw[0u + k]);');
  });

  it('the key names every baked value', () => {
    const base = kernel(16, { n: 256 });
    const keys = new Set(
      [
        base,
        { ...base, ns: 16 },
        { ...base, radix: 8 },
        { ...base, inverse: true },
        { ...base, role: 'filter' as const },
        { ...base, axis: stageAxes([256, 256])[0] as StageKernel['axis'] },
        { ...base, axis: stageAxes([256, 256])[1] as StageKernel['axis'] },
        { ...base, axis: stageAxes([256, 2])[1] as StageKernel['axis'] },
        { ...base, lanes: 2 },
      ].map(stageKernelKey),
    );
    expect(keys.size).toBe(9);
    expect(stageKernelKey(base)).toBe('radix-16 n=256 ns=1 inner 1 strides 256/0/1 forward fft');
  });

  it('exchanges through workgroup memory exactly where a warp would store or load short runs', () => {
    // n = 1024, stage 1 (ns = 1): output a of butterfly j at 16·j + a, runs of 1 value.
    const first = stageGeometry(kernel(16, { n: 1024 }));
    expect(first).toMatchObject({ exchangeIn: false, exchangeOut: true, vec: 1 });
    expect(stageShader(kernel(16, { n: 1024 }))).toContain(
      'var<workgroup> sh: array<vec2f, 1024>;',
    );
    // ns = 16: runs of 16 values; no workgroup memory, an early return instead.
    const later = kernel(16, { n: 1024, ns: 16 });
    expect(stageGeometry(later)).toMatchObject({ exchangeIn: false, exchangeOut: false });
    expect(stageShader(later)).not.toContain('workgroupBarrier');
    expect(stageShader(later)).toContain('return;');
    // n = 16: a butterfly per transform, loads of stride 16: both exchanged, no early return
    // (workgroupBarrier needs uniform control flow).
    const tiny = stageShader(kernel(16));
    expect(tiny.match(/workgroupBarrier\(\);/g)).toHaveLength(3);
    expect(tiny).not.toContain('return;');
    // A column axis of 64 columns: a warp stores 32 neighbouring columns at once.
    const cols = { ...kernel(16, { n: 64 }), axis: stageAxes([64, 64])[1] as StageKernel['axis'] };
    expect(stageGeometry(cols)).toMatchObject({ vec: 64, exchangeIn: false, exchangeOut: false });
    // Two columns: stage 1 stores runs of 2, so it exchanges.
    const two = {
      ...kernel(16, { n: 1024 }),
      axis: stageAxes([1024, 2])[1] as StageKernel['axis'],
    };
    expect(stageGeometry(two)).toMatchObject({ vec: 2, exchangeIn: false, exchangeOut: true });
    // 'filter-inverse' stores its inverse half with ns = 1.
    const fi = kernel(4, { n: 1024, ns: 256, role: 'filter-inverse' });
    expect(stageGeometry(fi)).toMatchObject({ outNs: 1, exchangeOut: true });
  });

  it('with lanes, a butterfly spans a subgroup: shuffles, no early return, guarded stores', () => {
    const code = stageShader(kernel(16, { n: 4096, ns: 64, lanes: 4, role: 'filter' }), resolvent);
    expect(code.startsWith('// Generated')).toBe(true);
    expect(code).toContain('enable subgroups;');
    expect(code).toContain('radix-64 (16 per lane × 4 lanes)');
    // log2(4) = 2 levels across lanes, 16 values each.
    expect(code.match(/subgroupShuffleXor/g)).toHaveLength(32);
    expect(code).not.toMatch(/return;/);
    expect(code).not.toMatch(/\bfor\s*\(|\bloop\b|\bwhile\b/);
    expect(stageShader(kernel(16))).not.toContain('subgroup');
  });

  it('with lanes, loads and stores go through workgroup memory in runs of 64/lanes', () => {
    // 4096 with 4 lanes, stage 2 (radix 16×4 after 64): 16 butterflies a workgroup, inputs
    // strided 64 and outputs strided 64, so both exchanges are runs of 16.
    const st = kernel(16, { n: 4096, ns: 64, lanes: 4 });
    expect(subgroupExchange(st)).toMatchObject({ butterflies: 16, runsIn: true, runsOut: true });
    const code = stageShader(st);
    expect(code).toContain('var<workgroup> sh: array<vec2f, 1024>;');
    expect(code.match(/workgroupBarrier\(\)/g)).toHaveLength(3);
    expect(code.match(/src\[/g)).toHaveLength(16);
    expect(code.match(/dst\[/g)).toHaveLength(16);
    // 16 input twiddles (ns > 1), 15 lane twiddles, one shuffle level with a twiddle (h = 2).
    expect(code.match(/tw\[/g)).toHaveLength(16 + 15 + 1);
    // n = 64 in one radix-64 stage (ns = 1) reads no input twiddles; with one butterfly a
    // transform the workgroup's 16 butterflies are 16 whole transforms: 'block' exchanges.
    const first = kernel(16, { n: 64, lanes: 4 });
    expect(subgroupExchange(first)).toMatchObject({ runsIn: false, runsOut: false });
    expect(stageShader(first).match(/tw\[/g)).toHaveLength(15 + 1);
  });

  it("a 'subgroups' twiddle block holds W_n of the lane, shuffle and input exponents", () => {
    const [n, R, S, ns] = [4096, 4, 8, 16];
    const T = subgroupTwiddleLayout(R, S, ns);
    const t = subgroupStageTwiddleBlock(n, R, S, ns);
    expect(t.length).toBe(2 * T.size);
    const at = (i: number): [number, number] => [t[2 * i] as number, t[2 * i + 1] as number];
    const w = (e: number): [number, number] => [
      Math.cos((-2 * Math.PI * e) / n),
      Math.sin((-2 * Math.PI * e) / n),
    ];
    const close = (i: number, e: number): void => {
      const [re, im] = at(i);
      const [wr, wi] = w(e);
      expect(Math.hypot(re - wr, im - wi), `entry ${i}, exponent ${e}`).toBeLessThan(1e-7);
    };
    const P = R * S;
    // Shuffle level h = 4: W_8^(l mod 4) at 4 + l mod 4.
    for (let i = 0; i < 4; i++) close(T.shuffle + 4 + i, (i * n) / 8);
    // Lane twiddle W_P^(l·a) at lane + (a − 1)·S + l.
    close(T.lane + 2 * S + 5, (5 * 3 * n) / P);
    // Input r = l + S·m of butterfly k: W_(ns·P)^(r·k) at input + m·stride + k·S + l.
    close(T.input + 3 * T.inputStride + 11 * S + 6, ((6 + S * 3) * 11 * n) / (ns * P));
    // Every part starts on a 128-byte line.
    expect([T.lane % 16, T.input % 16, T.inputStride % 16]).toEqual([0, 0, 0]);
  });

  it('refuses a radix, lane count or layout it has no kernel for', () => {
    expect(() => stageShader(kernel(32))).toThrow(/radix must be one of 2, 4, 8, 16; got 32/);
    expect(() => stageShader(kernel(16, { lanes: 3 }))).toThrow(
      /lanes must be a power of two ≤ 32; got 3/,
    );
    expect(() => stageShader(kernel(16, { lanes: 64 }))).toThrow(/got 64/);
    expect(() =>
      stageShader(kernel(16, { n: 4096, ns: 64, lanes: 4, role: 'filter-inverse' }), resolvent),
    ).toThrow(/one butterfly an invocation/);
    expect(() => stageShader(kernel(16, { role: 'filter' }))).toThrow(/needs a spectral hook/);
    expect(() => stageShader(kernel(16), resolvent)).toThrow(/takes no spectral hook/);
    expect(() => stageShader(kernel(16, { n: 64, ns: 8 }))).toThrow(
      /multiple of ns·radix·lanes = 8·16·1; got n = 64/,
    );
    expect(() =>
      stageShader(kernel(4, { n: 64, ns: 4, role: 'filter-inverse' }), resolvent),
    ).toThrow(/ns·radix must be n = 64; got 4·4/);
    const strided = {
      ...kernel(16, { n: 64 }),
      axis: { n: 64, inner: 4, signalStride: 256, innerStride: 1, elemStride: 8 },
    };
    expect(() => stageShader(strided)).toThrow(
      /layout must be contiguous .* or columns .*; got n 64, inner 4, signalStride 256, innerStride 1, elemStride 8/,
    );
  });
});
