import { describe, expect, it } from 'vitest';
import { importImagePixels, ImportError } from './import';

/** An RGBA image whose pixel (x, y) has red = x, green = y, blue 0, opaque. */
function coordinates(width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set([x, y, 0, 255], 4 * (y * width + x));
  }
  return rgba;
}

const luma = (r: number, g: number, b: number): number =>
  Math.fround((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255);

describe('importImagePixels: luminance', () => {
  it('maps white to 1, black to 0 and primaries by Rec. 709 weights', () => {
    const rgba = Uint8ClampedArray.from([
      255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255,
    ]);
    const d = importImagePixels('p.png', 2, 2, rgba);
    expect(d).toMatchObject({ name: 'p.png', kind: 'image', shape: [2, 2], batch: 1 });
    expect(Array.from(d.data)).toEqual([1, 0, Math.fround(0.2126), Math.fround(0.7152)]);
    expect(d.notes).toEqual(['2×2 image as grayscale luminance (Rec. 709) in [0, 1]']);
  });

  it('composites transparent pixels over black, with a note', () => {
    const d = importImagePixels(
      't.png',
      2,
      1,
      Uint8ClampedArray.from([255, 255, 255, 0, 255, 255, 255, 51]),
    );
    // The 1-pixel height is padded to 2: a second row of zeros.
    expect(Array.from(d.data)).toEqual([0, Math.fround(0.2), 0, 0]);
    expect(d.notes).toContain('transparent pixels were composited over black');
  });
});

describe('importImagePixels: power-of-two axes', () => {
  it('keeps power-of-two sizes as they are', () => {
    const d = importImagePixels('a.png', 8, 4, coordinates(8, 4));
    expect(d.shape).toEqual([4, 8]);
    expect(d.data[3 * 8 + 5]).toBe(luma(5, 3, 0));
    expect(d.notes).toHaveLength(1);
  });

  it('pads an axis when the next power of two is nearer, cropping the centre otherwise', () => {
    // Width 300: 256 is nearer than 512 → crop, keeping columns 22..277.
    // Height 200: 256 is nearer than 128 → pad with 56 rows of zeros at the bottom.
    const d = importImagePixels('b.png', 300, 200, coordinates(300, 200));
    expect(d.shape).toEqual([256, 256]);
    expect(d.data[0]).toBe(luma(22, 0, 0));
    expect(d.data[199 * 256 + 255]).toBe(luma(255, 199, 0));
    expect(d.data.subarray(200 * 256).every((v) => v === 0)).toBe(true);
    expect(d.notes).toContain('width 300 cropped to 256 around the centre (44 columns dropped)');
    expect(d.notes).toContain('height 200 zero-padded to 256 (56 rows of zeros at the bottom)');
  });

  it('pads on a tie, pads a 1-pixel axis to 2 and crops anything wider than 2048', () => {
    const d = importImagePixels('c.png', 3000, 1, coordinates(3000, 1));
    expect(d.shape).toEqual([2, 2048]);
    expect(d.notes).toContain('width 3000 cropped to 2048 around the centre (952 columns dropped)');
    expect(d.notes).toContain('height 1 zero-padded to 2 (1 rows of zeros at the bottom)');
    expect(importImagePixels('t.png', 6, 6, coordinates(6, 6)).shape).toEqual([8, 8]);
  });
});

describe('importImagePixels: errors', () => {
  it('rejects a pixel buffer of the wrong size and non-positive sides', () => {
    expect(() => importImagePixels('x.png', 3, 3, new Uint8ClampedArray(35))).toThrow(
      new ImportError('x.png', 'the pixel buffer has 35 bytes; a 3×3 RGBA image has 36'),
    );
    expect(() => importImagePixels('x.png', 0, 3, new Uint8ClampedArray(0))).toThrow(
      'x.png: the image is 0×3; both sides must be whole numbers ≥ 1',
    );
  });
});
