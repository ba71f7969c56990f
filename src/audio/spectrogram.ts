/**
 * The waterfall's data: one column per processed audio frame, the Hann-windowed spectrum of the
 * original frame and of what the φ-resolvent left of it, in dB. The history is capped, so a
 * microphone left on for an hour holds as many columns as one left on for a minute.
 */
import type { Engine } from '../engine';
import { decibels, halfMagnitudes, hann, peakHz } from './spectrum';

export interface SpectrogramColumn {
  /** Seconds into the stream (microphone) or file where the frame starts. */
  t: number;
  /** Bins 0 … N/2 in dB (see `halfSpectrumDb`). */
  original: Float32Array;
  filtered: Float32Array;
  /** The original's strongest bin in Hz (DC skipped), null for silence. */
  peakHz: number | null;
}

export interface Spectrogram {
  /** Frame size N of every column (N/2 + 1 bins each). */
  n: number;
  sampleRate: number;
  /** Oldest first, at most `cap`. */
  columns: readonly SpectrogramColumn[];
}

export const SPECTROGRAM_CAP = 240;

export function emptySpectrogram(n: number, sampleRate: number): Spectrogram {
  return { n, sampleRate, columns: [] };
}

/**
 * A new spectrogram with `column` appended and the oldest dropped beyond `cap`. A column of
 * another frame size or sample rate starts a new history: mixing them would misplace every
 * frequency on the y axis.
 */
export function pushColumn(
  history: Spectrogram,
  column: SpectrogramColumn,
  n: number,
  sampleRate: number,
  cap = SPECTROGRAM_CAP,
): Spectrogram {
  const same = history.n === n && history.sampleRate === sampleRate;
  const kept = same ? history.columns.slice(Math.max(0, history.columns.length + 1 - cap)) : [];
  kept.push(column);
  return { n, sampleRate, columns: kept };
}

/**
 * One column from a frame and its filtered version: both windowed by Hann (so a tone shows as
 * one narrow line instead of leaking over every bin) and transformed by `engine` in one batch of
 * two. The caller passes the float64 CPU engine: a display spectrum of a few thousand samples
 * takes well under a millisecond there, and compiles nothing on the GPU.
 */
export async function spectrogramColumn(
  engine: Engine,
  original: ArrayLike<number>,
  filtered: ArrayLike<number>,
  sampleRate: number,
  t: number,
): Promise<SpectrogramColumn> {
  const n = original.length;
  if (filtered.length !== n) {
    throw new RangeError(`filtered has ${filtered.length} samples; the original has ${n}`);
  }
  const w = hann(n);
  const both = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const wi = w[i] ?? 0;
    both[i] = (original[i] ?? 0) * wi;
    both[n + i] = (filtered[i] ?? 0) * wi;
  }
  const { data } = await engine.fft(both, { shape: [n], batch: 2, real: true });
  const originalMagnitude = halfMagnitudes(data, n, 0);
  return {
    t,
    original: decibels(originalMagnitude, n),
    filtered: decibels(halfMagnitudes(data, n, 1), n),
    peakHz: peakHz(originalMagnitude, sampleRate, n),
  };
}
