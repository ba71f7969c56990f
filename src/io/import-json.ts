/**
 * JSON signals: `number[]` (one signal), `number[][]` (one signal per inner array) or
 * `{ "signals": number[][] }`. The structure is walked by hand rather than by a zod schema so
 * that an error in a 16-million-sample file names the exact element ("signals[3][17] is null").
 *
 * Documents of numbers are read from the bytes without JSON.parse (import-json-stream.ts), in
 * memory bounded by the file and the result; JSON.parse reads the rest (small files, errors,
 * unusual members) and its checks below are the reference for both paths.
 */
import {
  checkSize,
  ImportError,
  importedSignals,
  sampleProblem,
  type ImportedData,
} from './import-data';
import { readNumericJson } from './import-json-stream';
import { decodeText, type ParseProgress } from './import-text';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** The signal arrays of a parsed document, and the path prefix messages use for them. */
function signalArrays(
  file: string,
  doc: unknown,
): { signals: unknown[][]; path: string; single: boolean } {
  let top: unknown = doc;
  let path = '';
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    if (!Object.hasOwn(doc, 'signals')) {
      const keys = Object.keys(doc).slice(0, 5).join(', ');
      throw new ImportError(
        file,
        `a JSON object must hold a "signals" array of arrays; it has ${keys === '' ? 'no keys' : `keys ${keys}`}`,
      );
    }
    top = (doc as { signals: unknown }).signals;
    path = 'signals';
  }
  if (!Array.isArray(top)) {
    throw new ImportError(
      file,
      `expected number[], number[][] or {"signals": number[][]}; ${path || 'the document'} is ${kindOf(top)}`,
    );
  }
  if (top.length === 0) throw new ImportError(file, `${path || 'the array'} is empty: no samples`);
  if (!Array.isArray(top[0])) return { signals: [top], path, single: true };
  const signals: unknown[][] = [];
  top.forEach((s, i) => {
    if (!Array.isArray(s)) {
      throw new ImportError(
        file,
        `${path}[${i}] is ${kindOf(s)}, but ${path}[0] is an array of samples`,
      );
    }
    signals.push(s);
  });
  return { signals, path, single: false };
}

export function importJson(
  file: string,
  bytes: ArrayBuffer,
  onProgress?: ParseProgress,
): ImportedData {
  return readNumericJson(file, new Uint8Array(bytes), onProgress) ?? parsedJson(file, bytes);
}

/**
 * The document through JSON.parse: the whole text, then a JS value, then the checks. Exported
 * for the tests that hold the streaming reader to this path's results and messages.
 */
export function parsedJson(file: string, bytes: ArrayBuffer): ImportedData {
  const text = decodeText(file, bytes);
  if (text.trim() === '') throw new ImportError(file, 'the file is empty');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError(file, `malformed JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { signals, path, single } = signalArrays(file, doc);
  const length = signals[0]?.length ?? 0;
  signals.forEach((s, i) => {
    if (s.length !== length) {
      throw new ImportError(
        file,
        `ragged rows: ${path}[${i}] has ${s.length} samples but ${path}[0] has ${length}`,
      );
    }
  });
  checkSize(file, signals.length, length);
  const values = new Float32Array(signals.length * length);
  let underflow = 0;
  let firstUnderflow = '';
  signals.forEach((s, b) => {
    for (let t = 0; t < length; t++) {
      const v: unknown = s[t];
      const where = single ? `${path}[${t}]` : `${path}[${b}][${t}]`;
      if (typeof v !== 'number') {
        const hint = v === null ? ' (JSON writes NaN and Infinity as null)' : '';
        throw new ImportError(file, `${where} is ${kindOf(v)}, not a number${hint}`);
      }
      const problem = sampleProblem(v, where);
      if (problem) throw new ImportError(file, problem);
      values[b * length + t] = v;
      if (v !== 0 && values[b * length + t] === 0) {
        underflow += 1;
        if (underflow === 1) firstUnderflow = `${where} = ${v}`;
      }
    }
  });
  const notes = [
    single
      ? `read one signal of ${length} samples`
      : `read ${signals.length} signals of ${length} samples (one per inner array)`,
  ];
  if (underflow > 0) {
    notes.push(
      `${underflow} value${underflow === 1 ? '' : 's'} smaller than float32's smallest ` +
        `(±1.4e-45) became 0, the first ${firstUnderflow}`,
    );
  }
  return importedSignals(file, 'json', signals.length, length, values, notes);
}
