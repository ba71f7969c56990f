/**
 * The streaming CSV and JSON readers against the whole-text readers they replace: on generated
 * tables and documents (and every chunk boundary the small chunk sizes put inside lines,
 * numbers, CRLF pairs and UTF-8 characters) both must give the same samples, bit for bit, the
 * same notes, or the same refusal.
 */
import { describe, expect, it } from 'vitest';
import type { Rng } from '../workloads/rng';
import { importCsv } from './import-csv';
import { ImportError, type ImportedData } from './import-data';
import { importJson, parsedJson } from './import-json';
import { numberAt, readNumericJson } from './import-json-stream';
import { TextScan } from './import-scan';
import { isSpace, LineSplitter } from './import-text';
import { referenceCsv } from './testing/csv-reference';
import { fuzz, int, mutateText, NASTY_TOKENS, pick } from './testing/fuzz';
import { utf8 } from './testing/text-bytes';

/** A result or a refusal, in a form toEqual compares exactly (samples as their bits). */
function outcome(run: () => ImportedData): unknown {
  try {
    const d = run();
    const bits = Array.from(new Uint32Array(d.data.buffer, d.data.byteOffset, d.data.length));
    return { kind: d.kind, shape: d.shape, batch: d.batch, notes: d.notes, bits };
  } catch (e) {
    if (e instanceof ImportError) return { refused: e.message };
    throw e;
  }
}

function utf16le(text: string): ArrayBuffer {
  const bytes = new Uint8Array(2 + 2 * text.length);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes.buffer;
}

const budget = (seed: number, cases: number) => ({ seed, cases, totalMs: 6000, caseMs: 500 });

describe('text helpers', () => {
  it('isSpace is exactly the set trim() removes and /\\s/ matches', () => {
    for (let c = 0; c < 0x10000; c++) {
      expect(isSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
    }
  });

  it('LineSplitter cuts lines as split(/\\r\\n|\\n|\\r/) does, wherever the chunks end', () => {
    const parts = ['a', 'bc', '\r', '\n', '\r\n', '', ' ', 'x\ny', '\r\r', '\n\n'];
    fuzz(
      budget(2101, 3000),
      (rng) => ({
        text: Array.from({ length: int(rng, 0, 12) }, () => pick(rng, parts)).join(''),
        cuts: Array.from({ length: int(rng, 0, 5) }, () => rng.next()),
      }),
      ({ text, cuts }) => {
        const at = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
        const lines: [string, number][] = [];
        const splitter = new LineSplitter((line, n) => lines.push([line, n]));
        let from = 0;
        for (const cut of [...at, text.length]) {
          if (cut > from) splitter.feed(text.slice(from, cut));
          from = Math.max(from, cut);
        }
        splitter.finish();
        expect(lines).toEqual(text.split(/\r\n|\n|\r/).map((l, i) => [l, i + 1]));
      },
    );
  });
});

const CELLS = [
  '1',
  '-2.5',
  '+.5',
  '3e2',
  '1E-50',
  '-2e-46',
  '2e-45',
  '1e400',
  '1e39',
  '0',
  '-0',
  '007',
  '1,5',
  '-3,25',
  '"4"',
  ' 5 ',
  '"a"',
  '""',
  'time',
  'x1',
  'NaN',
  '-inf',
  '１',
  '٣',
  'abc',
  '',
  '0.1234567890123456789',
];
const BLANKS = [' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028'];
const BREAKS = ['\n', '\r\n', '\r'];

/** A table as a person or a program might write it, with the odd flaw. */
function table(rng: Rng): string {
  const delimiter = pick(rng, [',', ';', '\t', ' ', '  ']);
  const rows = int(rng, 0, 6);
  const cols = int(rng, 1, 5);
  const brk = pick(rng, BREAKS);
  const cell = (): string =>
    rng.next() < 0.8 ? String(int(rng, -99, 99) / pick(rng, [1, 4, 1000])) : pick(rng, CELLS);
  const lines: string[] = [];
  if (rng.next() < 0.3) lines.push(`# ${pick(rng, CELLS)}`);
  if (rng.next() < 0.4) lines.push(Array.from({ length: cols }, (_, c) => `c${c}`).join(delimiter));
  for (let r = 0; r < rows; r++) {
    const width = rng.next() < 0.05 ? cols + int(rng, -1, 1) : cols;
    const line = Array.from({ length: Math.max(1, width) }, cell).join(delimiter);
    lines.push(rng.next() < 0.1 ? `${pick(rng, BLANKS)}${line}${pick(rng, BLANKS)}` : line);
    if (rng.next() < 0.1) lines.push(pick(rng, ['', '  ', '# note', ' \u00a0# x', '\u3000']));
  }
  return lines.join(brk) + (rng.next() < 0.5 ? brk : '');
}

describe('CSV: the streaming reader gives the whole-text reader’s results and refusals', () => {
  it('on generated and mutated tables, in chunks of 1, 2, 3, 7 and 64 bytes and whole', () => {
    const report = fuzz(
      budget(2102, 2500),
      (rng) => {
        const kind = rng.next();
        const text =
          kind < 0.6
            ? table(rng)
            : kind < 0.85
              ? mutateText(rng, table(rng))
              : Array.from({ length: int(rng, 1, 30) }, () => pick(rng, NASTY_TOKENS)).join('');
        return { text, utf16: rng.next() < 0.1 };
      },
      ({ text, utf16 }) => {
        const bytes = utf16 ? utf16le(text) : utf8(text);
        if (bytes.byteLength === 0) return;
        const expected = outcome(() => referenceCsv('t.csv', bytes));
        for (const chunk of [1, 2, 3, 7, 64, undefined]) {
          expect(outcome(() => importCsv('t.csv', bytes, undefined, chunk))).toEqual(expected);
        }
      },
    );
    expect(report.cases).toBeGreaterThan(300);
  });

  it('on bytes that are not UTF-8 after a control character, naming the encoding first', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('1\n\u0001\n2,x\n'), 0xc3, 0x28]);
    for (const chunk of [1, 4, undefined]) {
      expect(outcome(() => importCsv('b.csv', bytes.buffer, undefined, chunk))).toEqual({
        refused: 'b.csv: the file is not UTF-8 text',
      });
    }
    const control = utf8('1,abc\n2\r\n3 \u0000\n');
    expect(outcome(() => importCsv('c.csv', control, undefined, 2))).toEqual(
      outcome(() => referenceCsv('c.csv', control)),
    );
  });

  it('reports progress in bytes of the file, rising to its size', () => {
    const bytes = utf8(`${'0.25,-1.5\n'.repeat(300_000)}`);
    const seen: number[] = [];
    importCsv('p.csv', bytes, (done, total) => {
      expect(total).toBe(bytes.byteLength);
      seen.push(done);
    });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.every((d, i) => i === 0 || d >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.at(-1)).toBe(bytes.byteLength);
  });
});

