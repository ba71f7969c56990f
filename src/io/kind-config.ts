/**
 * The fields of the two workload kinds that sit beside the φ-resolvent: the Walsh–Hadamard
 * comparison (which reads only the generator's fields) and the quantum wave packet (a Gaussian
 * packet in a potential, stepped by the split-step propagator). Each field has one rule, in the
 * form of WORKLOAD_RULES, so the URL hash, localStorage and the inputs share its message.
 */
import { z } from 'zod';
import type { Rule } from '../workloads/param-rules';

export const KINDS = ['resolvent', 'walsh', 'quantum'] as const;
export type Kind = (typeof KINDS)[number];

export const POTENTIALS = ['free', 'harmonic', 'barrier', 'double-well', 'double-slit'] as const;
export type PotentialId = (typeof POTENTIALS)[number];

export interface KindInfo {
  id: Kind;
  label: string;
  description: string;
}

export const KIND_INFO: readonly KindInfo[] = [
  {
    id: 'resolvent',
    label: 'φ-resolvent filter',
    description: 'FFT → R(k) = 1/(1 + φκ²) → inverse FFT on a batch of signals, with its metrics.',
  },
  {
    id: 'walsh',
    label: 'Walsh–Hadamard vs Fourier',
    description:
      'The same signals in two bases: ±1 square waves (Walsh) and sines (Fourier). Whichever ' +
      'needs fewer coefficients fits the signal better.',
  },
  {
    id: 'quantum',
    label: 'Quantum wave packet',
    description:
      'A Gaussian packet moving in a potential, advanced live by the split-step Fourier method ' +
      'e^{−iVdt/2}·IFFT·e^{−ik²dt/2}·FFT·e^{−iVdt/2}.',
  },
];

export interface PotentialInfo {
  id: PotentialId;
  label: string;
  /** The grids it is defined on (the double slit needs a y axis). */
  dims: readonly (1 | 2)[];
  description: string;
}

export const POTENTIAL_INFO: readonly PotentialInfo[] = [
  {
    id: 'free',
    label: 'Free particle',
    dims: [1, 2],
    description: 'V = 0: the packet drifts at speed ħk₀/m and spreads; |φ(k)|² never changes.',
  },
  {
    id: 'harmonic',
    label: 'Harmonic well',
    dims: [1, 2],
    description: 'V = ½mω²r²: the packet swings back and forth with period 2π/ω.',
  },
  {
    id: 'barrier',
    label: 'Barrier',
    dims: [1, 2],
    description:
      'A step of height V₀ and width a at x = 0 (a wall along y in 2D): part of the packet ' +
      'tunnels through, the rest is reflected.',
  },
  {
    id: 'double-well',
    label: 'Double well',
    dims: [1, 2],
    description: 'V = depth·((x/a)² − 1)², a = separation/2: two wells with a hump between them.',
  },
  {
    id: 'double-slit',
    label: 'Double slit',
    dims: [2],
    description:
      'A wall of height V_wall and thickness a at x = 0 with two slits: the waves from the ' +
      'slits interfere behind the wall.',
  },
];

export interface KindConfig {
  kind: Kind;
  potential: PotentialId;
  /** Packet centre along x, in the units of dx. */
  x0: number;
  /** Mean wavenumber along x (ħk₀ is the momentum; ħ = m = 1). */
  k0: number;
  /** Standard deviation of |ψ|² at t = 0. */
  packetSigma: number;
  /** Grid spacing, the same on both axes. */
  dx: number;
  dt: number;
  stepsPerFrame: number;
  omega: number;
  barrierHeight: number;
  /** Width of the barrier, and thickness of the double slit's wall. */
  barrierWidth: number;
  wellDepth: number;
  wellSeparation: number;
  wallHeight: number;
  slitWidth: number;
  slitSeparation: number;
}

/**
 * A packet of energy k₀²/2 = 4.5 meets a barrier of V₀ = 5 and width 0.5 a few frames after
 * the start: about half of it tunnels (plane-wave T ≈ 0.57), so reflection and transmission
 * are both plain to see. 50 steps of 0.004 move it by 0.6 per frame; the start x₀ = −8 and
 * σ = 1.5 fit the 1D grid (1024·0.1) and a 128² grid of spacing 0.2 alike.
 */
export const KIND_DEFAULTS: Readonly<KindConfig> = Object.freeze({
  kind: 'resolvent',
  potential: 'barrier',
  x0: -8,
  k0: 3,
  packetSigma: 1.5,
  dx: 0.1,
  dt: 0.004,
  stepsPerFrame: 50,
  omega: 0.5,
  barrierHeight: 5,
  barrierWidth: 0.5,
  wellDepth: 2,
  wellSeparation: 3,
  wallHeight: 100,
  slitWidth: 1,
  slitSeparation: 4,
});

