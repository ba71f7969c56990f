import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_SIGNAL_SAMPLES } from './import-data';
import { MAX_IMAGE_PIXELS, runImport, type ImportProgress } from './import-job';
import { imageHeaderSize } from './image-header';
import { TextScan } from './import-scan';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('runImport: limits before and while reading', () => {
  it('refuses a JPEG whose frame header states too many pixels, before decoding it', async () => {
    // Chromium's 37×21 JPEG with a 60 KB comment first and its frame header edited to 20000×20000.
    const jpg = new Uint8Array(
      readFileSync(new URL('./testing/fixtures/37x21.jpg', import.meta.url)),
    );
    const comment = new Uint8Array(4 + 60_000);
    comment.set([0xff, 0xfe, (60_002 >> 8) & 0xff, 60_002 & 0xff]);
    const bomb = new Uint8Array(jpg.length + comment.length);
    bomb.set(jpg.subarray(0, 2));
    bomb.set(comment, 2);
    bomb.set(jpg.subarray(2), 2 + comment.length);
    let sof = 2;
    while (!(bomb[sof] === 0xff && bomb[sof + 1] === 0xc0)) sof += 1;
    new DataView(bomb.buffer).setUint16(sof + 5, 20000);
    new DataView(bomb.buffer).setUint16(sof + 7, 20000);
    const file = new File([bomb], 'bomb.jpg', { type: 'image/jpeg' });
    expect(await refusal(runImport(file))).toBe(
      `bomb.jpg: the image is 20000×20000 (400 megapixels); the limit is ${MAX_IMAGE_PIXELS / 2 ** 20} Mi pixels`,
    );
  });

  it('refuses a file over the size limit before reading a byte', async () => {
    const huge = {
      name: 'huge.csv',
      size: 3 * 2 ** 30,
      type: 'text/csv',
      stream: () => {
        throw new Error('must not be read');
      },
    } as unknown as File;
    expect(await refusal(runImport(huge))).toBe(
      'huge.csv: the file is 3072.0 MiB; the limit is 64.0 MiB (checked before reading)',
    );
  });

  it('refuses a CSV of too many rows while reading, with progress reported', async () => {
    const file = new File(['0\n'.repeat(MAX_SIGNAL_SAMPLES + 2)], 'rows.csv');
    const seen: ImportProgress[] = [];
    expect(await refusal(runImport(file, (p) => seen.push(p)))).toMatch(
      /^rows\.csv: the file has more than 1048577 rows \(counted while reading\)/,
    );
    expect(seen.every((p) => p.phase === 'reading' && p.total === file.size)).toBe(true);
  });

  it('imports a small file with the same result as the parser, reporting each phase', async () => {
    const phases = new Set<string>();
    const d = await runImport(new File(['a,b\n1,2\n3,4\n'], 'ok.csv'), (p) => phases.add(p.phase));
    expect(Array.from(d.data)).toEqual([1, 3, 2, 4]);
    expect([...phases]).toEqual(['reading', 'parsing']);
    expect(await refusal(runImport(new File(['1'], 'x.exe')))).toMatch(/unsupported type '\.exe'/);
  });
});

describe('TextScan: lower bounds only', () => {
  it('counts decimal-comma values at most twice and JSON strings not at all', () => {
    const csv = new TextScan('a.csv', 'csv');
    csv.feed('# 123 comment\n1,5;2,25\n\n3;4');
    csv.finish();
    expect(csv.dataLines).toBe(2);
    expect(csv.minValues).toBeLessThanOrEqual(4);
    const json = new TextScan('a.json', 'json');
    json.feed('{"signals 123 \\" 456": [[1.5e-3, -2], [3, 4]]}');
    json.finish();
    expect(json.minValues).toBe(4);
  });
});

describe('imageHeaderSize', () => {
  it('reads PNG, GIF and BMP sizes so a decompression bomb is refused before decoding', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 100000);
    new DataView(png.buffer).setUint32(20, 100000);
    const size = imageHeaderSize(png);
    expect(size).toEqual({ width: 100000, height: 100000 });
    expect((size?.width ?? 0) * (size?.height ?? 0)).toBeGreaterThan(MAX_IMAGE_PIXELS);
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x10, 0x00, 0x20, 0x00]);
    expect(imageHeaderSize(gif)).toEqual({ width: 16, height: 32 });
    expect(imageHeaderSize(new Uint8Array(4))).toBeNull();
  });
});

describe('runImport: reading and parse progress', () => {
  it('reads by slices where the stream is not a byte stream, with the same result', async () => {
    const text = `x,y\n${Array.from({ length: 5000 }, (_, i) => `${i},${-i / 4}`).join('\n')}\n`;
    const real = new File([text], 'p.csv');
    const sliced = {
      name: 'p.csv',
      size: real.size,
      type: '',
      // A default (non-byte) stream: getReader({ mode: 'byob' }) throws on it.
      stream: () => new ReadableStream({ pull: (c) => c.close() }),
      slice: (start?: number, end?: number) => real.slice(start, end),
    } as unknown as File;
    const a = await runImport(real);
    const b = await runImport(sliced);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    expect(b.notes).toEqual(a.notes);
    // Two columns of 5000 samples, each padded to 8192.
    expect(a.data[8192 + 4999]).toBe(-4999 / 4);
  });

  it('reports parsing progress in bytes of the file, rising to its size', async () => {
    const file = new File(['0.5,-1.25\n'.repeat(400_000)], 'big.csv');
    const parsing: number[] = [];
    await runImport(file, (p) => {
      if (p.phase === 'parsing') parsing.push(p.loaded);
    });
    expect(parsing[0]).toBe(0);
    expect(parsing.length).toBeGreaterThan(4);
    expect(parsing.every((n, i) => i === 0 || n >= (parsing[i - 1] ?? 0))).toBe(true);
    expect(parsing.at(-1)).toBe(file.size);
  });
});
