import { describe, expect, it } from 'vitest';
import { createRng } from '../../workloads/rng';
import { wht64InPlace } from './wht64';

/** H_1 = [1], H_2n = [[H_n, H_n], [H_n, −H_n]]: Sylvester's construction, row-major. */
function sylvester(n: number): Int8Array {
  let h = Int8Array.of(1);
  for (let m = 1; m < n; m *= 2) {
    const next = new Int8Array(4 * m * m);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) {
        const v = h[r * m + c] as number;
        next[r * 2 * m + c] = v;
        next[r * 2 * m + c + m] = v;
        next[(r + m) * 2 * m + c] = v;
        next[(r + m) * 2 * m + c + m] = -v;
      }
    }
    h = next;
  }
  return h;
}

/** Small integers, so every sum in the transform is exact and results compare with toEqual. */
function integers(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => Math.floor(rng.uniform(-100, 100)));
}

describe('wht64InPlace', () => {
  it('equals the Sylvester matrix product H_n·x for n = 2 … 64', () => {
    for (let n = 2; n <= 64; n *= 2) {
      const h = sylvester(n);
      const x = integers(n, n);
      const expected = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += (h[r * n + c] as number) * (x[c] as number);
        expected[r] = s;
      }
      const y = x.slice();
      wht64InPlace(y, 0, n);
      expect(y).toEqual(expected);
    }
  });

  it('is its own inverse up to n: H·H·x = n·x for n up to 2^12', () => {
    for (let n = 2; n <= 4096; n *= 2) {
      const x = integers(n, 100 + n);
      const y = x.slice();
      wht64InPlace(y, 0, n);
      wht64InPlace(y, 0, n);
      expect(y).toEqual(x.map((v) => v * n));
    }
  });

  it('is linear', () => {
    const n = 256;
    const rng = createRng(7);
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const y = Float64Array.from({ length: n }, () => rng.normal());
    const [a, b] = [0.3, -2.5];
    const combo = x.map((v, i) => a * v + b * (y[i] as number));
    wht64InPlace(x, 0, n);
    wht64InPlace(y, 0, n);
    wht64InPlace(combo, 0, n);
    for (let i = 0; i < n; i++) {
      expect(combo[i]).toBeCloseTo(a * (x[i] as number) + b * (y[i] as number), 10);
    }
  });

  it('touches only x[offset … offset + n)', () => {
    const x = Float64Array.of(9, 1, 2, 3, 4, 9);
    wht64InPlace(x, 1, 4);
    // H_4·[1, 2, 3, 4] = [10, −2, −4, 0].
    expect(Array.from(x)).toEqual([9, 10, -2, -4, 0, 9]);
  });

  it('rejects a length that is not a power of two, or a range past the end', () => {
    expect(() => wht64InPlace(new Float64Array(6), 0, 6)).toThrow(RangeError);
    expect(() => wht64InPlace(new Float64Array(8), 1, 8)).toThrow(RangeError);
  });
});
