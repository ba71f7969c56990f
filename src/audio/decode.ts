/**
 * An audio file → one channel of float samples at a known rate. The browser's decoder
 * (AudioContext.decodeAudioData) reads every format it knows (WAV, MP3, Ogg, FLAC …) at any
 * length. When it refuses a RIFF/WAVE file, the project's own WAV parser (io/import-wav.ts) reads
 * the file's header and first samples to say precisely why (μ-law, a truncated chunk, NaN …);
 * the browser's own message is the fallback. The parser is not the main path: it pads signals
 * to a power of two, caps them at 2^20 samples and does not return the sample rate.
 */
import { ImportError, MAX_FILE_BYTES } from '../io/import';
import { importWav } from '../io/import-wav';

/** Longer recordings are refused: the original and the filtered copy both stay in memory. */
export const MAX_AUDIO_SECONDS = 600;
/** Enough of a WAV for the parser to check its header, chunks and first samples. */
const WAV_PROBE_BYTES = 2 ** 20;

export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface DecodedAudio {
  name: string;
  /** Mono: the mean of the channels. */
  samples: Float32Array<ArrayBuffer>;
  sampleRate: number;
  channels: number;
  seconds: number;
}

/** What decoding needs of an AudioContext (an OfflineAudioContext or a fake in tests will do). */
export interface AudioDecoder {
  decodeAudioData(bytes: ArrayBuffer): Promise<DecodedBuffer>;
}

export interface DecodedBuffer {
  numberOfChannels: number;
  length: number;
  sampleRate: number;
  getChannelData(channel: number): Float32Array;
}

/** The mean of the channels, sample by sample (a mono mixdown that cannot clip). */
export function mixdown(
  channels: readonly ArrayLike<number>[],
  length: number,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(length);
  if (channels.length === 0) return out;
  for (const c of channels) for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) + (c[i] ?? 0);
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) * scale;
  return out;
}

function isRiffWave(bytes: ArrayBuffer): boolean {
  if (bytes.byteLength < 12) return false;
  const b = new Uint8Array(bytes, 0, 12);
  const tag = (at: number): string => String.fromCharCode(...b.subarray(at, at + 4));
  return tag(0) === 'RIFF' && tag(8) === 'WAVE';
}

/** Why the WAV parser refuses the start of this file, or null if it reads it. */
function wavProblem(name: string, bytes: ArrayBuffer): string | null {
  try {
    importWav(name, bytes.slice(0, WAV_PROBE_BYTES));
    return null;
  } catch (error) {
    return error instanceof ImportError ? error.problem : null;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

export async function decodeAudio(
  decoder: AudioDecoder,
  name: string,
  bytes: ArrayBuffer,
): Promise<DecodedAudio> {
  if (bytes.byteLength === 0) throw new AudioDecodeError(name, 'the file is empty');
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mib = (bytes.byteLength / 2 ** 20).toFixed(1);
    throw new AudioDecodeError(name, `${mib} MiB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MiB`);
  }
  let buffer: DecodedBuffer;
  try {
    // decodeAudioData detaches the buffer it is given; keep the original for the WAV parser.
    buffer = await decoder.decodeAudioData(bytes.slice(0));
  } catch (error) {
    const wav = isRiffWave(bytes) ? wavProblem(name, bytes) : null;
    throw new AudioDecodeError(
      name,
      wav ??
        `the browser could not decode it as audio (${describe(error)}); try WAV, MP3, Ogg or FLAC`,
    );
  }
  const seconds = buffer.length / buffer.sampleRate;
  if (buffer.length === 0 || buffer.numberOfChannels === 0) {
    throw new AudioDecodeError(name, 'it decodes to no samples');
  }
  if (seconds > MAX_AUDIO_SECONDS) {
    throw new AudioDecodeError(
      name,
      `${seconds.toFixed(0)} s long; the limit is ${MAX_AUDIO_SECONDS} s (${MAX_AUDIO_SECONDS / 60} minutes)`,
    );
  }
  const channels: Float32Array[] = [];
  for (let c = 0; c < buffer.numberOfChannels; c++) channels.push(buffer.getChannelData(c));
  return {
    name,
    samples: mixdown(channels, buffer.length),
    sampleRate: buffer.sampleRate,
    channels: buffer.numberOfChannels,
    seconds,
  };
}
