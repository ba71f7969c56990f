import { describe, expect, it } from 'vitest';
import { fusedWorkgroupProgram, planFft, stagePasses, type FftPass } from './fft-plan';
import { hookCode } from './spectral-hooks';
import {
  fourStepBlock,
  passKernel,
  WORKGROUP_PARAMS,
  workgroupFftShader,
  workgroupKernelKey,
  workgroupSpectralShader,
  type SpectralKernel,
} from './workgroup-codegen';

const resolvent = hookCode({ kind: 'resolvent' });
const multiply = hookCode({ kind: 'multiply', table: 'gains' });

/** The one pass of a 1D length within capacity, over `signals` signals. */
const oneD = (n: number, capacity = 8192, signals = 256) =>
  passKernel(planFft([n], capacity).passes[0] as FftPass, signals, capacity);

/** The fused pass of a 1D length within capacity. */
const fusedOneD = (n: number, capacity = 8192): SpectralKernel => {
  const { fused } = fusedWorkgroupProgram(planFft([n], capacity));
  return { ...passKernel(fused, 256, capacity), binInner: 0, binElem: 1, nx: n };
};

const count = (s: string, what: string): number => s.split(what).length - 1;

describe('workgroup FFT pass generator', () => {
  it('a lone transform of up to 16 points stays in registers: no workgroup memory, no barrier', () => {
    for (const n of [2, 4, 8, 16]) {
      const code = workgroupFftShader(oneD(n, 2048, 1), 2048);
      expect(code).not.toContain('var<workgroup>');
      expect(code).not.toContain('workgroupBarrier');
    }
  });

  it('a batch of 16-point transforms is loaded and stored through workgroup memory, coalesced', () => {
    const code = workgroupFftShader(oneD(16), 8192);
    // 256 transforms a workgroup, 4096 values: 16 rounds of 256 threads in, 16 out.
    expect(count(code, 'src[inGroupBase + xAt]')).toBe(16);
    expect(count(code, 'dst[outGroupBase + xAt]')).toBe(16);
    expect(count(code, 'workgroupBarrier();')).toBe(3);
  });

  it('exchanges through workgroup memory only between radix-16 stages', () => {
    for (const n of [256, 1024, 4096]) {
      const stages = stagePasses(n).length;
      const code = workgroupFftShader(oneD(n), 8192);
      // Each exchange: a barrier after the writes, and one before the next stage overwrites.
      expect(count(code, 'workgroupBarrier();')).toBe(2 * (stages - 1) - 1);
      expect(code).toContain('var<workgroup> sh: array<vec2f, 4096>');
    }
  });

  it('bakes the layout in: literal strides, no uniform but count, grid, scale, φ and sums', () => {
    const { passes } = planFft([65536], 8192);
    const code = workgroupFftShader(passKernel(passes[1] as FftPass, 4, 8192, -1), 8192);
    expect(code).toContain('let sg = -1.0;');
    expect(code).toContain('let signal = t / 256u;');
    expect(code).toContain('let within = t % 256u;');
    expect(code).not.toMatch(/p\.(n|inner|inSignal|inInner|inElem|outElem|twiddleN|sign)\b/);
    expect(WORKGROUP_PARAMS.fields.map(([f]) => f).sort()).toEqual(
      ['count', 'groupsX', 'phi', 'scale', 'sumsBase'].sort(),
    );
  });

  it('keys pipelines by every baked value', () => {
    const { passes } = planFft([65536], 8192);
    const [p0, p1] = passes as [FftPass, FftPass];
    const keys = new Set([
      workgroupKernelKey(passKernel(p0, 4, 8192)),
      workgroupKernelKey(passKernel(p1, 4, 8192)),
      workgroupKernelKey(passKernel(p1, 4, 8192, -1)),
      workgroupKernelKey(passKernel(p1, 1, 8192)),
    ]);
    expect(keys.size).toBe(3); // batch 1 and 4 launch p1 alike: the same kernel
  });

  it('refuses lengths that are not powers of two or exceed the capacity', () => {
    const bad = { ...oneD(64), pass: { ...oneD(64).pass, n: 48 } };
    expect(() => workgroupFftShader(bad, 8192)).toThrow(/power of two/);
    expect(() => workgroupFftShader(oneD(4096), 2048)).toThrow(/\[2, 2048\]/);
  });

  it('reads four-step twiddles in the block its lanes span', () => {
    const { passes } = planFft([1 << 20], 8192);
    const [p0, p1] = passes as [FftPass, FftPass];
    // Pass 1: 4 columns a workgroup, side by side. Fused rows: 1024 values, 64 threads a row.
    expect(fourStepBlock(passKernel(p0, 1, 8192))).toBe(4);
    expect(fourStepBlock({ ...passKernel(p1, 1, 8192) })).toBe(1);
    // With 16 KiB (capacity 4096), 8192 takes four steps.
    const { fused } = fusedWorkgroupProgram(planFft([8192], 4096));
    // 8192 = 64·128: 4 threads a 64-point row, so a warp spans 8 rows.
    expect(fourStepBlock(passKernel(fused, 1, 4096))).toBe(8);
  });
});

