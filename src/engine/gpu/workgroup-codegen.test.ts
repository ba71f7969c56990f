import { describe, expect, it } from 'vitest';
import { stagePasses } from './fft-plan';
import { hookCode } from './spectral-hooks';
import { WORKGROUP_PARAMS, workgroupFftShader, workgroupSpectralShader } from './workgroup-codegen';

const resolvent = hookCode({ kind: 'resolvent' });
const multiply = hookCode({ kind: 'multiply', table: 'gains' });
const workgroupResolventShader = (n: number, capacity: number): string =>
  workgroupSpectralShader(n, capacity, resolvent);

const count = (s: string, what: string): number => s.split(what).length - 1;

describe('workgroup FFT pass generator', () => {
  it('keeps transforms of up to 16 points in registers: no workgroup memory, no barrier', () => {
    for (const n of [2, 4, 8, 16]) {
      const code = workgroupFftShader(n, 2048);
      expect(code).not.toContain('var<workgroup>');
      expect(code).not.toContain('workgroupBarrier');
    }
  });

  it('exchanges through workgroup memory only between radix-16 stages', () => {
    for (const n of [32, 256, 1024, 4096]) {
      const stages = stagePasses(n).length;
      const code = workgroupFftShader(n, 4096);
      // Each exchange: a barrier after the writes, and one before the next stage overwrites.
      expect(count(code, 'workgroupBarrier();')).toBe(2 * (stages - 1) - 1);
      expect(code).toContain('var<workgroup> sh: array<vec2f, 4096>');
    }
  });

  it('refuses lengths that are not powers of two or exceed the capacity', () => {
    expect(() => workgroupFftShader(48, 4096)).toThrow(/power of two/);
    expect(() => workgroupFftShader(4096, 2048)).toThrow(/\[2, 2048\]/);
  });
});

describe('fused resolvent generator', () => {
  it('filters between the forward and inverse stages without an exchange', () => {
    for (const n of [32, 1024, 4096]) {
      const code = workgroupResolventShader(n, 4096);
      const stages = stagePasses(n).length;
      // The inverse's first stage starts from the registers the forward left: 2·stages − 1 reads.
      expect(count(code, 'src[')).toBe(16); // one global read per value, in the first stage only
      expect(count(code, 'dst[')).toBe(16); // one global write per value, in the last stage only
      expect(count(code, '// forward stage')).toBe(stages);
      expect(count(code, '// inverse stage')).toBe(stages);
      expect(code.indexOf('sum +=')).toBeGreaterThan(code.lastIndexOf('// forward stage'));
      expect(code.indexOf('sum +=')).toBeLessThan(code.indexOf('// inverse stage 1'));
      // The sums' tree has one level per factor of two in the n/16 threads of a transform.
      expect(count(code, 'sh[lid] += ')).toBe(Math.log2(n / 16));
    }
  });

  it('a signal of up to 16 points is one thread: registers only, its sums written directly', () => {
    const code = workgroupResolventShader(16, 2048);
    expect(code).not.toContain('var<workgroup>');
    expect(code).not.toContain('workgroupBarrier');
    expect(code).toContain('sums[p.sumsBase + t] = vec4f(sum, 0.0)');
  });

  it("the 'multiply' hook: one complex factor per bin, no sums and no tree", () => {
    const code = workgroupSpectralShader(1024, 4096, multiply);
    expect(count(code, 'cmul(factor[')).toBe(16);
    expect(code).not.toContain('sums[');
    expect(code).not.toContain('sum +=');
    expect(code).not.toContain('sh[lid] += ');
    expect(code).toContain('var<storage, read> factor: array<vec2f>');
  });

  it('the kernels declare the Params struct of the one layout their uniforms are packed from', () => {
    expect(workgroupFftShader(64, 4096)).toContain(WORKGROUP_PARAMS.wgsl);
    expect(workgroupResolventShader(64, 4096)).toContain(WORKGROUP_PARAMS.wgsl);
  });
});
