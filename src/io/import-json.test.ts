import { describe, expect, it } from 'vitest';
import { importFile, ImportError } from './import';
import { utf8 } from './testing/text-bytes';

function problemOf(text: string): string {
  try {
    importFile('bad.json', utf8(text));
  } catch (e) {
    if (e instanceof ImportError) return e.problem;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('JSON: accepted shapes', () => {
  it('number[] is one signal', () => {
    const d = importFile('s.json', utf8('[1, -2.5, 3e-2, 0]'));
    expect(d).toMatchObject({ name: 's.json', kind: 'json', shape: [4], batch: 1 });
    expect(Array.from(d.data)).toEqual([1, -2.5, Math.fround(0.03), 0]);
    expect(d.notes).toEqual(['read one signal of 4 samples']);
  });

  it('number[][] is one signal per inner array', () => {
    const d = importFile('s.json', utf8('[[1, 2], [3, 4], [5, 6]]'));
    expect(d).toMatchObject({ shape: [2], batch: 3 });
    expect(Array.from(d.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('{"signals": number[][]}, padded to a power of two', () => {
    const d = importFile('s.json', utf8('{"signals": [[1, 2, 3], [4, 5, 6]], "rate": 100}'));
    expect(d).toMatchObject({ shape: [4], batch: 2 });
    expect(Array.from(d.data)).toEqual([1, 2, 3, 0, 4, 5, 6, 0]);
    expect(d.notes.at(-1)).toMatch(/^zero-padded each signal from 3 to 4 samples/);
  });
});

describe('JSON: errors say where', () => {
  const cases: [string, string, string | RegExp][] = [
    ['whitespace only', '  \n', 'the file is empty'],
    ['malformed', '[1, 2,, 3]', /^malformed JSON: /],
    [
      'a string',
      '"hello"',
      'expected number[], number[][] or {"signals": number[][]}; the document is string',
    ],
    [
      'an object without signals',
      '{"data": [1]}',
      'a JSON object must hold a "signals" array of arrays; it has keys data',
    ],
    ['signals not an array', '{"signals": 5}', /signals is number$/],
    ['empty array', '[]', 'the array is empty: no samples'],
    ['empty signals', '{"signals": []}', 'signals is empty: no samples'],
    ['empty inner arrays', '[[], []]', 'the file holds no samples'],
    ['ragged', '[[1, 2], [3]]', 'ragged rows: [1] has 1 samples but [0] has 2'],
    [
      'ragged signals',
      '{"signals": [[1], [2], [3, 4]]}',
      'ragged rows: signals[2] has 2 samples but signals[0] has 1',
    ],
    ['mixed nesting', '[[1, 2], 3]', '[1] is number, but [0] is an array of samples'],
    [
      'null (NaN written by JSON.stringify)',
      '[1, null, 3]',
      '[1] is null, not a number (JSON writes NaN and Infinity as null)',
    ],
    ['string sample', '{"signals": [[1, "2"]]}', 'signals[0][1] is string, not a number'],
    ['too deep', '[[[1]]]', '[0][0] is an array, not a number'],
    ['overflow to Infinity', '[1, 1e400]', 'Infinity at [1]; every sample must be a finite number'],
    ['beyond float32', '[[0, 1e39]]', '1e+39 at [0][1] is outside the float32 range (±3.4e38)'],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => expect(problemOf(text)).toMatch(message));
  }

  it('refuses more than 2^24 samples in total', () => {
    const row = `[${new Array(2 ** 20).fill(0).join(',')}]`;
    const text = `[${new Array(17).fill(row).join(',')}]`;
    expect(problemOf(text)).toBe(
      '17 signals of 1048576 samples are 17825792 samples; the limit is 16777216 (2^24) samples in total',
    );
  });
});

describe('JSON: underflow', () => {
  it('says which values float32 turned into 0', () => {
    const bytes = new TextEncoder().encode('[[1, 1e-50], [3, 4]]');
    const d = importFile('u.json', bytes.buffer);
    expect(d.notes).toContain(
      `1 value smaller than float32's smallest (±1.4e-45) became 0, the first [0][1] = 1e-50`,
    );
  });
});