const NUMBERS = [
  '0',
  '-0',
  '1',
  '-2.5',
  '3e2',
  '3E+2',
  '1e-50',
  '-2e-46',
  '1e400',
  '1e39',
  '-1e39',
  '3.4028234663852886e38',
  '0.1',
  '123456789012345',
  '1234567890123456789',
  '0.30000000000000004',
  '1.7976931348623157e308',
  '5e-324',
  '01',
  '.5',
  '+1',
  '1.',
  'NaN',
  'null',
  '"1"',
  'true',
];

/** A JSON document of the shapes the importer reads, with the odd flaw. */
function document(rng: Rng): string {
  const num = (): string => {
    const r = rng.next();
    if (r < 0.3) return String(int(rng, -999, 999));
    if (r < 0.55) return String((rng.next() - 0.5) * 10 ** int(rng, -8, 8));
    if (r < 0.7) return ((rng.next() - 0.5) * 100).toFixed(int(rng, 0, 6));
    if (r < 0.85)
      return (rng.next() * 10).toExponential(int(rng, 0, 20)).replace('+', pick(rng, ['+', '']));
    return pick(rng, NUMBERS);
  };
  const sp = (): string => (rng.next() < 0.2 ? pick(rng, [' ', '\n', '\t ', '\r\n  ']) : '');
  const list = (n: number): string =>
    `[${sp()}${Array.from({ length: n }, num).join(`${sp()},${sp()}`)}${sp()}]`;
  const length = int(rng, 0, 6);
  const batch = int(rng, 1, 4);
  const arrays =
    rng.next() < 0.3
      ? list(Math.max(1, length))
      : `[${Array.from({ length: batch }, () => list(rng.next() < 0.05 ? int(rng, 0, 6) : length)).join(`,${sp()}`)}]`;
  if (rng.next() < 0.6) return `${sp()}${arrays}${sp()}`;
  const members = [`"signals"${sp()}:${sp()}${arrays}`];
  const extra = [
    '"rate": 100',
    '"name": "caf\\u00e9 \\"x\\"\\n"',
    '"ok": true',
    '"none": null',
    '"f": false',
    '"nested": [1]',
    '"obj": {}',
    '"é": 1',
    '"signal\\u0073": [[9]]',
    '"signals": [[7]]',
    '"__proto__": {"x": 1}',
  ];
  for (let k = int(rng, 0, 2); k > 0; k--) members.push(pick(rng, extra));
  if (rng.next() < 0.5) members.reverse();
  return `{${sp()}${members.join(`,${sp()}`)}${sp()}}`;
}

