/**
 * The twiddle tables against float64 sin and cos, entry by entry: the root table is built from
 * the first octant by symmetry, and every table must equal the direct formula rounded once to
 * float32 (exact zeros and ±1 included, no −0).
 */
import { describe, expect, it } from 'vitest';
import {
  fourStepTwiddleIndex,
  fourStepTwiddleTable,
  stageTwiddleBlock,
  subgroupStageTwiddleBlock,
  subgroupTwiddleLayout,
  twiddleTable,
} from './twiddles';

/** W_n^e by the direct formula, snapped as the tables snap float64 noise at 0 and ±1. */
function direct(n: number, e: number): [number, number] {
  const a = (-2 * Math.PI * (e % n)) / n;
  const snap = (v: number): number =>
    Math.abs(v) < 1e-15 ? 0 : Math.abs(Math.abs(v) - 1) < 1e-15 ? Math.sign(v) : v;
  return [Math.fround(snap(Math.cos(a))), Math.fround(snap(Math.sin(a)))];
}

/** Entries of `table` (interleaved) that differ from W_n^e(at), by Object.is (−0 counts). */
function mismatches(table: Float32Array, n: number, entries: [at: number, e: number][]): string[] {
  const bad: string[] = [];
  for (const [at, e] of entries) {
    const [c, s] = direct(n, e);
    if (!Object.is(table[2 * at], c) || !Object.is(table[2 * at + 1], s)) {
      bad.push(`n ${n} e ${e}: (${table[2 * at]}, ${table[2 * at + 1]}) ≠ (${c}, ${s})`);
    }
  }
  return bad.slice(0, 5);
}

describe('twiddle tables', () => {
  it('W_n^m for every m of every n from 1 to 2^16 equals the direct formula bit for bit', () => {
    for (let log2 = 0; log2 <= 16; log2++) {
      const n = 2 ** log2;
      const table = twiddleTable(n);
      expect(table).toHaveLength(2 * n);
      const all = Array.from({ length: n }, (_, m): [number, number] => [m, m]);
      expect(mismatches(table, n, all)).toEqual([]);
    }
  });

  it('quarter turns are exact: W^0 = 1, W^(n/4) = −i, W^(n/2) = −1, W^(3n/4) = i', () => {
    const n = 1024;
    const t = twiddleTable(n);
    const at = (m: number): number[] => [t[2 * m] ?? NaN, t[2 * m + 1] ?? NaN];
    expect(at(0)).toEqual([1, 0]);
    expect(at(n / 4)).toEqual([0, -1]);
    expect(at(n / 2)).toEqual([-1, 0]);
    expect(at((3 * n) / 4)).toEqual([0, 1]);
  });

  it('a caller may change its copy: the next table is unchanged', () => {
    const first = twiddleTable(64);
    first.fill(7);
    expect(twiddleTable(64)[0]).toBe(1);
  });

  it('stage, four-step and subgroup blocks are W at their documented entries', () => {
    const n = 4096;
    const [radix, ns] = [16, 256];
    const stage: [number, number][] = [];
    for (let m = 1; m < radix; m++) {
      for (let k = 0; k < ns; k++) stage.push([(m - 1) * ns + k, (m * k * n) / (ns * radix)]);
    }
    expect(mismatches(stageTwiddleBlock(n, radix, ns), n, stage)).toEqual([]);

    const [bigN, inner, len, block] = [65536, 256, 256, 4];
    const four: [number, number][] = [];
    for (let k = 0; k < len; k++) {
      for (let w = 0; w < inner; w++) four.push([fourStepTwiddleIndex(w, k, len, block), w * k]);
    }
    expect(mismatches(fourStepTwiddleTable(bigN, inner, len, block), bigN, four)).toEqual([]);

    const [R, S, sns] = [16, 4, 16];
    const L = subgroupTwiddleLayout(R, S, sns);
    const sub: [number, number][] = [];
    for (let m = 0; m < R; m++) {
      for (let k = 0; k < sns; k++) {
        for (let l = 0; l < S; l++) {
          sub.push([
            L.input + m * L.inputStride + k * S + l,
            ((l + S * m) * k * n) / (sns * R * S),
          ]);
        }
      }
    }
    expect(mismatches(subgroupStageTwiddleBlock(n, R, S, sns), n, sub)).toEqual([]);
  });
});
