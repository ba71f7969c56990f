/**
 * One import, from a File to engine-ready data, as the import worker runs it: the file size is
 * checked before a byte is read, text is read in chunks with streaming counts (TextScan) so a
 * file far over the limits is refused early, and progress is reported as it goes. DOM-free
 * apart from the image path (createImageBitmap and OffscreenCanvas exist in workers too).
 *
 * Memory: the file's bytes are held once (no copy), and the CSV and JSON parsers decode them
 * a chunk at a time and write samples straight into the result, so the peak is about the file
 * plus the result (import-memory.test.ts checks it stays under 3× the file's size).
 */
import { importFile, IMPORT_EXTENSIONS } from './import';
import { fileSizeRefusal, ImportError, type ImportedData } from './import-data';
import {
  FIXED_HEADER_BYTES,
  imageHeaderSize,
  isJpeg,
  scanJpeg,
  type ImageSize,
} from './image-header';
import { importImagePixels } from './import-image';
import { TextScan } from './import-scan';

export interface ImportProgress {
  phase: 'reading' | 'parsing';
  /** Bytes read so far and the file's size. */
  loaded: number;
  total: number;
}

/** The largest image decoded: 2^25 pixels (128 MiB of RGBA); bigger ones are refused. */
export const MAX_IMAGE_PIXELS = 2 ** 25;

const IMAGE_TYPES = /^image\//;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Bytes read at a time, and how often progress is reported (each report is a message and a render). */
const READ_STEP_BYTES = 2 ** 20;

/**
 * Fills `buffer` from the file a MiB at a time, calling `each` with every piece read; returns
 * the filled buffer. A file's stream is a byte stream, whose BYOB reader reads straight into the
 * buffer (handing it back as a new object over the same memory each time): no chunk to copy
 * and then collect. Where a browser lacks one, slices of a MiB are read and copied instead.
 */
async function readInto(
  file: Blob,
  buffer: ArrayBuffer,
  each: (chunk: Uint8Array, end: number) => void,
): Promise<ArrayBuffer> {
  let reader: ReadableStreamBYOBReader | null = null;
  try {
    reader = file.stream().getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream here: slices below.
  }
  let out = buffer;
  for (let loaded = 0; loaded < out.byteLength;) {
    const want = Math.min(out.byteLength - loaded, READ_STEP_BYTES);
    let chunk: Uint8Array;
    if (reader) {
      const { done, value } = await reader.read(new Uint8Array(out, loaded, want));
      if (done || value === undefined) throw new Error('the file shrank while it was read');
      out = value.buffer as ArrayBuffer;
      chunk = value;
    } else {
      chunk = new Uint8Array(await file.slice(loaded, loaded + want).arrayBuffer());
      if (chunk.length !== want) throw new Error('the file changed while it was read');
      new Uint8Array(out).set(chunk, loaded);
    }
    loaded += chunk.length;
    each(chunk, loaded);
  }
  await reader?.cancel();
  return out;
}

/** Reads the file, counting as it goes; returns its bytes. */
async function readCounted(
  file: Blob,
  scan: TextScan | null,
  onProgress: (p: ImportProgress) => void,
): Promise<ArrayBuffer> {
  const bytes = await readInto(file, new ArrayBuffer(file.size), (chunk, loaded) => {
    // The counts only bound what the parser will find; UTF-16 files are checked by the parser.
    scan?.feedBytes(chunk);
    onProgress({ phase: 'reading', loaded, total: file.size });
  });
  scan?.finish();
  return bytes;
}

function checkPixels(name: string, width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new ImportError(
      name,
      `the image is ${width}×${height} (${((width * height) / 1e6).toFixed(0)} megapixels); the limit is ${MAX_IMAGE_PIXELS / 2 ** 20} Mi pixels`,
    );
  }
}

/** First bytes read of a JPEG; more are read (doubling) while its metadata segments go on. */
const JPEG_FIRST_READ = 64 * 1024;

/** The size the header states, or null for a format whose header is not read here. */
async function headerSize(file: File): Promise<ImageSize | null> {
  const head = new Uint8Array(await file.slice(0, FIXED_HEADER_BYTES).arrayBuffer());
  if (!isJpeg(head)) return imageHeaderSize(head);
  let want = Math.min(file.size, JPEG_FIRST_READ);
  for (;;) {
    const bytes = new Uint8Array(await file.slice(0, want).arrayBuffer());
    const scan = scanJpeg(bytes, file.size);
    if (scan.kind === 'size') return scan.size;
    if (scan.kind === 'invalid') throw new ImportError(file.name, scan.reason);
    want = Math.min(file.size, Math.max(scan.need, 2 * want));
  }
}

async function importImage(file: File): Promise<ImportedData> {
  const size = await headerSize(file);
  if (size) checkPixels(file.name, size.width, size.height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImportError(file.name, 'the browser could not decode this image');
  }
  checkPixels(file.name, bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ImportError(file.name, 'no 2D canvas to read the pixels with');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return importImagePixels(file.name, pixels.width, pixels.height, pixels.data);
}

/** Runs one import; every refusal is an ImportError naming the file. */
export async function runImport(
  file: File,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportedData> {
  const tooLarge = fileSizeRefusal(file);
  if (tooLarge) throw tooLarge;
  if (IMAGE_TYPES.test(file.type)) return importImage(file);
  const ext = extensionOf(file.name);
  const known = (IMPORT_EXTENSIONS as readonly string[]).includes(ext);
  // Unknown extensions are refused by importFile without reading more than nothing.
  if (!known) return importFile(file.name, new ArrayBuffer(1));
  const scan = ext === '.wav' ? null : new TextScan(file.name, ext === '.json' ? 'json' : 'csv');
  const bytes = await readCounted(file, scan, onProgress);
  onProgress({ phase: 'parsing', loaded: 0, total: file.size });
  // The text parsers report about every MiB of their passes, counted in bytes of the file.
  return importFile(file.name, bytes, (done) =>
    onProgress({ phase: 'parsing', loaded: done, total: file.size }),
  );
}
