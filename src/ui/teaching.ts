/**
 * What each plot shows, in the documents' notation: R(k) = 1/(1 + φ·(s·κ)²) with s the k scale,
 * X the DFT of a signal x, N its number of samples. One formula and a sentence or two per plot.
 */
import type { KUnit } from '../engine';

export interface Lesson {
  formula: string;
  notice: string;
}

export const LESSONS = {
  time: {
    formula: 'x̃ = IFFT( R · FFT(x) ),   R(k) = 1 / (1 + φ·(s·κ)²)',
    notice:
      'The filtered signal keeps the slow shape of the original and loses its fast wiggles: ' +
      'R is 1 at κ = 0 and falls off as κ grows. Raise φ and the curve gets smoother.',
  },
  spectrum: {
    formula: '|X(k)| in dB = 20·log10 |X(k)|,   R(k) = 1 / (1 + φ·(s·κ)²) on the right axis',
    notice:
      'Where R is near 1 a mode passes untouched; where it drops, the mode is damped by that ' +
      'factor. R is half-way down at s·κ = 1/√φ. In 2D the curve is averaged over rings of |κ|.',
  },
  highK: {
    formula: 'E_hk = (1/N)·Σ_k |X(k) − R(k)·X(k)|² = (1/N)·Σ_k (1 − R(k))²·|X(k)|²',
    notice:
      'The energy the filter removes, averaged over all bins of the batch. The regularizer is ' +
      'λ·E_hk. Noise and sharp edges put energy at high κ, so E_hk jumps when you add them.',
  },
  coherence: {
    formula: 'C = Σ_k R(k)·|X(k)|² / Σ_k |X(k)|²   (batch: Σ over all signals)',
    notice:
      'The share of energy the filter keeps, between 0 and 1. A pure cosine at bin k₀ has ' +
      'C = R(k₀) exactly; white noise has the mean of R over all bins.',
  },
  distribution: {
    formula: 'C_b for each signal b of the batch',
    notice:
      'Seeded noise makes signals differ, so their coherences spread; identical signals give a ' +
      'single bar. The batch value weights each signal by its energy.',
  },
  throughput: {
    formula: 'GFLOP/s = batch · 2 · 5·N·log2 N / t,   GB/s = batch · 2 · 16·N bytes / t',
    notice:
      'Two complex FFTs per signal (forward and inverse), counted as FFT benchmarks do; t is ' +
      'the GPU time of one frame. On a software adapter these are CPU-emulation figures.',
  },
} as const satisfies Record<string, Lesson>;

/** κ for bin k of an axis of N samples, and where that puts Nyquist, per unit. */
export const K_UNIT_TEXT: Record<KUnit, { label: string; kappa: string; nyquist: string }> = {
  cycles: {
    label: 'cycles per sample',
    kappa: 'κ = k/N, from −½ to ½',
    nyquist: 'R(Nyquist) = 1/(1 + φ·s²/4)',
  },
  radians: {
    label: 'radians per sample',
    kappa: 'κ = 2πk/N, from −π to π',
    nyquist: 'R(Nyquist) = 1/(1 + φ·s²·π²)',
  },
  index: {
    label: 'mode index',
    kappa: 'κ = k, from −N/2 to N/2',
    nyquist: 'R(Nyquist) = 1/(1 + φ·s²·N²/4)',
  },
};

/** Why the unit matters, with the mode-index figure for the current N. */
export function kUnitWhy(n: number): string {
  return (
    'The same φ means very different filters in each unit: at Nyquist κ is ½ in cycles, π in ' +
    'radians and N/2 in mode index, so the damping term φ·(s·κ)² there is φs²/4, about ' +
    `9.9·φs², or φs²N²/4 (for N = ${n} that is ${((n * n) / 4).toLocaleString('en-US')}·φs²).`
  );
}
