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
    formula:
      '|X(k)| and |R(k)·X(k)| in dB = 20·log10 |·|,   R(k) = 1 / (1 + φ·(s·κ)²) on the right axis',
    notice:
      'Where R is near 1 a mode passes untouched and |R·X| lies on |X|; where R drops, |R·X| ' +
      'falls below |X| by that factor: the gap between the two curves is what the filter removes. ' +
      'R is half-way down at s·κ = 1/√φ. In 2D the curve is averaged over rings of |κ|.',
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
  walshSignal: {
    formula: 'x[t], t = 0 … N − 1 (the same samples go to both transforms)',
    notice:
      'A square wave that starts high at sample 0 and whose half period is a power of two is ' +
      'itself one Walsh function. Any other start or period breaks that, as a sine that does ' +
      'not fit whole cycles into N spreads over many Fourier bins.',
  },
  walshSpectra: {
    formula: 'y = H_N·x,  H_2N = [H_N  H_N; H_N  −H_N]   vs   X(k) = Σ_t x[t]·e^{−2πikt/N}',
    notice:
      'Two bases for the same N samples: ±1 square waves (rows of H, sorted by their number of ' +
      'sign changes, the sequency s) and sines. A signal built like one basis needs few of its ' +
      'coefficients and many of the other: an aligned square wave is one Walsh coefficient but ' +
      'a comb of odd harmonics; a sine of whole cycles is two Fourier bins but a spread of ' +
      'Walsh ones. Sequency s plays the part of 2k. The WHT needs only additions.',
  },
  packet: {
    formula: 'ψ ← e^{−iV·dt/2} · IFFT( e^{−ik²dt/2} · FFT( e^{−iV·dt/2} · ψ ) )   (ħ = m = 1)',
    notice:
      '|ψ|² is where the particle may be found; Re ψ shows its phase turning, with ' +
      'wavelength 2π/k₀. Each step is two pointwise phases and a phase per wavenumber: exact ' +
      'for a free particle, and off by O(dt²) over a fixed time where V and k² both act. The ' +
      'box is periodic: what leaves one side comes back on the other.',
  },
  normEnergy: {
    formula: 'Σ|ψ|²·dx^d      ⟨H⟩ = Σ_k (k²/2)·|ψ̂_k|² / (N·Σ|ψ|²) + Σ V·|ψ|² / Σ|ψ|²',
    notice:
      'Every factor of a step has modulus 1, so only rounding moves the norm from 1: a slow ' +
      'drift in float32 on the GPU, none to see in float64 on the CPU. The exact evolution ' +
      'keeps ⟨H⟩ and the splitting keeps it to O(dt²), so a flat line says dt is small ' +
      'enough. Kinetic and potential energy trade as the packet climbs.',
  },
  momentum: {
    formula: 'R(k) = 1/(1 + φk²) = (I − φΔ)⁻¹      e^{−iHt} = e^{−ik²t/2} for V = 0',
    notice:
      'The φ-resolvent is one implicit heat step: (I − φΔ)⁻¹ solves u − φΔu = u₀, so it ' +
      'shrinks each |X(k)| by 1/(1 + φk²), high k most. e^{−iHt} is its unitary counterpart: ' +
      'the same k², but in an imaginary exponent, so every |X(k)| is kept and only phases ' +
      'turn. With V = 0 this plot stands still; a potential mixes momenta (a barrier sends ' +
      'k₀ back as −k₀).',
  },
} as const satisfies Record<string, Lesson>;

/** Where the two operators meet: the Crank–Nicolson step is a resolvent with imaginary φ. */
export const CAYLEY_NOTE =
  'They meet in the Crank–Nicolson step ψ ← (I + iτH/2)⁻¹(I − iτH/2)ψ: for V = 0, ' +
  '(I + iτH/2)⁻¹ = (I − (iτ/4)Δ)⁻¹ is R with φ = iτ/4, and the product has |·| = 1 at every k.';

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