describe('fused resolvent generator', () => {
  it('filters between the forward and inverse stages without an exchange', () => {
    for (const n of [1024, 4096]) {
      const code = workgroupSpectralShader(fusedOneD(n), 8192, resolvent);
      const stages = stagePasses(n).length;
      expect(count(code, 'src[')).toBe(16); // one global read per value, in the first stage only
      expect(count(code, 'dst[')).toBe(16); // one global write per value, in the last stage only
      expect(count(code, '// forward stage')).toBe(stages);
      expect(count(code, '// inverse stage')).toBe(stages);
      expect(code.indexOf('sum +=')).toBeGreaterThan(code.lastIndexOf('// forward stage'));
      expect(code.indexOf('sum +=')).toBeLessThan(code.indexOf('// inverse stage 1'));
      // The sums' tree has one level per factor of two in the n/16 threads of a transform.
      expect(count(code, '] += sh[')).toBe(2 * Math.log2(n / 16));
      // The bin's row and column divide by a literal width: a shift and a mask, not a division.
      expect(code).toContain(`qy[bin / ${n}u] + qx[bin % ${n}u]`);
    }
  });

  it('a lone signal of up to 16 points is one thread: registers only, its sums written directly', () => {
    const { fused } = fusedWorkgroupProgram(planFft([16], 2048));
    const kernel = { ...passKernel(fused, 1, 2048), binInner: 0, binElem: 1, nx: 16 };
    const code = workgroupSpectralShader(kernel, 2048, resolvent);
    expect(code).not.toContain('var<workgroup>');
    expect(code).not.toContain('workgroupBarrier');
    expect(code).toContain('sums[p.sumsBase + t] = vec4f(sum, 0.0)');
  });

  it("the 'multiply' hook: one complex factor per bin, no sums and no tree", () => {
    const code = workgroupSpectralShader(fusedOneD(1024), 8192, multiply);
    expect(count(code, 'cmul(factor[')).toBe(16);
    expect(code).not.toContain('sums[');
    expect(code).not.toContain('sum +=');
    expect(code).not.toContain('] += sh[');
    expect(code).toContain('var<storage, read> factor: array<vec2f>');
  });

  it('the kernels declare the Params struct of the one layout their uniforms are packed from', () => {
    expect(workgroupFftShader(oneD(64), 8192)).toContain(WORKGROUP_PARAMS.wgsl);
    expect(workgroupSpectralShader(fusedOneD(64), 8192, resolvent)).toContain(
      WORKGROUP_PARAMS.wgsl,
    );
  });
});

describe('split exchanges: kernels over half the capacity', () => {
  it('n = 8192: f32 workgroup memory, the real halves then the imaginary ones, 32 values a thread', () => {
    const code = workgroupFftShader(oneD(8192), 8192);
    const exchanges = stagePasses(8192).length - 1;
    expect(code).toContain('var<workgroup> sh: array<f32, 8192>;');
    expect(code).toContain('var v31 = vec2f(0.0);');
    // Each exchange moves every value twice, 4 bytes at a time.
    expect(count(code, '.x = sh[')).toBe(32 * exchanges);
    expect(count(code, '.y = sh[')).toBe(32 * exchanges);
    expect(count(code, '] = v0.x;')).toBe(exchanges);
    expect(count(code, '] = v0.y;')).toBe(exchanges);
    // Writes, barrier, reads, barrier: twice an exchange (none after the last reads).
    expect(count(code, 'workgroupBarrier();')).toBe(4 * exchanges - 1);
    // The imaginary halves are written only after every real half was read back.
    expect(code.indexOf('] = v0.y;')).toBeGreaterThan(code.indexOf('v31.x = sh['));
  });

  it('the fused pass over 8192 adds its sums in three f32 rows', () => {
    const code = workgroupSpectralShader(fusedOneD(8192), 8192, resolvent);
    expect(code).toContain('var<workgroup> sh: array<f32, 8192>;');
    expect(code).toContain('if (inGroup) { sh[slot(512u + sumAt)] = sum.z; }');
    expect(code).toContain(
      'sums[p.sumsBase + t] = vec4f(sh[slot(sumAt)], sh[slot(256u + sumAt)], sh[slot(512u + sumAt)], 0.0);',
    );
  });

  it('kernels within half the capacity keep whole vec2f exchanges', () => {
    expect(workgroupFftShader(oneD(4096), 8192)).toContain(
      'var<workgroup> sh: array<vec2f, 4096>;',
    );
    // 16 KiB: half the capacity is 2048, so 4096 splits.
    expect(workgroupFftShader(oneD(4096, 4096), 4096)).toContain(
      'var<workgroup> sh: array<f32, 4096>;',
    );
  });

  it('stores the four-step rows through split exchanges with 16 KiB, each value waiting in a register', () => {
    // 2^20 = 1024·1024 with capacity 4096: the second pass takes 4 rows (4096 values, over
    // half of 16 KiB) and stores them transposed, staged, in halves.
    const p1 = planFft([2 ** 20], 4096).passes[1] as FftPass;
    const code = workgroupFftShader(passKernel(p1, 1, 4096), 4096);
    expect(code).toContain('var<workgroup> sh: array<f32, 4096>;');
    expect(count(code, 'var gs')).toBe(16);
    expect(code).toContain('gs0.x = sh[slot(xt * 1024u + xe)];');
    expect(code).toContain('gs15.y = sh[slot(xt * 1024u + xe)]; dst[outGroupBase + xAt] = gs15;');
    // Each global value is written once; workgroup memory takes both halves.
    expect(count(code, 'dst[')).toBe(16);
    // A staged load in halves is not generated: 256 transforms of 16 over 16 KiB's half.
    expect(() => workgroupFftShader(oneD(16, 8192), 4096)).toThrow(/staged load with split/);
  });
});
