import { describe, expect, it } from 'vitest';
import { stagePasses } from './fft-plan';
import { workgroupFftShader } from './workgroup-codegen';

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
