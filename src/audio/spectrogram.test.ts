import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import {
  emptySpectrogram,
  pushColumn,
  spectrogramColumn,
  type SpectrogramColumn,
} from './spectrogram';

const engine = createCpuEngine();

function column(t: number): SpectrogramColumn {
  return { t, original: new Float32Array(3), filtered: new Float32Array(3), peakHz: null };
}

describe('spectrogram history', () => {
  it('keeps the newest `cap` columns, oldest first', () => {
    let s = emptySpectrogram(4, 8000);
    for (let t = 0; t < 10; t++) s = pushColumn(s, column(t), 4, 8000, 4);
    expect(s.columns.map((c) => c.t)).toEqual([6, 7, 8, 9]);
  });

  it('starts afresh when the frame size or the sample rate changes', () => {
    let s = emptySpectrogram(4, 8000);
    s = pushColumn(s, column(0), 4, 8000);
    s = pushColumn(s, column(1), 4, 8000);
    s = pushColumn(s, column(2), 4, 44100);
    expect(s.columns.map((c) => c.t)).toEqual([2]);
    expect(s.sampleRate).toBe(44100);
    s = pushColumn(s, column(3), 8, 44100);
    expect(s.columns.map((c) => c.t)).toEqual([3]);
    expect(s.n).toBe(8);
  });
});

describe('spectrogramColumn', () => {
  it('shows the tone in the original and its attenuation in the filtered, in dB', async () => {
    const n = 512;
    const sr = 16000;
    const k = 64; // 2 kHz
    const original = Float32Array.from({ length: n }, (_, i) =>
      Math.sin((2 * Math.PI * k * i) / n),
    );
    const filtered = original.map((v) => v * 0.1);
    const c = await spectrogramColumn(engine, original, filtered, sr, 1.5);
    expect(c.t).toBe(1.5);
    expect(c.original).toHaveLength(n / 2 + 1);
    expect(c.peakHz).toBe((k * sr) / n);
    expect(c.original[k]).toBeCloseTo(0, 4);
    expect((c.original[k] ?? 0) - (c.filtered[k] ?? 0)).toBeCloseTo(20, 4); // ×0.1 is −20 dB
  });

  it('refuses a filtered frame of another length', async () => {
    await expect(
      spectrogramColumn(engine, new Float32Array(8), new Float32Array(4), 8000, 0),
    ).rejects.toThrow(/4 samples/);
  });
});