describe('JSON: the streaming reader gives JSON.parse’s results and refusals', () => {
  it('reads the numeric shapes without JSON.parse', () => {
    for (const doc of ['[1, 2]', '[[1],[2]]', '{"signals": [[1]], "rate": 100, "n": "x\\n"}']) {
      expect(readNumericJson('s.json', new Uint8Array(utf8(doc)))).not.toBeNull();
    }
    for (const doc of [
      '[]',
      '[1, null]',
      '{"signals": [[1]], "a": [1]}',
      '"x"',
      '\ufeff\ufeff[1]',
    ]) {
      expect(readNumericJson('s.json', new Uint8Array(utf8(doc)))).toBeNull();
    }
  });

  it('on generated and mutated documents', () => {
    const report = fuzz(
      budget(2103, 3000),
      (rng) => (rng.next() < 0.7 ? document(rng) : mutateText(rng, document(rng))),
      (doc) => {
        const bytes = utf8(doc);
        if (bytes.byteLength === 0) return;
        expect(outcome(() => importJson('d.json', bytes))).toEqual(
          outcome(() => parsedJson('d.json', bytes)),
        );
      },
    );
    expect(report.cases).toBeGreaterThan(300);
  });

  it('reads every JSON number as the correctly rounded double JSON.parse gives', () => {
    fuzz(
      { seed: 2104, cases: 50_000, totalMs: 4000, caseMs: 50 },
      (rng) => {
        const digits = Array.from({ length: int(rng, 1, 20) }, () => int(rng, 0, 9)).join('');
        const int_ = digits.replace(/^0+(?=\d)/, '');
        const frac =
          rng.next() < 0.6
            ? `.${Array.from({ length: int(rng, 1, 20) }, () => int(rng, 0, 9)).join('')}`
            : '';
        const exp =
          rng.next() < 0.4
            ? `${pick(rng, ['e', 'E'])}${pick(rng, ['', '+', '-'])}${int(rng, 0, 340)}`
            : '';
        return `${rng.next() < 0.5 ? '-' : ''}${int_}${frac}${exp}`;
      },
      (text) => {
        const bytes = new Uint8Array(utf8(text));
        expect(Object.is(numberAt(bytes, 0, bytes.length), JSON.parse(text))).toBe(true);
      },
    );
  });
});

describe('TextScan: bytes are counted as their UTF-8 text is', () => {
  it('feedBytes gives feed’s counts, in any chunking', () => {
    const parts = [
      '1',
      '23',
      '.5e-3',
      ',',
      ';',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '#',
      'x',
      '"',
      '\\',
      'é',
      '１',
      '\u00a0',
      '\ufeff',
    ];
    fuzz(
      budget(2105, 2000),
      (rng) => ({
        text: Array.from({ length: int(rng, 0, 30) }, () => pick(rng, parts)).join(''),
        bad: rng.next() < 0.2 ? int(rng, 0x80, 0xff) : -1,
        step: int(rng, 3, 9),
        format: pick(rng, ['csv', 'json'] as const),
      }),
      ({ text, bad, step, format }) => {
        const encoded = new Uint8Array(utf8(text));
        const bytes = bad < 0 ? encoded : new Uint8Array([...encoded, bad, 0x31]);
        const byText = new TextScan('s', format);
        byText.feed(new TextDecoder().decode(bytes));
        byText.finish();
        const byBytes = new TextScan('s', format);
        for (let i = 0; i < bytes.length; i += step) byBytes.feedBytes(bytes.subarray(i, i + step));
        byBytes.finish();
        expect([byBytes.dataLines, byBytes.numbers]).toEqual([byText.dataLines, byText.numbers]);
      },
    );
  });
});
