/**
 * The numeric JSON documents the importer accepts (number[], number[][] and an object whose
 * "signals" member is one of those), read straight from the file's bytes into the padded
 * float32 result. JSON.parse of such a file builds a JS array of boxed or 8-byte numbers per
 * signal on top of the whole text: 4–6 times the file's size. Here the first pass checks the
 * syntax and finds the shape without keeping anything, the second writes each number to its
 * place; memory is the bytes and the result.
 *
 * Anything else (an error JSON.parse would name, a string member with non-ASCII text or
 * escapes in its name, a nested member, UTF-16) returns null, and the caller parses the text
 * with JSON.parse, whose messages and checks are the reference: every result and every error
 * here is the one that path would give.
 */
import {
  checkSize,
  FLOAT32_MAX,
  ImportError,
  nextPowerOfTwo,
  paddedSignals,
  sampleProblem,
  type ImportedData,
} from './import-data';
import { passProgress, textEncoding, TEXT_CHUNK_BYTES, type ParseProgress } from './import-text';

/** What the first pass found: a syntactically valid document of numbers, and its shape. */
interface Shape {
  /** '' for a top-level array, 'signals' for the member of an object. */
  path: string;
  /** number[]: one signal, messages name [t]; number[][]: messages name [b][t]. */
  single: boolean;
  batch: number;
  /** The first signal's length. */
  length: number;
  /** The first signal whose length differs from the first's. */
  ragged: { index: number; length: number } | null;
}

/** Called with each number of the signals: signal, sample, and its bytes [start, end). */
type Visit = (b: number, t: number, start: number, end: number) => void;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
const SIGNALS = [0x73, 0x69, 0x67, 0x6e, 0x61, 0x6c, 0x73]; // "signals"
/** 1e0 … 1e22 from their decimal forms, each exact (Math.pow need not be). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const asciiDecoder = new TextDecoder();
/**
 * Where numberAt leaves its result: a double returned from a call that is not inlined is boxed
 * as a 16-byte heap number, 16 million of them garbage in a large file; a typed-array slot is not.
 */
const result = new Float64Array(1);

/**
 * The number written at [start, end), as JSON.parse reads it: correctly rounded to the nearest
 * double. Up to 15 significant digits and a power of ten up to 22 are exact in doubles, so one
 * multiplication or division rounds correctly (Clinger's fast path); the rest goes to Number().
 */
export function numberAt(bytes: Uint8Array, start: number, end: number): number {
  readNumber(bytes, start, end);
  return result[0] ?? NaN;
}

/** numberAt, leaving the value in `result[0]`. */
function readNumber(bytes: Uint8Array, start: number, end: number): void {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i += 1;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; i < end && isDigit(bytes[i]); i++) {
    const d = (bytes[i] ?? 48) - 48;
    if (digits > 0 || d !== 0) {
      mantissa = mantissa * 10 + d;
      digits += 1;
    }
  }
  if (bytes[i] === 46) {
    for (i += 1; i < end && isDigit(bytes[i]); i++) {
      const d = (bytes[i] ?? 48) - 48;
      if (digits > 0 || d !== 0) {
        mantissa = mantissa * 10 + d;
        digits += 1;
      }
      scale -= 1;
    }
  }
  if (i < end) {
    i += 1; // 'e' or 'E'
    const sign = bytes[i] === 45 ? -1 : 1;
    if (bytes[i] === 45 || bytes[i] === 43) i += 1;
    let exponent = 0;
    for (; i < end; i++) exponent = Math.min(exponent * 10 + (bytes[i] ?? 48) - 48, 1e6);
    scale += sign * exponent;
  }
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const value = scale < 0 ? mantissa / (POW10[-scale] ?? 1) : mantissa * (POW10[scale] ?? 1);
    result[0] = negative ? -value : value;
    return;
  }
  const text =
    end - start <= 64
      ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
      : asciiDecoder.decode(bytes.subarray(start, end));
  result[0] = Number(text);
}

/**
 * One pass over the document; `visit` is called for every sample in document order. Returns
 * null as soon as the document leaves the grammar above.
 */
