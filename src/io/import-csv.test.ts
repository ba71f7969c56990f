import { describe, expect, it } from 'vitest';
import { importFile, ImportError, type ImportedData } from './import';
import { utf8 } from './testing/text-bytes';

function csv(text: string, name = 'data.csv'): ImportedData {
  return importFile(name, utf8(text));
}

function problemOf(text: string, name = 'bad.csv'): string {
  try {
    csv(text, name);
  } catch (e) {
    if (e instanceof ImportError) return e.problem;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('CSV: orientation', () => {
  it('treats columns as signals when there is a header', () => {
    const d = csv('left,right\n1,5\n2,6\n3,7\n4,8\n');
    expect(d.kind).toBe('csv');
    expect(d.batch).toBe(2);
    expect(d.shape).toEqual([4]);
    expect(Array.from(d.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(d.notes).toEqual([
      "read 4 rows × 2 columns separated by ','",
      'skipped the header row (left, right)',
      'treated each column as one signal (the file has a header): 2 signals of 4 samples',
    ]);
  });

  it('treats columns as signals when there are more rows than columns', () => {
    const d = csv('1,10\n2,20\n3,30\n4,40\n');
    expect(d.batch).toBe(2);
    expect(Array.from(d.data)).toEqual([1, 2, 3, 4, 10, 20, 30, 40]);
    expect(d.notes[1]).toMatch(/each column .*more rows than columns/);
  });

  it('treats rows as signals otherwise', () => {
    const d = csv('1,2,3,4\n5,6,7,8\n');
    expect(d.batch).toBe(2);
    expect(d.shape).toEqual([4]);
    expect(Array.from(d.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(d.notes[1]).toMatch(/^treated each row as one signal/);
  });

  it('reads one value per line as one signal', () => {
    const d = csv('0.5\n-1.25\n3e2\n.5\n');
    expect(d.batch).toBe(1);
    expect(Array.from(d.data)).toEqual([0.5, -1.25, 300, 0.5]);
  });
});

describe('CSV: dialects', () => {
  // 2×2 tables without a header are read row by row; with a header, column by column.
  const dialects: [string, string, string, number[]][] = [
    ['semicolons, decimal commas, CRLF', 'd.csv', '1,5;2\r\n-3,25;4\r\n', [1.5, 2, -3.25, 4]],
    ['tabs with a header', 'd.csv', 'a\tb\n1.5\t-3.25\n2\t4\n', [1.5, 2, -3.25, 4]],
    [
      'spaces and a # comment in .txt',
      'd.txt',
      '# numpy.savetxt\n1.5   2\n  -3.25 4\n',
      [1.5, 2, -3.25, 4],
    ],
    [
      'quoted fields with a header',
      'd.csv',
      '"x","y"\n"1.5","2"\n"-3.25","4"\n',
      [1.5, -3.25, 2, 4],
    ],
    ['blank lines around one row', 'd.csv', '\n\n1.5,2,-3.25,4\n\n\n', [1.5, 2, -3.25, 4]],
    ['old Mac CR line ends', 'd.csv', '1.5,2\r-3.25,4\r', [1.5, 2, -3.25, 4]],
  ];
  for (const [what, name, text, values] of dialects) {
    it(what, () => expect(Array.from(csv(text, name).data)).toEqual(values));
  }

  it('reads a UTF-16 file with a byte-order mark (Excel "Unicode text")', () => {
    const text = 'v\n1\n2\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    Array.from(text).forEach((c, i) => bytes.set([c.charCodeAt(0), 0], 2 + 2 * i));
    expect(Array.from(importFile('u.txt', bytes.buffer).data)).toEqual([1, 2]);
  });

  it('reads the header of a pandas index column (an empty first name)', () => {
    const d = csv(',a\n0,7\n1,8\n');
    expect(d.batch).toBe(2);
    expect(Array.from(d.data)).toEqual([0, 1, 7, 8]);
  });
});

describe('CSV: padding', () => {
  it('zero-pads signals to the next power of two, saying so', () => {
    const d = csv(Array.from({ length: 1000 }, (_, i) => String(i)).join('\n'));
    expect(d.shape).toEqual([1024]);
    expect(d.data[999]).toBe(999);
    expect(Array.from(d.data.subarray(1000))).toEqual(new Array(24).fill(0));
    expect(d.notes.at(-1)).toBe(
      'zero-padded the signal from 1000 to 1024 samples at its end, since FFT lengths must be powers of two',
    );
  });

  it('pads a single value to the shortest FFT, 2', () => {
    expect(csv('7\n').shape).toEqual([2]);
  });
});

describe('CSV: errors name the file, the problem and where', () => {
  it('says which file', () => {
    expect(() => csv('x\n1\nabc\n', 'mine.csv')).toThrow(
      /^mine\.csv: malformed value "abc" at line 3, column 1/,
    );
  });

  const cases: [string, string, string | RegExp][] = [
    ['whitespace only', ' \n\n \n', 'the file is empty'],
    ['header only', 'a,b,c\n', 'the file has a header row but no rows of numbers'],
    ['ragged rows', '1,2,3\n4,5,6\n7,8\n', 'ragged rows: line 3 has 2 values but line 1 has 3'],
    [
      'ragged after header',
      't,x\n1,2\n# c\n3,4,5\n',
      'ragged rows: line 4 has 3 values but line 1 has 2',
    ],
    [
      'malformed cell',
      '1,2\n3,abc\n',
      'malformed value "abc" at line 2, column 2; expected a number',
    ],
    ['mixed first row', 'time,3.2\n1,2\n', /malformed value "time" at line 1, column 1/],
    ['empty cell', '1,,3\n', 'empty value at line 1, column 2'],
    ['NaN', '1\n2\nNaN\n', 'NaN at line 3, column 1; every sample must be a finite number'],
    ['inf', '1;-inf\n', '-inf at line 1, column 2; every sample must be a finite number'],
    [
      'overflowing number',
      '1\n1e400\n',
      'Infinity at line 2, column 1; every sample must be a finite number',
    ],
    [
      'beyond float32',
      '1e39\n',
      '1e+39 at line 1, column 1 is outside the float32 range (±3.4e38)',
    ],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => expect(problemOf(text)).toMatch(message));
  }

  it('refuses signals longer than 2^20 samples', () => {
    const text = '0\n'.repeat(2 ** 20 + 1);
    expect(problemOf(text)).toBe(
      'signals are 1048577 samples long; the limit is 1048576 (2^20) samples per signal',
    );
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => importFile('bin.csv', new Uint8Array([0x31, 0xc3, 0x28, 0x0a]).buffer)).toThrow(
      'bin.csv: the file is not UTF-8 text',
    );
  });
});

describe('CSV: messages that name the real cause', () => {
  it('full-width digits are named as non-ASCII digits, not a header without rows', () => {
    expect(problemOf('１\n２\n３\n')).toBe(
      `non-ASCII digit '１' (U+FF11) in "１" at line 1, column 1; numbers must use the ASCII digits 0-9 (convert full-width or other scripts first)`,
    );
    expect(problemOf('a,b\n1,٣\n')).toMatch(/non-ASCII digit '٣' \(U\+0663\) .* line 2, column 2/);
  });

  it('a control character is named with its line and position', () => {
    expect(problemOf('1\n2\u0000\n3\n')).toMatch(
      /^control character U\+0000 at line 2, character 2; this looks like a binary file/,
    );
    expect(problemOf('\u0001\u0002')).toMatch(/U\+0001 at line 1, character 1/);
  });

  it('UTF-16 without a byte-order mark is named as such, not as ragged rows', () => {
    const text = '1,2\n3,4\n5,6\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    const error = (() => {
      try {
        importFile('utf16.csv', le.buffer);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problem).toMatch(
      /^the file looks like UTF-16LE text without a byte-order mark/,
    );
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) be[2 * i + 1] = text.charCodeAt(i);
    expect(() => importFile('utf16.csv', be.buffer)).toThrow(/UTF-16BE text without a byte-order/);
    const bom = new Uint8Array([0xff, 0xfe, ...le]);
    expect(Array.from(importFile('utf16.csv', bom.buffer).data)).toEqual([1, 3, 5, 0, 2, 4, 6, 0]);
  });

  it('values that underflow float32 are kept as 0 and the notes say so', () => {
    const d = csv('1\n1e-50\n-2e-46\n4\n');
    expect(Array.from(d.data)).toEqual([1, 0, -0, 4]);
    expect(d.notes).toContain(
      `2 values smaller than float32's smallest (±1.4e-45) became 0, the first "1e-50" at line 2, column 1`,
    );
    expect(csv('1\n2e-45\n').notes.join()).not.toMatch(/smallest/);
  });
});
