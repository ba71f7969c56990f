import { describe, expect, it } from 'vitest';
import { importFile, ImportError } from './import';
import {
  ascii,
  dataChunk,
  fmtChunk,
  riff,
  wav,
  type Chunk,
  type FmtOptions,
} from './testing/wav-bytes';

const PCM = 1;
const FLOAT = 3;

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) {
      expect(e.message).toBe(`${e.file}: ${e.problem}`);
      return e.problem;
    }
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('WAV: sample encodings', () => {
  it('16-bit PCM mono, scaled to [−1, 1), zero-padded to a power of two', () => {
    const bytes = wav([[0], [16384], [-32768], [32767], [-1]], {
      code: PCM,
      channels: 1,
      bits: 16,
    });
    const d = importFile('tone.wav', bytes);
    expect(d.kind).toBe('wav');
    expect(d.shape).toEqual([8]);
    expect(d.batch).toBe(1);
    expect(Array.from(d.data)).toEqual(
      [0, 0.5, -1, 32767 / 32768, -1 / 32768, 0, 0, 0].map(Math.fround),
    );
    expect(d.notes[0]).toBe('8000 Hz, 1 channel, 16-bit PCM: one signal of 5 samples');
    expect(d.notes).toContain(
      'zero-padded the signal from 5 to 8 samples at its end, since FFT lengths must be powers of two',
    );
  });

  it('8-bit PCM is unsigned with 128 as zero', () => {
    const d = importFile(
      'a.wav',
      wav([[128], [255], [0], [192]], { code: PCM, channels: 1, bits: 8 }),
    );
    expect(Array.from(d.data)).toEqual([0, 127 / 128, -1, 0.5]);
  });

  it('24-bit PCM, sign-extended', () => {
    const frames = [[-8388608], [8388607], [1], [-1]];
    const d = importFile('a.wav', wav(frames, { code: PCM, channels: 1, bits: 24 }));
    expect(Array.from(d.data)).toEqual(
      [-1, 8388607 / 8388608, 1 / 8388608, -1 / 8388608].map(Math.fround),
    );
  });

  it('32-bit integer PCM', () => {
    const frames = [[-2147483648], [1073741824], [0], [2147483647]];
    const d = importFile('a.wav', wav(frames, { code: PCM, channels: 1, bits: 32 }));
    expect(Array.from(d.data)).toEqual([-1, 0.5, 0, Math.fround(2147483647 / 2147483648)]);
  });

  it('32-bit and 64-bit IEEE float, values kept as stored', () => {
    const frames = [[0.25], [-1.5], [3], [1e-3]];
    const f32 = importFile('a.wav', wav(frames, { code: FLOAT, channels: 1, bits: 32 }));
    expect(Array.from(f32.data)).toEqual([0.25, -1.5, 3, Math.fround(1e-3)]);
    const f64 = importFile('a.wav', wav(frames, { code: FLOAT, channels: 1, bits: 64 }));
    expect(Array.from(f64.data)).toEqual(Array.from(f32.data));
  });

  it('one signal per channel of a stereo file', () => {
    const frames = [
      [16384, -16384],
      [0, 8192],
    ];
    const d = importFile('st.wav', wav(frames, { code: PCM, channels: 2, bits: 16, rate: 44100 }));
    expect(d.batch).toBe(2);
    expect(d.shape).toEqual([2]);
    expect(Array.from(d.data)).toEqual([0.5, 0, -0.5, 0.25]);
    expect(d.notes[0]).toBe(
      '44100 Hz, 2 channels, 16-bit PCM: one signal per channel of 2 samples',
    );
  });

  it('WAVE_FORMAT_EXTENSIBLE takes the encoding from its SubFormat', () => {
    const frames = [
      [0.5, 0.25],
      [-0.5, 1],
    ];
    const d = importFile(
      'x.wav',
      wav(frames, { code: FLOAT, channels: 2, bits: 32, extensible: true }),
    );
    expect(Array.from(d.data)).toEqual([0.5, -0.5, 0.25, 1]);
  });
});

describe('WAV: chunk walking', () => {
  const frames = [[100], [200]];
  const fmt = fmtChunk({ code: PCM, channels: 1, bits: 16 });
  const data = dataChunk(frames, PCM, 16);
  const expected = [100 / 32768, 200 / 32768].map(Math.fround);

  it('skips unknown chunks, odd-sized ones with their pad byte included', () => {
    const list: Chunk = { id: 'LIST', body: ascii('INFOabc') };
    const d = importFile('x.wav', riff([list, fmt, { id: 'fact', body: new Uint8Array(4) }, data]));
    expect(Array.from(d.data)).toEqual(expected);
    expect(d.notes).toContain('skipped chunks: LIST, fact');
  });

  it('accepts the data chunk before the fmt chunk', () => {
    expect(Array.from(importFile('x.wav', riff([data, fmt])).data)).toEqual(expected);
  });

  it('reads a data chunk whose size overstates the file (streamed WAV), with a note', () => {
    const d = importFile('x.wav', riff([fmt, { ...data, declaredSize: 0xffffffff }]));
    expect(Array.from(d.data)).toEqual(expected);
    expect(d.notes.some((n) => n.includes("the 'data' chunk claims 4294967295 bytes"))).toBe(true);
  });

  it('ignores the bytes of an incomplete last frame, with a note', () => {
    const body = new Uint8Array([...data.body, 7]);
    const d = importFile('x.wav', riff([fmt, { id: 'data', body }]));
    expect(Array.from(d.data)).toEqual(expected);
    expect(d.notes).toContain('ignored 1 bytes of an incomplete last frame');
  });
});

