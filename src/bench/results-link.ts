/**
 * A benchmark run carried in the permalink, so a shared link shows the results without running
 * anything: `#bench=<suite>&results=<payload>`, where the payload is the run's JSON compressed
 * with raw DEFLATE (the platform's CompressionStream('deflate-raw'), no library) and written in
 * base64url (RFC 4648 §5: only A–Z a–z 0–9 - _, which a URL hash keeps as they are).
 *
 * The hash is untrusted input. Decoding never throws: a payload over the length cap, one that is
 * not base64url, one that does not inflate, inflates past RUN_LIMITS.fileBytes (a deflate bomb),
 * is not UTF-8, or is not a valid run under the benchmark's zod schema comes back as a sentence
 * that says which, for the page to show.
 */
import { parseBenchRun, RUN_LIMITS, type BenchRun, type SuiteName } from './schema';

export const RESULTS_LINK_LIMITS = {
  /**
   * Characters of the payload. 64 Ki keeps the whole link (address + payload) under about
   * 65 K characters, which every current browser keeps whole in its address bar, history and
   * copy/paste (Chromium allows 2 M, Firefox about 1 M, Safari about 80 K). A quick-suite run is
   * about 20 K; a full run may not fit, and is then offered as an exported file instead.
   */
  payloadChars: 64 * 1024,
  /** Bytes the payload may inflate to: the same cap as an imported file. */
  inflatedBytes: RUN_LIMITS.fileBytes,
} as const;

/** The hash parameter that carries the payload. */
export const RESULTS_PARAM = 'results';

export type Encoded = { ok: true; payload: string } | { ok: false; problem: string };
export type Decoded = { ok: true; run: BenchRun } | { ok: false; problem: string };

async function drain(stream: ReadableStream<Uint8Array>, cap: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      // Stop inflating at once: a small payload can expand a thousandfold.
      await reader.cancel().catch(() => undefined);
      throw new RangeError(`over ${cap} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const streamOf = (bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> =>
  new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text; throws naming the first character that is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const bad = /[^A-Za-z0-9_-]/.exec(text);
  if (bad) {
    throw new Error(
      `character ${JSON.stringify(bad[0])} at position ${bad.index} is not base64url (A–Z a–z 0–9 - _)`,
    );
  }
  if (text.length % 4 === 1) throw new Error(`${text.length} characters cannot be base64url`);
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const kib = (chars: number): string => `${(chars / 1024).toFixed(1)} K`;

/** The run as a payload, or why it cannot be one (too long for a link). */
export async function encodeResults(run: BenchRun): Promise<Encoded> {
  const json = new TextEncoder().encode(JSON.stringify(run));
  const deflated = await drain(
    streamOf(json).pipeThrough(new CompressionStream('deflate-raw')),
    Number.POSITIVE_INFINITY,
  );
  const payload = toBase64Url(deflated);
  const cap = RESULTS_LINK_LIMITS.payloadChars;
  if (payload.length > cap) {
    return {
      ok: false,
      problem:
        `This run is too large for a link: ${kib(payload.length)} characters compressed, over the ` +
        `limit of ${kib(cap)} (RESULTS_LINK_LIMITS.payloadChars). Use Export JSON and share the file.`,
    };
  }
  return { ok: true, payload };
}

/** The run a payload holds, or a sentence saying why it holds none. Never throws. */
export async function decodeResults(payload: string): Promise<Decoded> {
  const refuse = (why: string): Decoded => ({
    ok: false,
    problem: `This results link was not loaded: ${why}. Nothing was run; ask for the exported JSON file instead.`,
  });
  const cap = RESULTS_LINK_LIMITS.payloadChars;
  if (payload.length > cap) {
    return refuse(
      `it carries ${kib(payload.length)} characters, over the limit of ${kib(cap)} ` +
        '(RESULTS_LINK_LIMITS.payloadChars)',
    );
  }
  if (payload === '') return refuse('its results= parameter is empty');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64Url(payload);
  } catch (e) {
    return refuse(`it is corrupt: ${e instanceof Error ? e.message : String(e)}`);
  }
  let inflated: Uint8Array;
  try {
    inflated = await drain(
      streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')),
      RESULTS_LINK_LIMITS.inflatedBytes,
    );
  } catch (e) {
    if (e instanceof RangeError) {
      return refuse(
        `it inflates past ${RESULTS_LINK_LIMITS.inflatedBytes / 2 ** 20} MiB ` +
          '(RESULTS_LINK_LIMITS.inflatedBytes, the limit of an imported run)',
      );
    }
    return refuse(
      `it is corrupt: the data does not decompress (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return refuse('it is corrupt: the decompressed data is not UTF-8 text');
  }
  try {
    return { ok: true, run: parseBenchRun(text) };
  } catch (e) {
    return refuse(`it does not hold a valid run (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The `results` parameter of a `#bench=` hash: null when absent. */
export function resultsPayloadOf(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has('bench') ? params.get(RESULTS_PARAM) : null;
}

/** The hash of a results link: the suite (so the tab opens on it) and the payload. */
export function resultsHash(suite: SuiteName, payload: string): string {
  return `#bench=${suite}&${RESULTS_PARAM}=${payload}`;
}
