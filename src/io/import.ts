/**
 * User data import: one entry point for files (dispatch by extension) and one for image pixels
 * the browser has already decoded. Every failure is an ImportError whose message names the
 * file and the problem, ready to show as is.
 */
import { importCsv } from './import-csv';
import { ImportError, MAX_FILE_BYTES, type ImportedData } from './import-data';
import { importJson } from './import-json';
import { importWav } from './import-wav';

export {
  ImportError,
  MAX_FILE_BYTES,
  MAX_SIGNAL_SAMPLES,
  MAX_TOTAL_SAMPLES,
  type ImportedData,
} from './import-data';
export { importImagePixels } from './import-image';

export const IMPORT_EXTENSIONS = ['.csv', '.txt', '.wav', '.json'] as const;
const ALLOWED = `${IMPORT_EXTENSIONS.join(', ')} (images: .png, .jpg … are decoded by the browser first)`;

/**
 * Whether bytes without a byte-order mark look like UTF-16: text of ASCII digits in UTF-16 has
 * a zero in every other byte, which UTF-8 text of numbers never has.
 */
function looksLikeUtf16(bytes: ArrayBuffer): 'le' | 'be' | null {
  const sample = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 4096) & ~1);
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

/** Text as UTF-8, or UTF-16 when a byte-order mark says so (Excel's "Unicode text"). */
function decodeText(file: string, bytes: ArrayBuffer): string {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const hasBom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const utf16 = hasBom ? null : looksLikeUtf16(bytes);
  if (utf16 !== null) {
    throw new ImportError(
      file,
      `the file looks like UTF-16${utf16.toUpperCase()} text without a byte-order mark (every ` +
        'other byte is 0); save it as UTF-8, or as UTF-16 with a BOM ("Unicode text")',
    );
  }
  const encoding =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(file, `the file is not ${encoding.toUpperCase()} text`);
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export function importFile(name: string, bytes: ArrayBuffer): ImportedData {
  const ext = extensionOf(name);
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    const what = ext === '' ? 'has no file extension' : `has the unsupported type '${ext}'`;
    throw new ImportError(name, `the file ${what}; allowed: ${ALLOWED}`);
  }
  if (bytes.byteLength === 0) throw new ImportError(name, 'the file is empty');
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mib = (bytes.byteLength / 2 ** 20).toFixed(1);
    throw new ImportError(name, `the file is ${mib} MiB; the limit is 64 MiB`);
  }
  switch (ext) {
    case '.wav':
      return importWav(name, bytes);
    case '.json':
      return importJson(name, decodeText(name, bytes));
    default:
      return importCsv(name, decodeText(name, bytes));
  }
}
