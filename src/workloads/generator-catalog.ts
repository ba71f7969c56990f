/**
 * The catalogue of signal generators: ids, the dimensionality each one fills, and a sentence
 * the UI shows beside the picker. The sample formulas live in signals-1d.ts and signals-2d.ts.
 */

export type GeneratorId =
  | 'coherent'
  | 'noise'
  | 'chirp'
  | 'square'
  | 'square-aligned'
  | 'impulse'
  | 'coherent-noise'
  | 'blob'
  | 'checkerboard'
  | 'noise2d';

export interface GeneratorInfo {
  id: GeneratorId;
  label: string;
  dims: 1 | 2;
  description: string;
}

export const GENERATORS: readonly GeneratorInfo[] = [
  {
    id: 'coherent',
    label: 'Golden tones',
    dims: 1,
    description:
      'A few sine waves whose frequencies grow by the golden ratio φ, so most of the energy sits at low wavenumbers.',
  },
  {
    id: 'noise',
    label: 'White noise',
    dims: 1,
    description: 'Random Gaussian samples with the same average energy at every frequency.',
  },
  {
    id: 'chirp',
    label: 'Chirp',
    dims: 1,
    description: 'A sine wave whose frequency slides steadily from f0 to f1 over the signal.',
  },
  {
    id: 'square',
    label: 'Square wave',
    dims: 1,
    description:
      'A wave that jumps between +1 and −1 at frequency f0; its sharp edges add energy at odd harmonics.',
  },
  {
    id: 'square-aligned',
    label: 'Square wave (aligned)',
    dims: 1,
    description:
      'A square wave of frequency f0 that starts high at sample 0, with a random amplitude between ½ and 1; when 1/(2·f0) is a power of two it is a single Walsh function.',
  },
  {
    id: 'impulse',
    label: 'Impulse',
    dims: 1,
    description: 'A single spike of height 1, which contains every frequency in equal measure.',
  },
  {
    id: 'coherent-noise',
    label: 'Golden tones + noise',
    dims: 1,
    description:
      'The golden tones with white noise added at the chosen signal-to-noise ratio in decibels.',
  },
  {
    id: 'blob',
    label: 'Gaussian blob',
    dims: 2,
    description: 'A soft round spot of width σ pixels, smooth and therefore almost all low-k.',
  },
  {
    id: 'checkerboard',
    label: 'Checkerboard',
    dims: 2,
    description: 'Squares of ±1, cell pixels wide; the hard edges put energy at high wavenumbers.',
  },
  {
    id: 'noise2d',
    label: 'White noise (2D)',
    dims: 2,
    description: 'An image of random Gaussian pixels, with equal energy at every wavenumber.',
  },
];

export const GENERATOR_IDS = [
  'coherent',
  'noise',
  'chirp',
  'square',
  'square-aligned',
  'impulse',
  'coherent-noise',
  'blob',
  'checkerboard',
  'noise2d',
] as const satisfies readonly GeneratorId[];

/** Dimensionality of a generator's output, looked up in the catalogue. */
export function dimsOf(id: GeneratorId): 1 | 2 {
  const info = GENERATORS.find((g) => g.id === id);
  if (!info) throw new Error(`generator '${id}' is missing from GENERATORS`);
  return info.dims;
}

/** The generators that fill signals of the given dimensionality, in catalogue order. */
export function generatorsFor(dims: 1 | 2): readonly GeneratorInfo[] {
  return GENERATORS.filter((g) => g.dims === dims);
}
