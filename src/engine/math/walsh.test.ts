import { describe, expect, it } from 'vitest';
import { wht64InPlace } from '../cpu/wht64';
import { sequencyToNatural, toSequencyOrder } from './walsh';

/** Row r of H_n, as the WHT of the unit vector e_r (H is symmetric). */
function row(r: number, n: number): Float64Array {
  const e = new Float64Array(n);
  e[r] = 1;
  wht64InPlace(e, 0, n);
  return e;
}

function signChanges(v: Float64Array): number {
  let c = 0;
  for (let i = 1; i < v.length; i++)
    if (Math.sign(v[i] as number) !== Math.sign(v[i - 1] as number)) c++;
  return c;
}

describe('sequency order', () => {
  it('maps sequency s to the natural row with exactly s sign changes, n = 2 … 64', () => {
    for (let n = 2; n <= 64; n *= 2) {
      for (let s = 0; s < n; s++) expect(signChanges(row(sequencyToNatural(s, n), n))).toBe(s);
    }
  });

  it('is a permutation of 0 … n−1', () => {
    for (let n = 2; n <= 1024; n *= 2) {
      const seen = new Set(Array.from({ length: n }, (_, s) => sequencyToNatural(s, n)));
      expect(seen.size).toBe(n);
      expect(Math.min(...seen)).toBe(0);
      expect(Math.max(...seen)).toBe(n - 1);
    }
  });

  it('reorders the natural-order output of a signal, reading at an offset', () => {
    // H_8 rows in natural order have 0, 7, 3, 4, 1, 6, 2, 5 sign changes.
    const natural = [-1, 0, 7, 3, 4, 1, 6, 2, 5];
    expect(Array.from(toSequencyOrder(natural, 8, 1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects a length that is not a power of two and an out-of-range sequency', () => {
    expect(() => sequencyToNatural(0, 12)).toThrow(RangeError);
    expect(() => sequencyToNatural(8, 8)).toThrow(RangeError);
    expect(() => toSequencyOrder([1, 2], 4)).toThrow(RangeError);
  });
});
