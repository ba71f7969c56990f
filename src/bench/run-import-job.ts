/**
 * One benchmark-run import as the run import worker does it: the file's bytes are read as a
 * stream, decoded chunk by chunk, counted against RUN_LIMITS.fileBytes as they come (so memory
 * stays bounded even when a stream yields more than its declared size), and the text is then
 * parsed and validated by the run schema. DOM-free, so the unit tests drive it with any stream.
 */
import { parseBenchRun, RUN_LIMITS, type BenchRun } from './schema';

export interface RunImportProgress {
  phase: 'reading' | 'parsing';
  /** Bytes read so far and the file's size. */
  done: number;
  total: number;
}

/** The import was cancelled by the user; nothing changed. */
export class RunImportCancelledError extends Error {
  override readonly name = 'RunImportCancelledError';
}

/**
 * Bytes between progress reports: each report is a message to the page and a render there, so
 * an 8 MiB file makes about 32 of them rather than one per 64 KiB chunk.
 */
export const PROGRESS_STEP_BYTES = 256 * 1024;

const limitMiB = RUN_LIMITS.fileBytes / 2 ** 20;

/**
 * Reads `stream` (a file of `total` bytes) and returns the run it holds. Progress is reported
 * in bytes read, rising to the bytes actually read, then once more as parsing starts. Every
 * refusal throws an Error whose message is what parseBenchRun says (or the size limit); an
 * abort of `signal` between chunks throws RunImportCancelledError.
 */
export async function readBenchRun(
  stream: ReadableStream<Uint8Array>,
  total: number,
  onProgress: (p: RunImportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<BenchRun> {
  const reader = stream.getReader();
  // Not fatal, and a BOM is dropped: the same text as Blob.text(), which this replaces.
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let done = 0;
  let reported = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw new RunImportCancelledError('import cancelled');
      const next = await reader.read();
      if (next.done) break;
      done += next.value.byteLength;
      if (done > RUN_LIMITS.fileBytes) {
        throw new Error(
          `Not a benchmark run: more than ${limitMiB} MiB read; the limit is ${limitMiB} MiB (RUN_LIMITS.fileBytes)`,
        );
      }
      parts.push(decoder.decode(next.value, { stream: true }));
      if (done - reported >= PROGRESS_STEP_BYTES) {
        reported = done;
        onProgress({ phase: 'reading', done, total });
      }
    }
  } catch (e) {
    // Frees what the source still holds; the error that stopped the read is the one reported.
    void reader.cancel().catch(() => undefined);
    throw e;
  }
  parts.push(decoder.decode());
  if (reported < done) onProgress({ phase: 'reading', done, total });
  if (signal?.aborted) throw new RunImportCancelledError('import cancelled');
  onProgress({ phase: 'parsing', done, total });
  return parseBenchRun(parts.join(''));
}
