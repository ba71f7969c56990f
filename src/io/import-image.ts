/**
 * Images decoded by the browser (canvas getImageData) become one 2D signal: grayscale luminance
 * in [0, 1], each axis brought to a power of two from 2 to 2048 by zero-padding or cropping,
 * whichever changes fewer pixels, since cropping keeps the content free of the artificial edge
 * that a border of zeros adds at high k.
 */
import { ImportError, nextPowerOfTwo, type ImportedData } from './import-data';

const MAX_AXIS = 2048;

/** Rec. 709 luma weights: the eye's sensitivity to R, G and B. */
const LUMA = [0.2126, 0.7152, 0.0722] as const;

interface AxisFit {
  size: number;
  /** First source index that lands at 0 (cropping centres the kept part). */
  start: number;
  note: string | null;
}

function fitAxis(size: number, name: 'width' | 'height'): AxisFit {
  const what = name === 'width' ? 'columns' : 'rows';
  const where = name === 'width' ? 'right' : 'bottom';
  const up = nextPowerOfTwo(size);
  if (up === size && size <= MAX_AXIS) return { size, start: 0, note: null };
  const down = up / 2;
  const pad = up <= MAX_AXIS && (down < 2 || up - size <= size - down);
  if (pad) {
    return {
      size: up,
      start: 0,
      note: `${name} ${size} zero-padded to ${up} (${up - size} ${what} of zeros at the ${where})`,
    };
  }
  const kept = Math.min(down, MAX_AXIS);
  const start = Math.floor((size - kept) / 2);
  return {
    size: kept,
    start,
    note: `${name} ${size} cropped to ${kept} around the centre (${size - kept} ${what} dropped)`,
  };
}

export function importImagePixels(
  name: string,
  width: number,
  height: number,
  rgba: Uint8ClampedArray,
): ImportedData {
  const sizesOk =
    Number.isSafeInteger(width) && Number.isSafeInteger(height) && width >= 1 && height >= 1;
  if (!sizesOk) {
    throw new ImportError(
      name,
      `the image is ${width}×${height}; both sides must be whole numbers ≥ 1`,
    );
  }
  if (rgba.length !== width * height * 4) {
    throw new ImportError(
      name,
      `the pixel buffer has ${rgba.length} bytes; a ${width}×${height} RGBA image has ${width * height * 4}`,
    );
  }
  const fx = fitAxis(width, 'width');
  const fy = fitAxis(height, 'height');
  const data = new Float32Array(fy.size * fx.size);
  let transparent = false;
  const rows = Math.min(fy.size, height - fy.start);
  const cols = Math.min(fx.size, width - fx.start);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const p = 4 * ((y + fy.start) * width + (x + fx.start));
      const alpha = (rgba[p + 3] ?? 255) / 255;
      if (alpha < 1) transparent = true;
      const luma =
        LUMA[0] * (rgba[p] ?? 0) + LUMA[1] * (rgba[p + 1] ?? 0) + LUMA[2] * (rgba[p + 2] ?? 0);
      data[y * fx.size + x] = Math.min(1, (luma / 255) * alpha);
    }
  }
  const notes = [`${width}×${height} image as grayscale luminance (Rec. 709) in [0, 1]`];
  for (const f of [fx, fy]) if (f.note) notes.push(f.note);
  if (transparent) notes.push('transparent pixels were composited over black');
  return { name, kind: 'image', shape: [fy.size, fx.size], batch: 1, data, notes };
}
