import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { binToHz, decibels, halfMagnitudes, hann, peakBin, peakHz, sqrtHann } from './spectrum';

const engine = createCpuEngine();

function tone(n: number, hz: number, sampleRate: number, amplitude = 1): Float64Array {
  return Float64Array.from(
    { length: n },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate),
  );
}

async function magnitudes(x: Float64Array): Promise<Float64Array> {
  const { data } = await engine.fft(x, { shape: [x.length], batch: 1, real: true });
  return halfMagnitudes(data, x.length);
}

describe('peak bin → Hz', () => {
  it('finds a 1 kHz tone at 48 kHz within one bin (N = 2048: 23.4 Hz per bin)', async () => {
    const n = 2048;
    const sr = 48000;
    const x = tone(n, 1000, sr);
    // A louder DC offset must not win: bin 0 is not a pitch.
    for (let i = 0; i < n; i++) x[i] = (x[i] ?? 0) + 3;
    const hz = peakHz(await magnitudes(x), sr, n);
    expect(hz).not.toBeNull();
    expect(Math.abs((hz ?? 0) - 1000)).toBeLessThanOrEqual(sr / n);
  });

  it('takes the stronger of two tones, and reads a bin-centred tone exactly', async () => {
    const n = 1024;
    const sr = 8000;
    const x = tone(n, binToHz(100, sr, n), sr, 0.3);
    const y = tone(n, binToHz(37, sr, n), sr, 0.9);
    const sum = x.map((v, i) => v + (y[i] ?? 0));
    expect(peakBin(await magnitudes(sum), n)).toBe(37);
    expect(peakHz(await magnitudes(x), sr, n)).toBe((100 * sr) / n);
  });

  it('silence has no peak', () => {
    expect(peakBin(new Float64Array(9), 16)).toBeNull();
  });
});

describe('windows and decibels', () => {
  it('periodic Hann halves shifted by N/2 sum to 1; √Hann squared is Hann', () => {
    const n = 64;
    const w = hann(n);
    const r = sqrtHann(n);
    for (let i = 0; i < n / 2; i++) {
      expect((w[i] ?? 0) + (w[i + n / 2] ?? 0)).toBeCloseTo(1, 14);
      expect((r[i] ?? 0) ** 2).toBeCloseTo(w[i] ?? 0, 14);
    }
  });

  it('a full-scale bin-centred sine under Hann reads 0 dB; zeros read the floor', async () => {
    const n = 256;
    const w = hann(n);
    const x = tone(n, binToHz(16, 1, n), 1).map((v, i) => v * (w[i] ?? 0));
    const db = decibels(await magnitudes(x), n);
    expect(db[16]).toBeCloseTo(0, 6);
    expect(db[15]).toBeCloseTo(20 * Math.log10(0.5), 6); // Hann's neighbour bins: half the peak
    expect(decibels([0], n)[0]).toBe(-120);
  });
});
