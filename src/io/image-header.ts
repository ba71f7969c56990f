/**
 * An image's width and height read from its header, before the browser decodes it, so a
 * decompression bomb (a small file of a huge image) is refused without allocating its pixels.
 * PNG, GIF, BMP and WebP keep their size in the first 30 bytes; a JPEG keeps it in its frame
 * header (SOFn), after any number of metadata segments, so JPEG is read segment by segment.
 */

export interface ImageSize {
  width: number;
  height: number;
}

/** Bytes to read for every format but JPEG. */
export const FIXED_HEADER_BYTES = 32;

const ascii = (head: Uint8Array, at: number, text: string): boolean =>
  head.length >= at + text.length && [...text].every((c, i) => head[at + i] === c.charCodeAt(0));

function webpSize(head: Uint8Array, view: DataView): ImageSize | null {
  if (!ascii(head, 0, 'RIFF') || !ascii(head, 8, 'WEBP') || head.length < 30) return null;
  // Lossy: a VP8 key frame, its 14-bit sizes after the 3-byte tag and start code 9d 01 2a.
  if (ascii(head, 12, 'VP8 ')) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  // Lossless: signature 0x2f, then width−1 and height−1 in 14 bits each, little-endian.
  if (ascii(head, 12, 'VP8L')) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  // Extended: the canvas size, width−1 and height−1 in 24 bits each.
  if (ascii(head, 12, 'VP8X')) {
    const u24 = (at: number): number => view.getUint16(at, true) | (view.getUint8(at + 2) << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return null;
}

/** Width and height of a PNG, GIF, BMP or WebP from its first bytes; null for other formats. */
export function imageHeaderSize(head: Uint8Array): ImageSize | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 24 && head[0] === 0x89 && ascii(head, 1, 'PNG')) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (head.length >= 10 && ascii(head, 0, 'GIF')) {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (head.length >= 26 && ascii(head, 0, 'BM')) {
    return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  return webpSize(head, view);
}

export function isJpeg(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
}

/** Frame headers: SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrameMarker = (m: number): boolean =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Markers that stand alone, with no length after them: TEM and RST0–RST7. */
const isStandalone = (m: number): boolean => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

export type JpegScan =
  | { kind: 'size'; size: ImageSize }
  /** The bytes given end before the frame header: read up to `need` bytes and scan again. */
  | { kind: 'more'; need: number }
  | { kind: 'invalid'; reason: string };

/**
 * Walks a JPEG's segments from the start of `bytes` (a prefix of the file, `fileSize` long) to
 * its frame header. Each metadata segment is skipped by its length, so only the segment
 * headers need to be in `bytes`; when they are not yet, the answer says how much to read.
 */
export function scanJpeg(bytes: Uint8Array, fileSize: number): JpegScan {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  for (;;) {
    // Fill bytes: any number of 0xFF may precede a marker.
    while (at < bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xff) at += 1;
    if (at + 4 > bytes.length) {
      return at + 4 > fileSize
        ? { kind: 'invalid', reason: 'the JPEG ends before its frame header' }
        : { kind: 'more', need: at + 4 };
    }
    if (bytes[at] !== 0xff) {
      return { kind: 'invalid', reason: `the JPEG has no segment marker at byte ${at}` };
    }
    const marker = view.getUint8(at + 1);
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      return { kind: 'invalid', reason: 'the JPEG has no frame header before its image data' };
    }
    const length = view.getUint16(at + 2);
    if (length < 2) return { kind: 'invalid', reason: `a JPEG segment at byte ${at} is too short` };
    if (isFrameMarker(marker)) {
      // Frame header: length (2), precision (1), height (2), width (2).
      if (at + 9 > bytes.length) {
        return at + 9 > fileSize
          ? { kind: 'invalid', reason: 'the JPEG ends inside its frame header' }
          : { kind: 'more', need: at + 9 };
      }
      return {
        kind: 'size',
        size: { width: view.getUint16(at + 7), height: view.getUint16(at + 5) },
      };
    }
    at += 2 + length;
  }
}