/**
 * The packet each potential starts with when the user picks it: one that shows what the
 * potential does within a few hundred frames. The harmonic packet has the ground state's width
 * 1/√(2ω) for ω = 0.5, so it swings without breathing; the double-well one sits in the left
 * well with about that well's ground-state width, and tunnels across in ~80 frames (measured
 * with the CPU engine at the default dt and steps).
 */
export const POTENTIAL_PACKETS: Readonly<
  Record<PotentialId, Pick<KindConfig, 'x0' | 'k0' | 'packetSigma'>>
> = {
  free: { x0: -8, k0: 3, packetSigma: 1.5 },
  harmonic: { x0: -6, k0: 0, packetSigma: 1 },
  barrier: { x0: -8, k0: 3, packetSigma: 1.5 },
  'double-well': { x0: -1.5, k0: 0, packetSigma: 0.45 },
  'double-slit': { x0: -6, k0: 4, packetSigma: 1.5 },
};

/** The grid spacing each dimensionality starts with (1D keeps n: 1024·0.1 = 102.4 wide). */
export const GRID_PRESETS = {
  1: { dx: 0.1 },
  2: { ny: 128, nx: 128, dx: 0.2 },
} as const;

export const MAX_STEPS_PER_FRAME = 1000;
/** Potentials beyond this only make the phase e^{−iV·dt} spin faster than any step resolves. */
export const MAX_POTENTIAL = 1e4;
export const MAX_DT = 1;
export const DX_RANGE = { min: 1e-4, max: 100 } as const;

const positive = (label: string, what: string): Rule<number> => ({
  label,
  allowed: `a finite ${what} > 0`,
  schema: z.number().gt(0),
});

const height = (label: string): Rule<number> => ({
  label,
  allowed: `a finite number from −${MAX_POTENTIAL} to ${MAX_POTENTIAL}`,
  schema: z.number().min(-MAX_POTENTIAL).max(MAX_POTENTIAL),
});

export const KIND_RULES: { readonly [K in keyof KindConfig]: Rule<KindConfig[K]> } = {
  kind: {
    label: 'kind',
    allowed: `one of ${KINDS.map((k) => `'${k}'`).join(', ')}`,
    schema: z.enum(KINDS),
  },
  potential: {
    label: 'potential',
    allowed: `one of ${POTENTIALS.map((p) => `'${p}'`).join(', ')}`,
    schema: z.enum(POTENTIALS),
  },
  x0: { label: 'x₀', allowed: 'a finite number', schema: z.number() },
  k0: { label: 'k₀', allowed: 'a finite number', schema: z.number() },
  packetSigma: positive('σ (packet width)', 'width'),
  dx: {
    label: 'dx',
    allowed: `a grid spacing from ${DX_RANGE.min} to ${DX_RANGE.max}`,
    schema: z.number().min(DX_RANGE.min).max(DX_RANGE.max),
  },
  dt: {
    label: 'dt',
    allowed: `a finite time step > 0 and at most ${MAX_DT}`,
    schema: z.number().gt(0).max(MAX_DT),
  },
  stepsPerFrame: {
    label: 'steps per frame',
    allowed: `a whole number from 1 to ${MAX_STEPS_PER_FRAME}`,
    schema: z.int().min(1).max(MAX_STEPS_PER_FRAME),
  },
  omega: {
    label: 'ω',
    allowed: 'a finite angular frequency > 0 and at most 100',
    schema: z.number().gt(0).max(100),
  },
  barrierHeight: height('V₀ (barrier height)'),
  barrierWidth: positive('a (barrier width)', 'width'),
  wellDepth: height('well depth'),
  wellSeparation: positive('well separation', 'distance'),
  wallHeight: height('V_wall (wall height)'),
  slitWidth: positive('slit width', 'width'),
  slitSeparation: positive('slit separation', 'distance'),
};

/** The kinds' fields whose values are text, not numbers. */
export const KIND_TEXT_FIELDS: ReadonlySet<string> = new Set(['kind', 'potential']);

export function potentialInfo(id: PotentialId): PotentialInfo {
  const info = POTENTIAL_INFO.find((p) => p.id === id);
  if (!info) throw new Error(`potential '${id}' is missing from POTENTIAL_INFO`);
  return info;
}

export function potentialFits(id: PotentialId, dims: 1 | 2): boolean {
  return potentialInfo(id).dims.includes(dims);
}