/** A fmt chunk and four bytes of samples the importer must refuse to decode. */
function raw(o: FmtOptions): ArrayBuffer {
  return riff([fmtChunk(o), { id: 'data', body: new Uint8Array(4) }]);
}

describe('WAV: errors name the file and the problem', () => {
  const fmt16 = { code: PCM, channels: 1, bits: 16 };
  const cases: [string, () => ArrayBuffer, RegExp][] = [
    [
      'too short',
      () => ascii('RIFF1234').buffer,
      /only 8 bytes; a WAV file starts with a 12-byte RIFF header/,
    ],
    ['not RIFF', () => riff([], 'WAVE', 'OggS'), /not a RIFF\/WAVE file \(it starts with 'OggS'\)/],
    ['RIFF but not WAVE', () => riff([], 'AVI '), /not a RIFF\/WAVE file/],
    ['RF64', () => riff([], 'WAVE', 'RF64'), /RF64 \(WAV over 4 GiB\) is not supported/],
    ['no fmt chunk', () => riff([dataChunk([[1]], PCM, 16)]), /no 'fmt ' chunk/],
    ['no data chunk', () => riff([fmtChunk(fmt16)]), /no 'data' chunk/],
    ['empty data chunk', () => wav([], fmt16), /the 'data' chunk holds no samples/],
    [
      'truncated fmt chunk',
      () => riff([{ ...fmtChunk(fmt16), declaredSize: 400 }]),
      /the 'fmt ' chunk at byte 12 claims 400 bytes but only 16 remain; the file is truncated/,
    ],
    [
      'short fmt chunk',
      () => riff([{ id: 'fmt ', body: new Uint8Array(14) }]),
      /'fmt ' chunk is 14 bytes; it needs at least 16/,
    ],
    [
      'ADPCM',
      () => raw({ code: 2, channels: 1, bits: 4, blockAlign: 1 }),
      /unsupported WAV encoding: Microsoft ADPCM \(format code 2\), 4-bit; supported: PCM integer 8\/16\/24\/32-bit and IEEE float 32\/64-bit/,
    ],
    [
      'μ-law',
      () => wav([[1]], { code: 7, channels: 1, bits: 8 }),
      /unsupported WAV encoding: μ-law/,
    ],
    [
      '12-bit PCM',
      () => raw({ code: PCM, channels: 1, bits: 12, blockAlign: 2 }),
      /unsupported WAV encoding: PCM integer \(format code 1\), 12-bit/,
    ],
    [
      '16-bit float',
      () => raw({ code: FLOAT, channels: 1, bits: 16, blockAlign: 2 }),
      /unsupported WAV encoding: IEEE float/,
    ],
    [
      '0 channels',
      () => riff([fmtChunk({ ...fmt16, channels: 0, blockAlign: 2 }), dataChunk([[1]], PCM, 16)]),
      /declares 0 channels/,
    ],
    [
      'block size mismatch',
      () => wav([[1, 2]], { code: PCM, channels: 2, bits: 16, blockAlign: 2 }),
      /block size 2 does not match 2 channels × 2 bytes/,
    ],
    [
      'NaN sample',
      () => wav([[0], [Number.NaN]], { code: FLOAT, channels: 1, bits: 32 }),
      /^NaN at frame 1, channel 1/,
    ],
    [
      'infinite sample',
      () => wav([[Number.POSITIVE_INFINITY]], { code: FLOAT, channels: 1, bits: 64 }),
      /^Infinity at frame 0, channel 1/,
    ],
    [
      'float64 beyond float32',
      () => wav([[1e300]], { code: FLOAT, channels: 1, bits: 64 }),
      /outside the float32 range/,
    ],
  ];
  for (const [what, bytes, message] of cases) {
    it(what, () => expect(problemOf(() => importFile('bad.wav', bytes()))).toMatch(message));
  }

  it('more than 2^20 frames', () => {
    const frames = Array.from({ length: 2 ** 20 + 1 }, () => [0]);
    expect(problemOf(() => importFile('long.wav', wav(frames, fmt16)))).toBe(
      'signals are 1048577 samples long; the limit is 1048576 (2^20) samples per signal',
    );
  });
});
