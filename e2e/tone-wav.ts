/**
 * Test audio written by hand: 16-bit PCM mono WAV of a sum of sine tones. The audio project of
 * playwright.config.ts feeds one to Chromium as its fake microphone; the audio spec uploads
 * another as a file. Every byte comes from here, so the tests know the true frequencies.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tone {
  hz: number;
  /** Peak amplitude, full scale = 1. */
  amplitude: number;
}

export function toneWav(tones: readonly Tone[], seconds: number, sampleRate = 48000): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const out = Buffer.alloc(44 + 2 * frames);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + 2 * frames, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(2 * sampleRate, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(2 * frames, 40);
  for (let i = 0; i < frames; i++) {
    let v = 0;
    for (const t of tones) v += t.amplitude * Math.sin((2 * Math.PI * t.hz * i) / sampleRate);
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), 44 + 2 * i);
  }
  return out;
}

/** The fake microphone's tones: a loud 1 kHz and a quieter 5 kHz that φ can take away. */
export const MIC_TONES: readonly Tone[] = [
  { hz: 1000, amplitude: 0.5 },
  { hz: 5000, amplitude: 0.15 },
];

/** Writes the fake microphone's WAV (4 s; Chromium loops it) and returns its path. */
export function writeFakeMicrophoneWav(): string {
  const path = join(tmpdir(), 'phi-playground-fake-mic.wav');
  writeFileSync(path, toneWav(MIC_TONES, 4));
  return path;
}
