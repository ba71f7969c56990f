import { describe, expect, it } from 'vitest';
import { ScalingDataError } from './errors';
import { parsePointsCsv, pointsToCsv } from './points-csv';

function errorOf(text: string): ScalingDataError {
  try {
    parsePointsCsv(text);
  } catch (e) {
    if (e instanceof ScalingDataError) return e;
    throw e;
  }
  throw new Error('expected a ScalingDataError');
}

describe('parsePointsCsv', () => {
  it('reads x,y rows (CRLF, spaces, exponents, trailing blank lines) and round-trips', () => {
    const p = parsePointsCsv('\uFEFFx, y\r\n1,10\r\n2 , 1.5e1\n4,-3\n\n');
    expect(p).toEqual({ x: [1, 2, 4], y: [10, 15, -3] });
    expect(parsePointsCsv(pointsToCsv(p))).toEqual(p);
  });

  it('refuses a missing or wrong header', () => {
    expect(errorOf('').message).toMatch(/header 'x,y'/);
    expect(errorOf('n,throughput\n1,2').message).toMatch(/header 'x,y' \(got 'n,throughput'\)/);
    expect(errorOf('x,y\n').message).toMatch(/no data rows/);
  });

  it.each([
    ['x,y\n1,2\n2,NaN', 2, /row 2: y is not a finite number \(got 'NaN'\)/],
    ['x,y\n1,2\n2,3\n0,4', 3, /row 3: x must be positive/],
    ['x,y\n-1,2', 1, /row 1: x must be positive/],
    ['x,y\n1,\n', 1, /row 1: y is not a finite number \(got ''\)/],
    ['x,y\n1,2\n0x10,3', 2, /row 2: x is not a finite number/],
    ['x,y\n1,2,3', 1, /row 1: expected 2 fields/],
    ['x,y\n1,2\n\n3,4', 2, /row 2: expected 2 fields/],
    ['x,y\n1,Infinity', 1, /row 1: y is not a finite number/],
  ])('names the row of bad data: %j', (text, row, message) => {
    const e = errorOf(text);
    expect(e.row).toBe(row);
    expect(e.message).toMatch(message);
  });
});
