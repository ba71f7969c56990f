/**
 * Memory of an import as the worker runs it (runImport: the read with its streaming counts,
 * then the parse): the growth of the JS heap plus array buffers over a collected baseline,
 * sampled at every progress report (each MiB read and each MiB of each parse pass, when the
 * read buffer, the parser's chunk of text, its output and its uncollected garbage are alive),
 * must stay under 3× the file's size, the read buffer included.
 *
 * The file is read as a browser's is: through a byte stream straight into the reader's buffer,
 * its bytes held outside the worker's heap (here: in the baseline). Node's own File would add
 * its implementation's copy (its stream reads the whole blob into a buffer of its own first).
 * The whole-text parsers this replaced peaked at 4–10× on these files: the text as one string,
 * a string per line or a JS array per signal, a JS array of all numbers, then the float32 copy.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runImport } from './import-job';

// Collect garbage before the baseline, so that the growth is what the import holds.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 2 ** 20;
/** Deterministic values in (-0.5, 0.5): no RNG state, the same file every run. */
const value = (i: number): number => {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return x - Math.floor(x) - 0.5;
};

const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * A File whose stream is a byte stream over `bytes`, as the File API specifies and browsers
 * implement: a BYOB read is answered in the reader's own buffer; a default read in a chunk.
 */
function byteFile(name: string, bytes: Uint8Array<ArrayBuffer>): File {
  const stream = (): ReadableStream<Uint8Array> => {
    let at = 0;
    return new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 2 ** 16,
      pull(controller) {
        const request = controller.byobRequest;
        const view = request?.view;
        if (!request || !view) return;
        if (at === bytes.length) {
          controller.close();
          request.respond(0);
          return;
        }
        const n = Math.min(view.byteLength, bytes.length - at);
        new Uint8Array(view.buffer, view.byteOffset, n).set(bytes.subarray(at, at + n));
        at += n;
        request.respond(n);
      },
    });
  };
  const slice = (start?: number, end?: number): Blob => new Blob([bytes.subarray(start, end)]);
  return { name, size: bytes.length, type: '', stream, slice } as unknown as File;
}

/**
 * The file built by `text`, with every temporary of building it already unreachable: nothing
 * live at the baseline may be freed during the import, or the growth would read low.
 */
function fileOf(name: string, text: () => string): File {
  return byteFile(name, new TextEncoder().encode(text()));
}

async function peakGrowth(file: File): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  gc();
  const base = used();
  let peak = base;
  const d = await runImport(file, () => {
    peak = Math.max(peak, used());
  });
  peak = Math.max(peak, used());
  expect(d.data.length).toBe(d.batch * (d.shape[0] ?? 0));
  return (peak - base) / file.size;
}

describe('runImport: peak memory under 3× the file', () => {
  it('a CSV of one column, 2^20 full-precision values (~24 MiB)', async () => {
    const file = fileOf('one.csv', () => {
      const lines: string[] = [];
      for (let i = 0; i < ROWS; i++) lines.push((value(i) * 1e-3).toPrecision(17));
      return `${lines.join('\n')}\n`;
    });
    expect(file.size).toBeGreaterThan(20 * 2 ** 20);
    const ratio = await peakGrowth(file);
    expect(ratio, `peak growth ${ratio.toFixed(2)}× of ${file.size} bytes`).toBeLessThan(3);
  }, 60_000);

  it('a CSV of four columns with a header, 2^22 short values (~30 MiB)', async () => {
    const file = fileOf('four.csv', () => {
      const lines = ['a,b,c,d'];
      for (let i = 0; i < ROWS; i++) {
        lines.push([0, 1, 2, 3].map((c) => value(i + c).toFixed(4)).join(','));
      }
      return `${lines.join('\n')}\n`;
    });
    expect(file.size).toBeGreaterThan(24 * 2 ** 20);
    const ratio = await peakGrowth(file);
    expect(ratio, `peak growth ${ratio.toFixed(2)}× of ${file.size} bytes`).toBeLessThan(3);
  }, 60_000);

  it('a JSON number[][] of 4 signals of 2^20 short values (~30 MiB)', async () => {
    const file = fileOf('four.json', () => {
      const rows: string[] = [];
      for (let b = 0; b < 4; b++) {
        const row: string[] = [];
        for (let i = 0; i < ROWS; i++) row.push(value(i + b).toFixed(4));
        rows.push(`[${row.join(',')}]`);
      }
      return `[${rows.join(',\n')}]`;
    });
    expect(file.size).toBeGreaterThan(24 * 2 ** 20);
    const ratio = await peakGrowth(file);
    expect(ratio, `peak growth ${ratio.toFixed(2)}× of ${file.size} bytes`).toBeLessThan(3);
  }, 60_000);
});
