/**
 * The float64 radix-2 Stockham reference stage by stage: its last stage is the DFT (fft64.ts,
 * and the naive O(N²) DFT), every intermediate stage holds what fft-stages.ts says it holds,
 * its butterflies are the GPU schedule's, and bad arguments are refused by name.
 */
import { describe, expect, it } from 'vitest';
import { uniformSigned } from '../../workloads/rng';
import { linfRelError } from '../accuracy';
import { EngineArgumentError } from '../errors';
import {
  checkFftStages,
  FFT_STAGE_SIZES,
  radix2Butterflies,
  stageCount,
  stageEntry,
  type FftStagesOptions,
} from '../fft-stages';
import { transformStages } from '../gpu/stage-schedule';
import { fft64Stages } from './fft64-stages';
import { fft64InPlace, naiveDft } from './fft64';

/** Float64 is exact to ~1e-16 per operation; 5 stages of sums stay far below this. */
const FLOAT64_TOLERANCE = 1e-13;

function fft64(data: Float32Array, inverse: boolean): Float64Array {
  const n = data.length / 2;
  const re = Float64Array.from({ length: n }, (_, i) => data[2 * i] as number);
  const im = Float64Array.from({ length: n }, (_, i) => data[2 * i + 1] as number);
  fft64InPlace(re, im, n, inverse);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = re[i] as number;
    out[2 * i + 1] = im[i] as number;
  }
  return out;
}

describe('fft64Stages', () => {
  for (const n of FFT_STAGE_SIZES) {
    for (const inverse of [false, true]) {
      it(`N = ${n}${inverse ? ' inverse' : ''}: stage 0 is the input, the last stage the DFT`, () => {
        const data = uniformSigned(100 + n + (inverse ? 1 : 0), 2 * n);
        const { stages } = fft64Stages(data, { n, inverse });
        expect(stages).toHaveLength(stageCount(n) + 1);
        expect(Array.from(stages[0] ?? [])).toEqual(Array.from(data));
        const last = stages.at(-1) ?? new Float64Array();
        expect(linfRelError(last, fft64(data, inverse))).toBeLessThan(FLOAT64_TOLERANCE);
      });
    }
  }

  it('index i of stage s is bin q of the 2^s-point DFT of x[b], x[b + N/2^s], …', () => {
    const n = 32;
    const data = uniformSigned(7, 2 * n);
    const { stages } = fft64Stages(data, { n });
    for (let s = 0; s <= stageCount(n); s++) {
      const L = 2 ** s;
      const stage = stages[s] ?? new Float64Array();
      for (let b = 0; b < n / L; b++) {
        const re = Array.from({ length: L }, (_, m) => data[2 * (b + (m * n) / L)] as number);
        const im = Array.from({ length: L }, (_, m) => data[2 * (b + (m * n) / L) + 1] as number);
        const dft = naiveDft(re, im);
        for (let q = 0; q < L; q++) {
          const i = b * L + q;
          expect(stageEntry(s, i)).toEqual({ b, q });
          expect(stage[2 * i]).toBeCloseTo(dft.re[q] as number, 12);
          expect(stage[2 * i + 1]).toBeCloseTo(dft.im[q] as number, 12);
        }
      }
    }
  });

  it('real input gives the same stages as complex input with zero imaginary parts', () => {
    const real = uniformSigned(9, 8);
    const complex = new Float32Array(16);
    real.forEach((v, i) => (complex[2 * i] = v));
    expect(fft64Stages(real, { n: 8, real: true }).stages).toEqual(
      fft64Stages(complex, { n: 8 }).stages,
    );
  });
});

describe('radix2Butterflies', () => {
  it('each stage reads every index once and writes every index once', () => {
    for (const n of FFT_STAGE_SIZES) {
      for (let s = 1; s <= stageCount(n); s++) {
        const flies = radix2Butterflies(n, s);
        expect(flies).toHaveLength(n / 2);
        const read = flies.flatMap((f) => [...f.inputs]).sort((a, b) => a - b);
        const written = flies.flatMap((f) => [...f.outputs]).sort((a, b) => a - b);
        const all = Array.from({ length: n }, (_, i) => i);
        expect(read).toEqual(all);
        expect(written).toEqual(all);
      }
    }
  });

  it('follows the GPU schedule forced to radix 2: ns = 1, 2, 4, … and 1/N on the last inverse stage', () => {
    for (const n of FFT_STAGE_SIZES) {
      for (const inverse of [false, true]) {
        const schedule = transformStages([n], inverse, 1, 2);
        expect(schedule.map((d) => d.radix)).toEqual(Array(stageCount(n)).fill(2));
        schedule.forEach((d, i) => {
          const flies = radix2Butterflies(n, i + 1);
          expect(flies.every((f) => f.span === 2 * d.ns)).toBe(true);
          expect(d.scale).toBe(inverse && i === schedule.length - 1 ? 1 / n : 1);
        });
      }
    }
  });

  it('refuses a stage outside 1 … log2 N', () => {
    expect(() => radix2Butterflies(8, 0)).toThrow(/stage must be 1 … 3 for N = 8; got 0/);
    expect(() => radix2Butterflies(8, 4)).toThrow(RangeError);
  });
});

describe('checkFftStages refuses bad arguments by name', () => {
  const ok = new Float32Array(16);

  function refusal(data: unknown, options: unknown): { field: string; message: string } {
    try {
      checkFftStages(data as Float32Array, options as FftStagesOptions);
    } catch (e) {
      if (e instanceof EngineArgumentError) return { field: e.field, message: e.message };
      throw e;
    }
    throw new Error('expected an EngineArgumentError');
  }

  it.each([64, 3, 1, 0, '8', undefined, 8.5])('n = %j', (n) => {
    const r = refusal(ok, { n });
    expect(r.field).toBe('n');
    expect(r.message).toMatch(/n must be one of 2, 4, 8, 16, 32/);
  });

  it('data of the wrong length, or not finite', () => {
    expect(refusal(new Float32Array(10), { n: 8 })).toMatchObject({
      field: 'data',
      message: expect.stringMatching(/needs 16/) as unknown,
    });
    expect(refusal([1, 2, NaN, 4], { n: 2 }).field).toBe('data');
  });

  it('flags and options', () => {
    expect(refusal(ok, { n: 8, inverse: 'yes' }).field).toBe('inverse');
    expect(refusal(ok, { n: 8, real: 1 }).field).toBe('real');
    expect(refusal(ok, null).field).toBe('options');
  });

  it('accepts every allowed size', () => {
    for (const n of FFT_STAGE_SIZES) {
      expect(checkFftStages(new Float32Array(2 * n), { n })).toEqual({
        n,
        inverse: false,
        real: false,
      });
    }
  });
});
