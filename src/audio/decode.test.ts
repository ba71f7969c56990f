import { describe, expect, it } from 'vitest';
import { wav } from '../io/testing/wav-bytes';
import { AudioDecodeError, decodeAudio, mixdown, type AudioDecoder } from './decode';

/** A decoder that returns fixed channels, or refuses like Chrome's does. */
function decoder(channels: number[][] | null, sampleRate = 8000): AudioDecoder {
  return {
    decodeAudioData: async (bytes) => {
      if (bytes.byteLength === 0) throw new Error('the decoder got the detached original');
      if (!channels) throw new DOMException('Unable to decode audio data', 'EncodingError');
      return {
        numberOfChannels: channels.length,
        length: channels[0]?.length ?? 0,
        sampleRate,
        getChannelData: (c) => Float32Array.from(channels[c] ?? []),
      };
    },
  };
}

async function reasonOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    if (e instanceof AudioDecodeError) {
      expect(e.message).toBe(`${e.file}: ${e.reason}`);
      return e.reason;
    }
    throw e;
  }
  throw new Error('expected an AudioDecodeError');
}

describe('decodeAudio', () => {
  it('mixes the channels down to their mean, at the decoded rate', async () => {
    const d = await decodeAudio(
      decoder(
        [
          [1, 0, -1, 0.5],
          [0, 0, 1, 0.5],
        ],
        44100,
      ),
      'st.wav',
      new ArrayBuffer(8),
    );
    expect(Array.from(d.samples)).toEqual([0.5, 0, 0, 0.5]);
    expect(d).toMatchObject({ name: 'st.wav', sampleRate: 44100, channels: 2 });
    expect(d.seconds).toBeCloseTo(4 / 44100, 12);
  });

  it('names what the WAV parser finds wrong when the browser refuses a WAV', async () => {
    const mulaw = wav([[1], [2]], { code: 7, channels: 1, bits: 8 });
    const reason = await reasonOf(decodeAudio(decoder(null), 'phone.wav', mulaw));
    expect(reason).toMatch(/unsupported WAV encoding: μ-law/);
  });

  it("gives the browser's reason for other files, and says which formats to try", async () => {
    const bytes = new TextEncoder().encode('not audio at all').buffer;
    const reason = await reasonOf(decodeAudio(decoder(null), 'notes.txt', bytes));
    expect(reason).toMatch(/EncodingError: Unable to decode audio data/);
    expect(reason).toMatch(/WAV, MP3, Ogg or FLAC/);
  });

  it('refuses an empty file and one that is too long', async () => {
    expect(await reasonOf(decodeAudio(decoder([[0]]), 'e.wav', new ArrayBuffer(0)))).toMatch(
      /empty/,
    );
    const long: AudioDecoder = {
      decodeAudioData: async () => ({
        numberOfChannels: 1,
        length: 8000 * 601,
        sampleRate: 8000,
        getChannelData: () => new Float32Array(8000 * 601),
      }),
    };
    expect(await reasonOf(decodeAudio(long, 'long.wav', new ArrayBuffer(8)))).toMatch(
      /601 s long; the limit is 600 s/,
    );
  });

  it('mixdown of no channels is silence of the given length', () => {
    expect(Array.from(mixdown([], 3))).toEqual([0, 0, 0]);
  });
});