function walk(bytes: Uint8Array, visit: Visit | null, tick: (at: number) => void): Shape | null {
  const end = bytes.length;
  let i = 0;
  let nextTick = TEXT_CHUNK_BYTES;
  const ws = (): void => {
    for (;;) {
      const c = bytes[i];
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return;
      i += 1;
    }
  };
  /** The end of the JSON number at i, or -1 if there is none. */
  const numberEnd = (): number => {
    let j = i;
    if (bytes[j] === 45) j += 1;
    if (bytes[j] === 48) j += 1;
    else if (isDigit(bytes[j])) while (isDigit(bytes[j])) j += 1;
    else return -1;
    if (bytes[j] === 46) {
      j += 1;
      if (!isDigit(bytes[j])) return -1;
      while (isDigit(bytes[j])) j += 1;
    }
    if (bytes[j] === 101 || bytes[j] === 69) {
      j += 1;
      if (bytes[j] === 43 || bytes[j] === 45) j += 1;
      if (!isDigit(bytes[j])) return -1;
      while (isDigit(bytes[j])) j += 1;
    }
    return j;
  };
  /** The end of the JSON string at i (after its closing quote), or -1; ASCII only. */
  const stringEnd = (): number => {
    let j = i + 1;
    for (;;) {
      const c = bytes[j];
      if (c === undefined || c < 0x20 || c >= 0x80) return -1;
      if (c === 34) return j + 1;
      if (c === 92) {
        const e = bytes[j + 1];
        if (e === 117) {
          for (let k = j + 2; k < j + 6; k++) {
            const h = bytes[k] ?? 0;
            const hex = isDigit(h) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102);
            if (!hex) return -1;
          }
          j += 6;
        } else if (e !== undefined && [34, 92, 47, 98, 102, 110, 114, 116].includes(e)) {
          j += 2;
        } else return -1;
      } else j += 1;
    }
  };
  /** Numbers separated by commas up to ']' (i at the first number); returns how many, or -1. */
  const numbers = (b: number): number => {
    for (let t = 0; ; t++) {
      const e = numberEnd();
      if (e < 0) return -1;
      visit?.(b, t, i, e);
      i = e;
      if (i >= nextTick) {
        tick(i);
        nextTick += TEXT_CHUNK_BYTES;
      }
      ws();
      if (bytes[i] === 93) {
        i += 1;
        return t + 1;
      }
      if (bytes[i] !== 44) return -1;
      i += 1;
      ws();
    }
  };
  /** number[] or number[][] at i (at its '['). */
  const arrayForm = (path: string): Shape | null => {
    i += 1;
    ws();
    if (bytes[i] !== 91) {
      const length = numbers(0);
      return length < 0 ? null : { path, single: true, batch: 1, length, ragged: null };
    }
    const shape: Shape = { path, single: false, batch: 0, length: 0, ragged: null };
    for (let b = 0; ; b++) {
      if (bytes[i] !== 91) return null;
      i += 1;
      ws();
      let length = 0;
      if (bytes[i] === 93) i += 1;
      else length = numbers(b);
      if (length < 0) return null;
      if (b === 0) shape.length = length;
      else if (length !== shape.length) shape.ragged ??= { index: b, length };
      shape.batch = b + 1;
      ws();
      if (bytes[i] === 93) {
        i += 1;
        return shape;
      }
      if (bytes[i] !== 44) return null;
      i += 1;
      ws();
    }
  };
  /** {"signals": …} at i (at its '{'), other members holding strings, numbers or literals. */
  const objectForm = (): Shape | null => {
    let shape: Shape | null = null;
    i += 1;
    ws();
    for (;;) {
      if (bytes[i] !== 34) return null;
      const keyEnd = stringEnd();
      if (keyEnd < 0) return null;
      const key = bytes.subarray(i + 1, keyEnd - 1);
      // A name with escapes may spell "signals" too; JSON.parse says which member wins.
      if (key.includes(92)) return null;
      const isSignals = key.length === 7 && SIGNALS.every((c, k) => key[k] === c);
      i = keyEnd;
      ws();
      if (bytes[i] !== 58) return null;
      i += 1;
      ws();
      const c = bytes[i];
      if (isSignals) {
        if (shape !== null || c !== 91) return null;
        shape = arrayForm('signals');
        if (shape === null) return null;
      } else if (c === 34) {
        i = stringEnd();
        if (i < 0) return null;
      } else if (c === 45 || isDigit(c)) {
        i = numberEnd();
        if (i < 0) return null;
      } else {
        const literal = ['true', 'false', 'null'].find((w) =>
          Array.from(w).every((ch, k) => bytes[i + k] === ch.charCodeAt(0)),
        );
        if (literal === undefined) return null;
        i += literal.length;
      }
      ws();
      if (bytes[i] === 125) {
        i += 1;
        return shape;
      }
      if (bytes[i] !== 44) return null;
      i += 1;
      ws();
    }
  };
  // A UTF-8 byte-order mark, which decoding the text would drop.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  ws();
  const shape = bytes[i] === 91 ? arrayForm('') : bytes[i] === 123 ? objectForm() : null;
  if (shape === null) return null;
  ws();
  return i === end ? shape : null;
}

/**
 * The document's signals, or null when JSON.parse must read it (see the top of this file). The
 * refusals are importJson's, in its order: ragged rows, the size limits, then the first sample
 * that is out of range.
 */
export function readNumericJson(
  file: string,
  bytes: Uint8Array,
  onProgress?: ParseProgress,
): ImportedData | null {
  if (textEncoding(file, bytes) !== 'utf-8') return null;
  const progress = passProgress(onProgress, bytes.length, 2);
  const shape = walk(bytes, null, (at) => progress(0, at));
  if (shape === null) return null;
  const { path, single, batch, length, ragged } = shape;
  if (ragged !== null) {
    throw new ImportError(
      file,
      `ragged rows: ${path}[${ragged.index}] has ${ragged.length} samples but ${path}[0] has ${length}`,
    );
  }
  checkSize(file, batch, length);
  const n = nextPowerOfTwo(length);
  const data = new Float32Array(batch * n);
  let underflow = 0;
  let firstUnderflow = '';
  const where = (b: number, t: number): string =>
    single ? `${path}[${t}]` : `${path}[${b}][${t}]`;
  const again = walk(
    bytes,
    (b, t, start, end) => {
      readNumber(bytes, start, end);
      const v = result[0] ?? NaN;
      if (!(Math.abs(v) <= FLOAT32_MAX)) {
        throw new ImportError(file, sampleProblem(v, where(b, t)) ?? `${v} at ${where(b, t)}`);
      }
      const at = b * n + t;
      data[at] = v;
      if (v !== 0 && data[at] === 0) {
        underflow += 1;
        if (underflow === 1) firstUnderflow = `${where(b, t)} = ${v}`;
      }
    },
    (at) => progress(1, at),
  );
  if (again === null) throw new Error('internal: the second pass read another document');
  progress(1, bytes.length);
  const notes = [
    single
      ? `read one signal of ${length} samples`
      : `read ${batch} signals of ${length} samples (one per inner array)`,
  ];
  if (underflow > 0) {
    notes.push(
      `${underflow} value${underflow === 1 ? '' : 's'} smaller than float32's smallest ` +
        `(±1.4e-45) became 0, the first ${firstUnderflow}`,
    );
  }
  return paddedSignals(file, 'json', batch, length, data, notes);
}
