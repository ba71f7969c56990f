/**
 * The formulas the explainer and the tour typeset, in TeX, each written to match the code that
 * computes it: the DFT as the engine computes it (unnormalized forward, 1/N on the inverse, as
 * numpy.fft), κ and R(k) as src/engine/resolvent-math.ts defines them (`kappa`, `axisQ`,
 * `weights`), and the metrics as `metricsFromSums`, `highKFractionOf` and `coherenceOf` derive
 * them from the per-signal sums. Change one there and it must change here.
 */
import type { KUnit } from '../../engine';

export interface FormulaEntry {
  id: string;
  title: string;
  tex: string;
  /** What the symbols are, and where the code computes it. */
  note: string;
}

/** κ of bin k on an axis of N samples, per unit (`kappa`: fftfreq(k, N) is k/N folded to ±½). */
export const KAPPA_TEX: Record<KUnit, string> = {
  cycles: String.raw`\kappa = \tfrac{k}{N} \in [-\tfrac12, \tfrac12)`,
  radians: String.raw`\kappa = \tfrac{2\pi k}{N} \in [-\pi, \pi)`,
  index: String.raw`\kappa = k \in [-\tfrac{N}{2}, \tfrac{N}{2})`,
};

export const DFT: FormulaEntry = {
  id: 'dft',
  title: 'Discrete Fourier transform',
  tex: String.raw`\begin{gathered} X(k) = \sum_{t=0}^{N-1} x[t]\, e^{-2\pi i k t / N} \\ x[t] = \frac{1}{N} \sum_{k=0}^{N-1} X(k)\, e^{2\pi i k t / N} \end{gathered}`,
  note:
    'N samples x[t] become N complex amplitudes X(k), one per wave of k cycles across the ' +
    'window. Bins above N/2 are the negative frequencies k − N.',
};

export const FFT: FormulaEntry = {
  id: 'fft',
  title: 'Fast Fourier transform (one radix-2 butterfly)',
  tex: String.raw`\begin{aligned} X(k) &= E(k) + e^{-2\pi i k/N} O(k) \\ X(k + \tfrac{N}{2}) &= E(k) - e^{-2\pi i k/N} O(k) \end{aligned}`,
  note:
    'E and O are the DFTs of the even and odd samples, each of half the length. Splitting ' +
    'again and again takes log₂N stages of N/2 butterflies: N·log₂N work instead of N².',
};

export const RESOLVENT: FormulaEntry = {
  id: 'resolvent',
  title: 'The φ-resolvent filter',
  tex: String.raw`\begin{gathered} R(k) = \frac{1}{1 + \varphi\, q(k)}, \qquad \tilde x = \mathrm{IFFT}\big(R \cdot \mathrm{FFT}(x)\big) \\ q = (s\kappa)^2 \text{ in 1D}, \quad q = s^2(\kappa_y^2 + \kappa_x^2) \text{ in 2D} \end{gathered}`,
  note:
    's is the k scale. R is 1 at κ = 0 and falls as κ grows; in radians R is (I − φΔ)⁻¹, one ' +
    'implicit heat step. 1 − R is computed as φq/(1 + φq), so it keeps its precision where R ≈ 1.',
};

export const HIGH_K: FormulaEntry = {
  id: 'high-k',
  title: 'High-k energy and the regularizer',
  tex: String.raw`\begin{gathered} E_{hk} = \frac{1}{B N} \sum_{b=1}^{B} \sum_{k} \big(1 - R(k)\big)^2 \, |X_b(k)|^2 \\ \text{regularizer} = \lambda\, E_{hk} \end{gathered}`,
  note:
    'The energy the filter takes away, |X − R·X|², averaged over every bin of the B signals ' +
    '(N bins each). It grows with the signals’ amplitude; the share below does not.',
};

export const HIGH_K_SHARE: FormulaEntry = {
  id: 'high-k-share',
  title: 'High-k share',
  tex: String.raw`\frac{\sum_b \sum_k (1 - R)^2 |X_b|^2}{\sum_b \sum_k |X_b|^2} \in [0, 1]`,
  note: 'The part of the batch’s spectral energy that the filter removes.',
};

export const COHERENCE: FormulaEntry = {
  id: 'coherence',
  title: 'Coherence',
  tex: String.raw`C = \frac{\sum_b \sum_k R(k)\, |X_b(k)|^2}{\sum_b \sum_k |X_b(k)|^2}`,
  note:
    'The share of energy the filter keeps, weighted by each signal’s energy. A tone at bin k₀ ' +
    'has C = R(k₀); white noise has the mean of R over all bins.',
};

export const LIVE: FormulaEntry = {
  id: 'live',
  title: 'Live mode',
  tex: String.raw`\begin{gathered} x_f[t] = x[t + f h] + \text{noise}_f[t] \\ \varphi_f = \varphi \cdot 10^{\,\sin(2\pi f / P)} \end{gathered}`,
  note:
    'Frame f looks at the signals f·h samples later (h = 1/128 of the window), with a fresh ' +
    'draw of noise; with the sweep on, φ swings between φ/10 and 10·φ over P = 120 frames.',
};

export const EXPLAINER: readonly FormulaEntry[] = [
  DFT,
  FFT,
  RESOLVENT,
  HIGH_K,
  HIGH_K_SHARE,
  COHERENCE,
  LIVE,
];
