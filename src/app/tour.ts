/**
 * The guided tour's steps: sampling → DFT → FFT → the filter → energy and coherence (issue 14).
 * Every step keeps the default n = 1024, so stepping through compiles no new GPU pipelines.
 * Each step drives the real controls: it names the fields it sets (through the same parse as a
 * preset or a link, presets.ts) and what on the page to point at, by `data-tour` name or test id.
 * The view (ui/teaching/Tour.tsx) applies the step and highlights the first target it finds.
 */
import type { PlaygroundConfig, Problem } from '../io/config';
import { configFromFields } from './presets';

export interface TourStep {
  id: string;
  title: string;
  text: string;
  /** A formula to typeset under the text (TeX), if any. */
  tex?: string;
  /** CSS selectors of what to highlight, best first: the first one on the page is used. */
  targets: readonly string[];
  /** The fields the step sets; every other field takes its default. */
  fields: Readonly<Record<string, unknown>>;
}

const tour = (name: string): string => `[data-tour="${name}"]`;
const testId = (id: string): string => `[data-testid="${id}"]`;

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'sampling',
    title: 'Sampling',
    text:
      'A signal here is N numbers x[t], one per sample. This one is three sine waves whose ' +
      'frequencies grow by the golden ratio, sampled N = 1024 times. The line in the plot is x[t].',
    tex: String.raw`x[t] = \sum_j \sin(2\pi f_j t + \theta_j), \quad t = 0, \dots, N - 1`,
    targets: [testId('plot-time')],
    fields: { generator: 'coherent', tones: 3, batch: 16, live: false },
  },
  {
    id: 'dft',
    title: 'The DFT',
    text:
      'The discrete Fourier transform measures how much of each wave of k cycles per window ' +
      'the signal holds. Two more tones were just added: five peaks in the spectrum, each about ' +
      'φ ≈ 1.618 times further out than the last.',
    tex: String.raw`X(k) = \sum_{t=0}^{N-1} x[t]\, e^{-2\pi i k t / N}`,
    targets: [testId('plot-spectrum')],
    fields: { generator: 'coherent', tones: 5, batch: 16, live: false },
  },
  {
    id: 'fft',
    title: 'The FFT',
    text:
      'Summed directly, the DFT costs N² multiplications. The FFT splits the sum into even and ' +
      'odd samples again and again: log₂N stages of butterflies, N·log₂N work: for N = 1024, ' +
      'ten stages instead of a million products. The batch is now 128 signals, each transformed ' +
      'forward and back every frame.',
    tex: String.raw`X(k) = E(k) + e^{-2\pi i k/N} O(k), \quad X(k + \tfrac{N}{2}) = E(k) - e^{-2\pi i k/N} O(k)`,
    targets: [testId('butterfly-view'), testId('plot-throughput')],
    fields: { generator: 'coherent', tones: 5, batch: 128, live: false },
  },
  {
    id: 'filter',
    title: 'The filter',
    text:
      'Now noise is added (3 dB below the tones). The filter multiplies each X(k) by R(k) and ' +
      'transforms back: R stays near 1 at low k, where the tones are, and falls toward 0 at ' +
      'high k, where most of the noise is. Move φ to make it stronger or weaker.',
    tex: String.raw`R(k) = \frac{1}{1 + \varphi (s\kappa)^2}, \qquad \tilde x = \mathrm{IFFT}(R \cdot X)`,
    targets: [tour('filter')],
    fields: { generator: 'coherent-noise', batch: 16, snrDb: 3, phi: 4, live: false },
  },
  {
    id: 'metrics',
    title: 'Energy and coherence',
    text:
      'Live mode is on: fresh noise every frame, and φ sweeping between φ/10 and 10·φ. The ' +
      'high-k energy is what the filter removes; the coherence C is the share it keeps. Watch ' +
      'them rise and fall with φ in the plots over time.',
    tex: String.raw`E_{hk} = \frac{1}{BN} \sum_{b,k} (1 - R)^2 |X_b|^2, \qquad C = \frac{\sum_{b,k} R\, |X_b|^2}{\sum_{b,k} |X_b|^2}`,
    targets: [testId('plot-high-k'), testId('metric-coherence')],
    fields: { generator: 'coherent-noise', batch: 16, snrDb: 3, phi: 4, live: true, sweep: true },
  },
  {
    id: 'your-turn',
    title: 'Your turn',
    text:
      'That is the whole pipeline. The presets set up four more experiments, and the ' +
      '“Formulas” section below the controls has every definition the code uses.',
    targets: [tour('presets')],
    fields: { generator: 'coherent-noise', batch: 16, snrDb: 3, phi: 4, live: true, sweep: false },
  },
];

/** The configuration a step sets, and anything its fields broke (there should be nothing). */
export function tourConfig(step: TourStep): { config: PlaygroundConfig; problems: Problem[] } {
  return configFromFields(step.fields);
}
