import { describe, expect, it } from 'vitest';
import { checkSize } from './import-data';
import { importFile, ImportError, MAX_FILE_BYTES } from './import';
import { utf8 } from './testing/text-bytes';
import { wav } from './testing/wav-bytes';

describe('importFile: dispatch by extension', () => {
  it('reads .csv, .txt, .json and .wav whatever the case of the extension', () => {
    expect(importFile('A.CSV', utf8('1\n2\n')).kind).toBe('csv');
    expect(importFile('notes.v2.txt', utf8('1 2\n')).kind).toBe('csv');
    expect(importFile('x.Json', utf8('[1, 2]')).kind).toBe('json');
    expect(importFile('s.WAV', wav([[0], [1]], { code: 1, channels: 1, bits: 16 })).kind).toBe(
      'wav',
    );
  });

  it('names the allowed types for anything else', () => {
    expect(() => importFile('photo.png', utf8('x'))).toThrow(
      "photo.png: the file has the unsupported type '.png'; allowed: .csv, .txt, .wav, .json (images: .png, .jpg … are decoded by the browser first)",
    );
    expect(() => importFile('README', utf8('x'))).toThrow(
      /^README: the file has no file extension; allowed: \.csv/,
    );
  });

  it('refuses empty files and files over 64 MiB before parsing', () => {
    expect(() => importFile('e.wav', new ArrayBuffer(0))).toThrow(
      new ImportError('e.wav', 'the file is empty'),
    );
    expect(() => importFile('big.csv', new ArrayBuffer(MAX_FILE_BYTES + 1))).toThrow(
      'big.csv: the file is 64.0 MiB; the limit is 64 MiB',
    );
  });
});

describe('checkSize: the shared limits', () => {
  it('counts the padded total against 2^24 samples', () => {
    expect(() => checkSize('f', 16, 2 ** 20)).not.toThrow();
    // 3 × 1000 samples pad to 3 × 1024.
    expect(() => checkSize('f', 2 ** 24 / 1024, 1000)).not.toThrow();
    expect(() => checkSize('f', 2 ** 24 / 1024 + 1, 1000)).toThrow(
      'f: 16385 signals of 1024 samples are 16778240 samples; the limit is 16777216 (2^24) samples in total',
    );
  });
});
