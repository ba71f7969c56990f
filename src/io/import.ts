/**
 * User data import: one entry point for files (dispatch by extension) and one for image pixels
 * the browser has already decoded. Every failure is an ImportError whose message names the
 * file and the problem, ready to show as is.
 */
import { importCsv } from './import-csv';
import { ImportError, MAX_FILE_BYTES, type ImportedData } from './import-data';
import { importJson } from './import-json';
import type { ParseProgress } from './import-text';
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

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Parses a whole file's bytes. `onProgress` is called as the text parsers go (about every MiB
 * of each pass), with the work done counted in bytes of the file.
 */
export function importFile(
  name: string,
  bytes: ArrayBuffer,
  onProgress?: ParseProgress,
): ImportedData {
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
      return importJson(name, bytes, onProgress);
    default:
      return importCsv(name, bytes, onProgress);
  }
}
