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

/** Text as UTF-8, or UTF-16 when a byte-order mark says so (Excel's "Unicode text"). */
function decodeText(file: string, bytes: ArrayBuffer): string {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
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
