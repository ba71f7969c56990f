import { describe, expect, it } from 'vitest';
import {
  PROGRESS_STEP_BYTES,
  readBenchRun,
  RunImportCancelledError,
  type RunImportProgress,
} from './run-import-job';
import { parseBenchRun, RUN_LIMITS, type BenchRun } from './schema';
import { sampleRun } from './testing/sample-run';

/** `bytes` as a stream of `chunk`-byte pieces; `pulls` counts the pieces handed out. */
function chunked(
  bytes: Uint8Array,
  chunk: number,
): {
  stream: ReadableStream<Uint8Array>;
  pulls: () => number;
  cancelled: () => boolean;
} {
  let at = 0;
  let pulls = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) {
        c.close();
        return;
      }
      pulls += 1;
      c.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulls: () => pulls, cancelled: () => cancelled };
}

/** A valid run of `cases` copies of the sample's first case, each with 200 spans (about 4 KiB). */
function bigRun(cases: number): BenchRun {
  const run = sampleRun();
  const base = run.cases[0];
  if (!base) throw new Error('the sample run has no case');
  const spansMs = Array.from({ length: 200 }, (_, i) => 1.000001 + i * 1e-6);
  return {
    ...run,
    cases: Array.from({ length: cases }, (_, i) => ({ ...base, batch: i + 1, spansMs })),
  };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readBenchRun', () => {
  it('reads a valid run with progress rising to the file size, then parses it', async () => {
    const run = bigRun(400);
    const bytes = encode(JSON.stringify(run));
    expect(bytes.length).toBeGreaterThan(4 * PROGRESS_STEP_BYTES);
    const seen: RunImportProgress[] = [];
    const { stream } = chunked(bytes, 64 * 1024);
    const got = await readBenchRun(stream, bytes.length, (p) => seen.push({ ...p }));
    expect(got).toEqual(parseBenchRun(JSON.stringify(run)));
    const reading = seen.filter((p) => p.phase === 'reading');
    expect(reading.length).toBeGreaterThan(3);
    // Throttled: one report per step, not one per 64 KiB chunk.
    expect(reading.length).toBeLessThanOrEqual(Math.ceil(bytes.length / PROGRESS_STEP_BYTES) + 1);
    expect(reading.every((p, i) => i === 0 || p.done > (reading[i - 1]?.done ?? 0))).toBe(true);
    expect(reading.every((p) => p.total === bytes.length)).toBe(true);
    expect(reading.at(-1)?.done).toBe(bytes.length);
    expect(seen.at(-1)).toEqual({ phase: 'parsing', done: bytes.length, total: bytes.length });
  });

  it("reads a File's own stream like Blob.text(): a BOM dropped, characters split across chunks kept", async () => {
    const run = sampleRun();
    run.skipped = [{ what: 'tfjs-fft × 2¹⁰', reason: 'Ünïcödé 🚀 on every side of a chunk' }];
    const text = JSON.stringify(run);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]);
    // 1-byte chunks cut every multi-byte character in pieces.
    const { stream } = chunked(withBom, 1);
    expect(await readBenchRun(stream, withBom.length)).toEqual(run);
    const file = new File([withBom], 'run.json');
    expect(await readBenchRun(file.stream(), file.size)).toEqual(parseBenchRun(await file.text()));
  });

  it("refuses a malformed file with the parser's message", async () => {
    const { stream } = chunked(encode('{"schemaVersion": 1, oops'), 8);
    expect(await refusal(readBenchRun(stream, 25))).toMatch(/^Not JSON: /);
  });

  it('refuses an array over its cap, naming the cap and the count', async () => {
    const bytes = encode(
      JSON.stringify({ ...sampleRun(), cases: new Array(RUN_LIMITS.cases + 1).fill(0) }),
    );
    const { stream } = chunked(bytes, 4096);
    expect(await refusal(readBenchRun(stream, bytes.length))).toBe(
      `Not a benchmark run: cases: at most ${RUN_LIMITS.cases} cases are accepted (RUN_LIMITS); this file has ${RUN_LIMITS.cases + 1}`,
    );
  });

  it('stops reading a stream that goes on past the size limit, and cancels it', async () => {
    const chunk = 2 ** 20;
    // Declared small, 12 MiB of spaces in fact: reading stops at the first MiB over 8.
    const source = chunked(new Uint8Array(12 * chunk).fill(0x20), chunk);
    expect(await refusal(readBenchRun(source.stream, 100))).toBe(
      'Not a benchmark run: more than 8 MiB read; the limit is 8 MiB (RUN_LIMITS.fileBytes)',
    );
    expect(source.pulls()).toBeLessThanOrEqual(RUN_LIMITS.fileBytes / chunk + 2);
    expect(source.cancelled()).toBe(true);
  });

  it('stops at the next chunk once cancelled, and cancels the stream', async () => {
    const bytes = encode(JSON.stringify(bigRun(400)));
    const source = chunked(bytes, 64 * 1024);
    const controller = new AbortController();
    const p = readBenchRun(
      source.stream,
      bytes.length,
      (progress) => {
        if (progress.done >= PROGRESS_STEP_BYTES) controller.abort();
      },
      controller.signal,
    );
    await expect(p).rejects.toBeInstanceOf(RunImportCancelledError);
    expect(source.pulls()).toBeLessThan(bytes.length / (64 * 1024) / 2);
    expect(source.cancelled()).toBe(true);
  });
});
