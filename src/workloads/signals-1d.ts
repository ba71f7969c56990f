/**
 * Sample formulas of the 1D generators. Each writes one signal of n float64 samples into `out`
 * and draws its random choices (phases, positions, noise) from the signal's own `rng`, in a
 * fixed order: 'coherent-noise' draws the same phases as 'coherent' before any noise, so its
 * clean part is exactly the 'coherent' signal of the same seed.
 */
import type { Rng } from './rng';

/** The golden ratio (1 + √5)/2 that spaces the tones (not the filter's φ parameter). */
export const GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;
const NYQUIST = 0.5;
const TAU = 2 * Math.PI;

/** f0·φ^j for j = 0..tones−1, leaving out those above Nyquist (they would alias). */
export function goldenFrequencies(f0: number, tones: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < tones; j++) {
    const f = f0 * GOLDEN_RATIO ** j;
    if (f <= NYQUIST) out.push(f);
  }
  return out;
}

/**
 * sin(2π·cycles) with the whole cycles removed first, so the angle stays small and keeps its
 * precision at t ≈ 2^20.
 */
function sinCycles(cycles: number): number {
  return Math.sin(TAU * (cycles - Math.floor(cycles)));
}

/**
 * Σ_j sin(2π f_j (t + t0) + θ_j), unit amplitude per tone, θ_j uniform in [0, 2π). A later
 * window start t0 turns tone j's phase by f_j·t0 cycles: each tone drifts at its own rate.
 */
export function writeCoherent(
  out: Float64Array,
  rng: Rng,
  f0: number,
  tones: number,
  t0 = 0,
): void {
  const freqs = goldenFrequencies(f0, tones);
  const phases = freqs.map(() => rng.next());
  out.fill(0);
  freqs.forEach((f, j) => {
    // The whole cycles of f·t0 are dropped here, so t + t0 never loses the phase's precision.
    const start = f * t0;
    const p = (phases[j] ?? 0) + (start - Math.floor(start));
    for (let t = 0; t < out.length; t++) out[t] = (out[t] ?? 0) + sinCycles(f * t + p);
  });
}

/** Unit-variance white Gaussian noise. */
export function writeNoise(out: Float64Array, rng: Rng): void {
  for (let t = 0; t < out.length; t++) out[t] = rng.normal();
}

/**
 * Linear chirp: instantaneous frequency f0 + (f1 − f0)·τ/n, random start phase, at τ = t + t0
 * taken modulo n: a window starting later shows the sweep restarting, never frequencies past f1.
 */
export function writeChirp(out: Float64Array, rng: Rng, f0: number, f1: number, t0 = 0): void {
  const n = out.length;
  const p = rng.next();
  const rate = (f1 - f0) / (2 * n);
  const shift = t0 % n;
  for (let t = 0; t < n; t++) {
    const tau = (t + shift) % n;
    out[t] = sinCycles(f0 * tau + rate * tau * tau + p);
  }
}

/** ±1 square wave of frequency f0 with 50 % duty cycle and a random start phase, from t0. */
export function writeSquare(out: Float64Array, rng: Rng, f0: number, t0 = 0): void {
  const start = f0 * t0;
  const p = rng.next() + (start - Math.floor(start));
  for (let t = 0; t < out.length; t++) {
    const c = f0 * t + p;
    out[t] = c - Math.floor(c) < 0.5 ? 1 : -1;
  }
}

/**
 * ±A square wave of frequency f0 that starts high at sample 0, A uniform in [½, 1). Starting on
 * a sample boundary matters to the Walsh–Hadamard view: when the half period 1/(2·f0) is a power
 * of two the wave is exactly one Walsh function, which no random start phase would keep.
 */
export function writeSquareAligned(out: Float64Array, rng: Rng, f0: number, t0 = 0): void {
  const amplitude = 0.5 + 0.5 * rng.next();
  const start = f0 * t0;
  const p = start - Math.floor(start);
  for (let t = 0; t < out.length; t++) {
    const c = f0 * t + p;
    out[t] = c - Math.floor(c) < 0.5 ? amplitude : -amplitude;
  }
}

/** A single 1 at a uniformly drawn position, moved right by t0 (wrapping). */
export function writeImpulse(out: Float64Array, rng: Rng, t0 = 0): void {
  const n = out.length;
  out.fill(0);
  const drawn = Math.min(n - 1, Math.floor(rng.next() * n));
  out[(drawn + (t0 % n)) % n] = 1;
}

function power(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return s / x.length;
}

/**
 * Golden tones plus white noise scaled so that (signal power)/(noise power), both measured on
 * this signal's samples rather than taken from their expected values, is 10^(snrDb/10).
 * Exact in float64; the float32 rounding in `generate` moves the measured SNR by under 1e-6 dB
 * up to about 40 dB, and by about 1e-5 dB at 60 dB, where the noise nears float32 resolution.
 * The noise comes from `noiseRng` (by default the phases' own stream, continued).
 */
export function writeCoherentNoise(
  out: Float64Array,
  rng: Rng,
  f0: number,
  tones: number,
  snrDb: number,
  t0 = 0,
  noiseRng: Rng = rng,
): void {
  writeCoherent(out, rng, f0, tones, t0);
  const noise = new Float64Array(out.length);
  writeNoise(noise, noiseRng);
  const pn = power(noise);
  // A zero-power noise draw has no scale to give it; leaving the clean signal is the only answer.
  if (pn === 0) return;
  const gain = Math.sqrt(power(out) / (pn * 10 ** (snrDb / 10)));
  for (let t = 0; t < out.length; t++) out[t] = (out[t] ?? 0) + gain * (noise[t] ?? 0);
}
