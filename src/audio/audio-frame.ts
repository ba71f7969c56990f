/**
 * The audio frame the playground's workload runs on while a microphone or an audio file is the
 * source: N samples (a power of two) of one channel, and the rate they were taken at, so bins
 * can be read in Hz. A new frame has a new key; equal keys mean equal samples.
 */
export type AudioInput = 'microphone' | 'file';

export interface AudioFrame {
  key: string;
  sampleRate: number;
  frame: Float32Array;
  source: AudioInput;
}

/** Frame size N: at 48 kHz, 2048 samples are 43 ms and a bin is 23.4 Hz wide. */
export const AUDIO_FRAME_SIZE = 2048;
/** Frames start every N/2 samples (50% overlap), as the overlap-add resynthesis needs. */
export const AUDIO_HOP = AUDIO_FRAME_SIZE / 2;
