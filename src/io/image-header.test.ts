import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageHeaderSize, isJpeg, scanJpeg } from './image-header';

// Encoded by Chromium's canvas (convertToBlob), 37×21: real files, not bytes written to match the parser.
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./testing/fixtures/${name}`, import.meta.url)));

describe('imageHeaderSize', () => {
  it('reads the size of WebP files as Chromium writes them (VP8X)', () => {
    expect(imageHeaderSize(fixture('37x21-lossy.webp').slice(0, 32))).toEqual({
      width: 37,
      height: 21,
    });
    expect(imageHeaderSize(fixture('37x21-lossless.webp').slice(0, 32))).toEqual({
      width: 37,
      height: 21,
    });
  });

  it('reads simple lossy (VP8) and lossless (VP8L) WebP headers', () => {
    const vp8 = new Uint8Array(30);
    vp8.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '));
    vp8.set([0x9d, 0x01, 0x2a], 23);
    const v = new DataView(vp8.buffer);
    v.setUint16(26, 16383, true);
    v.setUint16(28, 0xc000 | 300, true); // the top two bits are a scale, not size
    expect(imageHeaderSize(vp8)).toEqual({ width: 16383, height: 300 });
    const vp8l = new Uint8Array(30);
    vp8l.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8L'));
    vp8l[20] = 0x2f;
    new DataView(vp8l.buffer).setUint32(21, (8191 << 14) | 4095, true);
    expect(imageHeaderSize(vp8l)).toEqual({ width: 4096, height: 8192 });
  });

  it('leaves formats it does not read to the decoder', () => {
    expect(imageHeaderSize(new Uint8Array(4))).toBeNull();
    expect(imageHeaderSize(fixture('37x21.jpg').slice(0, 32))).toBeNull();
  });
});

describe('scanJpeg', () => {
  const jpg = fixture('37x21.jpg');

  it('finds the frame header of a JPEG as Chromium writes it (JFIF + ICC profile)', () => {
    expect(isJpeg(jpg)).toBe(true);
    expect(scanJpeg(jpg, jpg.length)).toEqual({ kind: 'size', size: { width: 37, height: 21 } });
  });

  it('asks for more bytes when metadata pushes the frame header past what was read', () => {
    // A 60 KB comment segment after SOI: the frame header moves ~60 KB into the file.
    const comment = new Uint8Array(4 + 60_000);
    comment.set([0xff, 0xfe, (60_002 >> 8) & 0xff, 60_002 & 0xff]);
    const big = new Uint8Array(jpg.length + comment.length);
    big.set(jpg.subarray(0, 2));
    big.set(comment, 2);
    big.set(jpg.subarray(2), 2 + comment.length);
    const first = scanJpeg(big.subarray(0, 1024), big.length);
    expect(first.kind).toBe('more');
    const need = first.kind === 'more' ? first.need : 0;
    expect(need).toBeGreaterThan(60_000);
    expect(scanJpeg(big.subarray(0, need), big.length)).toMatchObject({ kind: 'more' });
    expect(scanJpeg(big, big.length)).toEqual({ kind: 'size', size: { width: 37, height: 21 } });
  });

  it('refuses a JPEG cut short or without a frame header, saying where', () => {
    expect(scanJpeg(jpg.subarray(0, 30), 30)).toMatchObject({ kind: 'invalid' });
    const noFrame = new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08]);
    expect(scanJpeg(noFrame, noFrame.length)).toEqual({
      kind: 'invalid',
      reason: 'the JPEG has no frame header before its image data',
    });
    const junk = new Uint8Array([0xff, 0xd8, 0x12, 0x34, 0x56, 0x78]);
    expect(scanJpeg(junk, junk.length)).toEqual({
      kind: 'invalid',
      reason: 'the JPEG has no segment marker at byte 2',
    });
  });
});
