import { describe, expect, it } from 'vitest';
import { readBenchHash } from './permalink';
import {
  decodeResults,
  encodeResults,
  fromBase64Url,
  RESULTS_LINK_LIMITS,
  resultsHash,
  resultsPayloadOf,
  toBase64Url,
} from './results-link';
import type { BenchRun } from './schema';
import { sampleRun } from './testing/sample-run';

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function payloadOf(run: BenchRun): Promise<string> {
  const encoded = await encodeResults(run);
  if (!encoded.ok) throw new Error(encoded.problem);
  return encoded.payload;
}

async function problemOf(payload: string): Promise<string> {
  const decoded = await decodeResults(payload);
  if (decoded.ok) throw new Error('expected the payload to be refused');
  return decoded.problem;
}

/** A deterministic stream of numbers in [0, 1) that deflate cannot shrink much. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('results in the permalink', () => {
  it('round-trips a run exactly, in base64url characters only', async () => {
    const run = sampleRun();
    const payload = await payloadOf(run);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    // Compressed: shorter than the JSON it carries.
    expect(payload.length).toBeLessThan(JSON.stringify(run).length);
    const decoded = await decodeResults(payload);
    expect(decoded).toEqual({ ok: true, run });
  });

  it('is read back from the hash it is written into, which still names the suite', async () => {
    const run = sampleRun();
    const hash = resultsHash(run.suite, await payloadOf(run));
    expect(readBenchHash(hash)).toEqual({
      link: { suite: 'quick', autorun: false },
      problem: null,
    });
    const payload = resultsPayloadOf(hash);
    expect(payload).not.toBeNull();
    expect(await decodeResults(payload ?? '')).toEqual({ ok: true, run });
    expect(resultsPayloadOf('#bench=quick&autorun')).toBeNull();
    // Only a benchmark link carries results.
    expect(resultsPayloadOf('#results=abc')).toBeNull();
  });

  it('base64url round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 515 }, (_, i) => (i * 7) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('names the character when the payload is not base64url', async () => {
    const payload = await payloadOf(sampleRun());
    const problem = await problemOf(`${payload.slice(0, 10)}*${payload.slice(11)}`);
    expect(problem).toMatch(
      /^This results link was not loaded: it is corrupt: character "\*" at position 10 is not base64url/,
    );
    expect(problem).toMatch(/Nothing was run/);
  });

  it('says a truncated or altered payload does not decompress', async () => {
    const payload = await payloadOf(sampleRun());
    expect(await problemOf(payload.slice(0, Math.floor(payload.length / 2)))).toMatch(
      /it is corrupt: the data does not decompress/,
    );
    // A run of valid base64url that is not DEFLATE data (block type 3 is reserved).
    expect(await problemOf('____')).toMatch(/it is corrupt: the data does not decompress/);
  });

  it('names the field when the data decompresses but is not a valid run', async () => {
    const run = sampleRun();
    const bad = { ...run, cases: run.cases.map((c, i) => (i === 1 ? { ...c, op: 'sorting' } : c)) };
    expect(await problemOf(await deflate(JSON.stringify(bad)))).toMatch(
      /it does not hold a valid run \(Not a benchmark run: cases\.1\.op: /,
    );
    expect(await problemOf(await deflate('{"schemaVersion": 1'))).toMatch(
      /it does not hold a valid run \(Not JSON: /,
    );
    // Bytes that are not UTF-8 (a lone continuation byte).
    const stream = new Blob([new Uint8Array([0x80, 0x80])])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const notUtf8 = toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
    expect(await problemOf(notUtf8)).toMatch(/not UTF-8/);
  });

  it('refuses an empty payload and one over the length cap before decoding it', async () => {
    expect(await problemOf('')).toMatch(/its results= parameter is empty/);
    const over = 'A'.repeat(RESULTS_LINK_LIMITS.payloadChars + 1);
    expect(await problemOf(over)).toMatch(
      /it carries 64\.0 K characters, over the limit of 64\.0 K \(RESULTS_LINK_LIMITS\.payloadChars\)/,
    );
  });

  it('stops inflating a small payload that expands past the import cap', async () => {
    const bomb = await deflate(' '.repeat(RESULTS_LINK_LIMITS.inflatedBytes + 1));
    expect(bomb.length).toBeLessThan(RESULTS_LINK_LIMITS.payloadChars);
    expect(await problemOf(bomb)).toMatch(
      /it inflates past 8 MiB \(RESULTS_LINK_LIMITS\.inflatedBytes/,
    );
  });

  it('refuses to encode a run too large for a link and says to export it', async () => {
    const run = sampleRun();
    const rand = noise(7);
    const base = run.cases[0];
    if (!base) throw new Error('sample run has no cases');
    const cases = Array.from({ length: 1200 }, () => ({
      ...base,
      spansMs: Array.from({ length: 7 }, rand),
      medianMs: rand() + 0.01,
      cv: rand(),
    }));
    const encoded = await encodeResults({ ...run, cases });
    expect(encoded.ok).toBe(false);
    expect(encoded.ok ? '' : encoded.problem).toMatch(
      /^This run is too large for a link: \d+\.\d K characters compressed, over the limit of 64\.0 K \(RESULTS_LINK_LIMITS\.payloadChars\)\. Use Export JSON/,
    );
  });
});
