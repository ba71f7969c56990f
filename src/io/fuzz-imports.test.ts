/**
 * Fuzzing every import parser and the URL hash / localStorage readers with seeded generated and
 * mutated inputs. Each must refuse with an ImportError naming the file (and the line or index
 * of a bad value), or return data the engine can take; none may throw anything else, pollute
 * Object.prototype or spend more than CASE_MS on one input.
 */
import { describe, expect, it } from 'vitest';
import { isPowerOfTwo } from '../engine/validate';
import { parseConfig, DEFAULT_CONFIG } from './config';
import { importFile, importImagePixels, ImportError, MAX_TOTAL_SAMPLES } from './import';
import type { ImportedData } from './import-data';
import { decodeHash, encodeHash, loadStored, STORAGE_KEY } from './permalink';
import {
  fuzz,
  int,
  mutateBytes,
  mutateText,
  NASTY_TOKENS,
  pick,
  type FuzzBudget,
} from './testing/fuzz';
import { utf8 } from './testing/text-bytes';
import { wav } from './testing/wav-bytes';

/** Per input: inputs here are at most a few KB, so anything slower is a parser gone quadratic. */
const CASE_MS = 250;
const budget = (seed: number, cases: number): FuzzBudget => ({
  seed,
  cases,
  totalMs: 2500,
  caseMs: CASE_MS,
});

function checkImported(d: ImportedData): void {
  expect(d.shape.length === 1 || d.shape.length === 2).toBe(true);
  for (const n of d.shape) expect(isPowerOfTwo(n) && n >= 2).toBe(true);
  const n = d.shape.reduce((a, b) => a * b, 1);
  expect(Number.isSafeInteger(d.batch) && d.batch >= 1).toBe(true);
  expect(d.data.length).toBe(d.batch * n);
  expect(d.data.length).toBeLessThanOrEqual(MAX_TOTAL_SAMPLES);
  for (const v of d.data) if (!Number.isFinite(v)) throw new Error(`non-finite sample ${v}`);
}

/** A refusal must be an ImportError naming the file, and the place of a bad value. */
function checkRefusal(e: unknown, file: string): void {
  if (!(e instanceof ImportError)) throw e;
  expect(e.file).toBe(file);
  expect(e.message).toBe(`${file}: ${e.problem}`);
  expect(e.problem.length).toBeGreaterThan(0);
  if (/^(malformed|empty) value|^control character|^non-ASCII digit|^ragged rows/.test(e.problem)) {
    expect(e.problem).toMatch(/line \d+|\[\d+\]/);
  }
}

function importOrRefuse(file: string, bytes: ArrayBuffer): void {
  let d: ImportedData;
  try {
    d = importFile(file, bytes);
  } catch (e) {
    checkRefusal(e, file);
    return;
  }
  checkImported(d);
}

const CSV_SEEDS = [
  'a,b\n1,2\n3,4\n5,6\n',
  '1;2,5\n3;4\n',
  '# comment\n0.5 1.5\n-2 3e2\n',
  '"x"\t"y"\n1\t2\n',
  '1\n2\n3\n4\n5\n',
];
const JSON_SEEDS = ['[1,2,3]', '[[1,2],[3,4]]', '{"signals":[[0.5,-1],[2,3]]}', '[[1e-50, 2]]'];

