/**
 * The text of an imported file, decoded a chunk at a time rather than as one string, so that a
 * parser's memory is the bytes it was given, one chunk of text and what it builds, never a copy
 * of the whole text (a 64 MiB file would be 64–128 MiB more as one string). The encoding rules
 * are the importer's: UTF-8, or UTF-16 when a byte-order mark says so.
 */
import { ImportError } from './import-data';

/** Bytes decoded per chunk: large enough that per-chunk costs vanish, small next to the file. */
export const TEXT_CHUNK_BYTES = 2 ** 20;

/** Called as a parser goes with the work done and the work in all, both counted in bytes. */
export type ParseProgress = (done: number, total: number) => void;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Whether bytes without a byte-order mark look like UTF-16: text of ASCII digits in UTF-16 has
 * a zero in every other byte, which UTF-8 text of numbers never has.
 */
function looksLikeUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > 0.9 * pairs && evenZeros < 0.1 * pairs) return 'le';
  if (evenZeros > 0.9 * pairs && oddZeros < 0.1 * pairs) return 'be';
  return null;
}

/** UTF-8, or UTF-16 when a byte-order mark says so (Excel's "Unicode text"); throws for UTF-16 without one. */
export function textEncoding(file: string, bytes: Uint8Array): TextEncoding {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  const utf16 = looksLikeUtf16(bytes);
  if (utf16 !== null) {
    throw new ImportError(
      file,
      `the file looks like UTF-16${utf16.toUpperCase()} text without a byte-order mark (every ` +
        'other byte is 0); save it as UTF-8, or as UTF-16 with a BOM ("Unicode text")',
    );
  }
  return 'utf-8';
}

function notText(file: string, encoding: TextEncoding): ImportError {
  return new ImportError(file, `the file is not ${encoding.toUpperCase()} text`);
}

/** The whole text at once, for small documents and the JSON forms the streaming reader leaves. */
export function decodeText(file: string, bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  const encoding = textEncoding(file, view);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(view);
  } catch {
    throw notText(file, encoding);
  }
}

/**
 * Decodes the bytes chunk by chunk, in order, calling `each` with every non-empty piece of text
 * and the byte offset reached; a byte-order mark is dropped as a whole decode drops it. Throws
 * the same ImportError as decodeText at the first byte that is not text in the encoding, after
 * `each` has seen the text before it. Can be called again for another pass. (Tests pass small
 * `chunkBytes` to put chunk boundaries inside lines, numbers and characters.)
 */
export function forEachTextChunk(
  file: string,
  bytes: Uint8Array,
  encoding: TextEncoding,
  each: (text: string, end: number) => void,
  chunkBytes = TEXT_CHUNK_BYTES,
): void {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const end = Math.min(bytes.length, start + chunkBytes);
    let text: string;
    try {
      // `stream` keeps a character split between two chunks for the next one.
      text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    } catch {
      throw notText(file, encoding);
    }
    if (text !== '') each(text, end);
  }
}

/**
 * Whether a UTF-16 code unit is one that String.prototype.trim removes and /\s/ matches: the
 * ECMAScript WhiteSpace and LineTerminator characters.
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Calls `each` with every line of the text and its 1-based number, lines ending at CRLF, LF or
 * CR exactly as text.split(/\r\n|\n|\r/) splits them (the last line too, empty when the text
 * ends with a line break), but from chunks: a line is only ever one string, the text never.
 * A line longer than a chunk is joined once from its pieces, not re-copied per chunk.
 */
export class LineSplitter {
  private pieces: string[] = [];
  /** The last chunk ended with CR: an LF starting the next one belongs to that line break. */
  private pendingCr = false;
  private lineNo = 0;

  constructor(private readonly each: (line: string, lineNo: number) => void) {}

  feed(text: string): void {
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    let cr = text.indexOf('\r', start);
    let lf = text.indexOf('\n', start);
    // Each search starts after the last break, so every character is looked at once per kind.
    while (cr >= 0 || lf >= 0) {
      const isCr = cr >= 0 && (lf < 0 || cr < lf);
      const at = isCr ? cr : lf;
      this.emit(text.slice(start, at));
      start = at + 1;
      if (isCr) {
        if (at + 1 === text.length) this.pendingCr = true;
        else if (text.charCodeAt(at + 1) === 10) start = at + 2;
        cr = text.indexOf('\r', start);
      }
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    }
    if (start < text.length) this.pieces.push(text.slice(start));
  }

  /** The text after the last line break: the last line. */
  finish(): void {
    this.emit('');
  }

  private emit(tail: string): void {
    let line = tail;
    if (this.pieces.length > 0) {
      this.pieces.push(tail);
      line = this.pieces.join('');
      this.pieces = [];
    }
    this.lineNo += 1;
    this.each(line, this.lineNo);
  }
}

/**
 * Reports progress over `passes` passes of `total` bytes each as one count from 0 to `total`,
 * so a two-pass parser's progress still reads as bytes of the file.
 */
export function passProgress(
  onProgress: ParseProgress | undefined,
  total: number,
  passes: number,
): (pass: number, end: number) => void {
  if (!onProgress) return () => undefined;
  return (pass, end) => onProgress(Math.round((pass * total + end) / passes), total);
}
