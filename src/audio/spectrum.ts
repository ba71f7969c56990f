/**
 * The arithmetic between an audio frame and the numbers shown for it: windows, bin → Hz, the
 * strongest bin, and magnitudes in decibels. Bins are those of an N-point DFT of real samples:
 * bin k is k·sampleRate/N Hz, and bins 0 … N/2 carry everything (the rest mirror them).
 */

/**
 * The periodic Hann window, 0.5 − 0.5·cos(2πi/N). Periodic (not symmetric) because two copies
 * shifted by N/2 then sum to exactly 1, which overlap-add resynthesis relies on.
 */
export function hann(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

/** √Hann: applied once before filtering and once after, the product is Hann again. */
export function sqrtHann(n: number): Float64Array {
  return hann(n).map(Math.sqrt);
}

export function binToHz(bin: number, sampleRate: number, n: number): number {
  return (bin * sampleRate) / n;
}

/**
 * The strongest of bins 1 … N/2 (DC is skipped: an offset is not a pitch), or null when every
 * one is zero (silence has no peak). `magnitude` holds at least N/2 + 1 bins; ties go to the
 * lower bin.
 */
export function peakBin(magnitude: ArrayLike<number>, n: number): number | null {
  let best: number | null = null;
  let max = 0;
  for (let k = 1; k <= n / 2; k++) {
    const m = magnitude[k] ?? 0;
    if (m > max) {
      max = m;
      best = k;
    }
  }
  return best;
}

export function peakHz(magnitude: ArrayLike<number>, sampleRate: number, n: number): number | null {
  const bin = peakBin(magnitude, n);
  return bin === null ? null : binToHz(bin, sampleRate, n);
}

/** The floor of the decibel scale: quieter bins (and exact zeros) read this. */
export const DB_FLOOR = -120;

/** |X| of bins 0 … N/2 of an interleaved complex spectrum (signal `index` of a batch). */
export function halfMagnitudes(spectrum: ArrayLike<number>, n: number, index = 0): Float64Array {
  const out = new Float64Array(n / 2 + 1);
  const base = 2 * index * n;
  for (let k = 0; k <= n / 2; k++) {
    out[k] = Math.hypot(spectrum[base + 2 * k] ?? 0, spectrum[base + 2 * k + 1] ?? 0);
  }
  return out;
}

/**
 * Magnitudes of an N-point transform in dB relative to a full-scale sine under a Hann window:
 * that sine's bin has |X| = N/4, so it reads 0 dB. Never below DB_FLOOR.
 */
export function decibels(magnitude: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(magnitude.length);
  const fullScale = n / 4;
  for (let k = 0; k < magnitude.length; k++) {
    const m = magnitude[k] ?? 0;
    out[k] = m > 0 ? Math.max(DB_FLOOR, 20 * Math.log10(m / fullScale)) : DB_FLOOR;
  }
  return out;
}