function afterEach(): void {
  // A parser that assigns through __proto__ would show up on every object.
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('fuzz: file imports refuse clearly or return engine-ready data', () => {
  it('CSV (mutated tables and random token soup)', () => {
    const report = fuzz(
      budget(1501, 3000),
      (rng) =>
        rng.next() < 0.8
          ? mutateText(rng, pick(rng, CSV_SEEDS))
          : Array.from({ length: int(rng, 0, 30) }, () => pick(rng, NASTY_TOKENS)).join(''),
      (text) => importOrRefuse('fuzz.csv', utf8(text)),
    );
    afterEach();
    expect(report.cases).toBeGreaterThan(100);
  });

  it('JSON (mutated documents)', () => {
    const report = fuzz(
      budget(1502, 3000),
      (rng) => mutateText(rng, pick(rng, JSON_SEEDS)),
      (text) => importOrRefuse('fuzz.json', utf8(text)),
    );
    afterEach();
    expect(report.cases).toBeGreaterThan(100);
  });

  it('WAV (mutated headers and chunks)', () => {
    const seeds = [
      new Uint8Array(wav([[0], [100], [-100], [5]], { code: 1, channels: 1, bits: 16 })),
      new Uint8Array(
        wav(
          [
            [0, 1],
            [0.5, -0.5],
          ],
          { code: 3, channels: 2, bits: 32 },
        ),
      ),
      new Uint8Array(wav([[1], [2], [3]], { code: 1, channels: 1, bits: 8 })),
    ];
    const report = fuzz(
      budget(1503, 3000),
      (rng) => mutateBytes(rng, pick(rng, seeds)),
      (bytes) => importOrRefuse('fuzz.wav', bytes),
    );
    expect(report.cases).toBeGreaterThan(100);
  });

  it('random bytes under any name', () => {
    const names = ['a.csv', 'a.txt', 'a.json', 'a.wav', 'a.png', 'noext', '.csv', 'A.CSV'];
    fuzz(
      budget(1504, 2000),
      (rng) => ({
        name: pick(rng, names),
        bytes: new Uint8Array(Array.from({ length: int(rng, 0, 64) }, () => int(rng, 0, 255)))
          .buffer,
      }),
      ({ name, bytes }) => importOrRefuse(name, bytes),
    );
  });

  it('image pixels of any claimed size', () => {
    fuzz(
      budget(1505, 2000),
      (rng) => {
        const width = pick(rng, [0, 1, 2, 3, 5, 64, 2049, -1, 1.5, NaN, 2 ** 40]);
        const height = pick(rng, [0, 1, 2, 7, 33, -3, Infinity]);
        const length = rng.next() < 0.5 ? width * height * 4 : int(rng, 0, 200);
        const safe = Number.isSafeInteger(length) && length >= 0 && length < 2 ** 20;
        return { width, height, rgba: new Uint8ClampedArray(safe ? length : 16) };
      },
      ({ width, height, rgba }) => {
        let d: ImportedData;
        try {
          d = importImagePixels('fuzz.png', width, height, rgba);
        } catch (e) {
          checkRefusal(e, 'fuzz.png');
          return;
        }
        checkImported(d);
      },
    );
  });
});

describe('fuzz: URL hash and stored configuration', () => {
  const valid = encodeHash({ ...DEFAULT_CONFIG, n: 2048, phi: 0.5, batch: 4 });

  it('decodeHash never throws, names a field in every problem, and keeps a valid config', () => {
    const report = fuzz(
      budget(1506, 3000),
      (rng) =>
        rng.next() < 0.7
          ? mutateText(rng, valid, int(rng, 1, 8))
          : `#${Array.from({ length: int(rng, 0, 40) }, () => pick(rng, NASTY_TOKENS)).join('')}`,
      (hash) => {
        const { config, problems } = decodeHash(hash);
        expect(parseConfig(config).problems).toEqual([]);
        for (const p of problems) {
          expect(p.field.length).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(0);
        }
        // Collapsed: a hash never makes more lines than fields plus the capped key reports.
        expect(problems.length).toBeLessThanOrEqual(60);
      },
    );
    afterEach();
    expect(report.cases).toBeGreaterThan(100);
  });

  it('loadStored never throws and keeps a valid config', () => {
    const stored = JSON.stringify({ ...DEFAULT_CONFIG, n: 4096 });
    fuzz(
      budget(1507, 3000),
      (rng) => mutateText(rng, stored),
      (text) => {
        const storage = { getItem: (k: string) => (k === STORAGE_KEY ? text : null) };
        const { config, problems } = loadStored(storage);
        expect(parseConfig(config).problems).toEqual([]);
        for (const p of problems) expect(p.field.length).toBeGreaterThan(0);
      },
    );
    afterEach();
  });
});
