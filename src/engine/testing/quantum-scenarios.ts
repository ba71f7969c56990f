/**
 * Physics checks of the split-step propagator with known answers, shared by the float64 CPU
 * tests and the GPU tests: each scenario is an initial state, the propagate() options, and a
 * check of the output against a closed form. Tolerances are sized so float32 meets them too
 * and a wrong formula (a sign, a factor of 2π, a dropped or swapped ħ or m) does not. They
 * judge |ψ|² only, so an error in the phase alone, such as a missing last half step of V,
 * needs the element-wise comparison with the float64 reference to be caught.
 */
import { fftNdInPlace } from '../cpu/fft64';
import { split } from '../complex';
import { normOf } from '../math/propagator';
import type { PropagateOptions, Shape } from '../types';
import {
  barrierPotential,
  energyExpectation,
  gaussianPacket,
  gridPositions,
  harmonicGround,
  harmonicPotential,
  positionMoments,
  probabilityBeyond,
} from '../../workloads/quantum';
import { freeWidth, packetTransmission } from '../../workloads/quantum-analytic';

export interface ScenarioCheck {
  measured: number;
  expected: number;
  /** |measured − expected| / |expected|, or |measured| where expected is 0. */
  relError: number;
}

export interface NamedCheck extends ScenarioCheck {
  name: string;
  tolerance: number;
}

export interface QuantumScenario {
  name: string;
  shape: Shape;
  dx: number;
  /** Initial ψ, one signal, interleaved complex. */
  psi: Float64Array;
  /** batch 1; every physical constant explicit so no default is tested by accident. */
  options: PropagateOptions & { hbar: number; mass: number; dx: number };
  /** Bound on check().relError. */
  tolerance: number;
  check(psiOut: ArrayLike<number>): ScenarioCheck;
  /** Further conditions of the same run, each with its own bound. */
  extraChecks(psiOut: ArrayLike<number>): NamedCheck[];
}

function compare(measured: number, expected: number): ScenarioCheck {
  const relError =
    expected === 0 ? Math.abs(measured) : Math.abs(measured - expected) / Math.abs(expected);
  return { measured, expected, relError };
}

const HBAR = 1;
const MASS = 1;
/**
 * Scenarios whose answer depends on ħ and m use these, not the defaults, so an engine that
 * drops or swaps a constant fails. Times scale with m/ħ, so the dimensionless problem (phases
 * per step, distances travelled) is the same as with ħ = m = 1.
 */
const HBAR_ODD = 0.5;
const MASS_ODD = 2;

/**
 * A moving free packet whose width doubles: split-step is exact for V = 0, so only the grid
 * and the box edges limit the agreement with σ0·√(1 + (ħt/(2mσ0²))²). 2D checks the width
 * along x of a packet that also moves along y.
 */
export function freePacketScenario(dims: 1 | 2 = 1): QuantumScenario {
  const shape: Shape = dims === 1 ? [1024] : [64, 64];
  const dx = dims === 1 ? 0.1 : 0.5;
  const sigma = dims === 1 ? 2 : 1.5;
  const x0 = dims === 1 ? -7 : -2;
  const k0 = dims === 1 ? 1 : 0.5;
  const [hbar, mass] = [HBAR_ODD, MASS_ODD];
  // ħt/(2mσ0²) = √3 makes σ(t) = 2σ0.
  const t = (2 * Math.sqrt(3) * mass * sigma * sigma) / hbar;
  const steps = dims === 1 ? 100 : 50;
  const psi = gaussianPacket(shape, { x0, k0, sigma, dx, y0: 1, ky0: -0.25 });
  const expected = freeWidth(sigma, t, hbar, mass);
  return {
    name: `freePacket${dims}d`,
    shape,
    dx,
    psi,
    options: { shape, batch: 1, dt: t / steps, steps, hbar, mass, dx },
    tolerance: 0.01,
    check: (out) => compare(positionMoments(out, shape, dx).sigma, expected),
    extraChecks: (out) => [
      {
        name: 'mean moves at ħk0/m',
        tolerance: 0.01,
        ...compare(positionMoments(out, shape, dx).mean, x0 + (hbar * k0 * t) / mass),
      },
    ],
  };
}

/**
 * A narrow-band packet (σx = 10, so σk = 0.05 around k0 = 2, E ≈ 2) on a barrier of height 2.5
 * and width 1 (10 grid cells, edges between grid points). After t = 50 the transmitted and
 * reflected packets are 5σ from the barrier and 5σ from the box edges, so the probability
 * beyond the barrier is the transmitted probability. dt = 0.02 gives 0.6% in float64 (dt
 * 0.005: 0.4%, the rest is the grid's rendering of the barrier's edges).
 */
export function barrierScenario(): QuantumScenario {
  const n = 2048;
  const dx = 0.1;
  const shape: Shape = [n];
  const sigma = 10;
  const k0 = 2;
  const x0 = -50;
  const height = 2.5;
  const width = 1;
  const center = dx / 2;
  const dt = 0.02;
  const steps = Math.round((2 * Math.abs(x0)) / (k0 * dt));
  const expected = packetTransmission(k0, 1 / (2 * sigma), height, width, HBAR, MASS);
  const edge = center + width / 2;
  return {
    name: 'barrier',
    shape,
    dx,
    psi: gaussianPacket(shape, { x0, k0, sigma, dx }),
    options: {
      shape,
      batch: 1,
      dt,
      steps,
      potential: barrierPotential(shape, { dx, height, width, center }),
      hbar: HBAR,
      mass: MASS,
      dx,
    },
    tolerance: 0.02,
    check: (out) => compare(probabilityBeyond(out, n, dx, edge), expected),
    extraChecks: (out) => {
      // Probability still within one packet width of the barrier: the run must be long
      // enough that none is left there, or "beyond" would undercount the transmission.
      const xs = gridPositions(n, dx);
      let near = 0;
      for (let i = 0; i < n; i++) {
        if (Math.abs((xs[i] as number) - center) < sigma) {
          near += (out[2 * i] as number) ** 2 + (out[2 * i + 1] as number) ** 2;
        }
      }
      return [{ name: 'left the barrier', tolerance: 1e-3, ...compare(near * dx, 0) }];
    },
  };
}

/**
 * The harmonic ground state over 1.25 periods (an eigenstate, so |ψ|² must not move) and its
 * energy ħω/2 per dimension. The split-step ground state differs from the exact one by
 * O(dt²): |ψ|² moves by 1e-5 (1D) and 6e-5 (2D) of its peak in float64, far below 1e-3.
 */
export function harmonicGroundScenario(dims: 1 | 2 = 1): QuantumScenario {
  const shape: Shape = dims === 1 ? [256] : [32, 32];
  const dx = dims === 1 ? 0.1 : 0.4;
  // ω = 1/4 with ħ = 1/2, m = 2 keeps ħ/(2mω), the ground state's variance, at 1/2.
  const omega = 0.25;
  const p = { dx, omega, mass: MASS_ODD, hbar: HBAR_ODD };
  const psi = harmonicGround(shape, p);
  const potential = harmonicPotential(shape, p);
  const period = (2 * Math.PI) / omega;
  const steps = dims === 1 ? 1000 : 500;
  const rho0 = density(psi);
  const peak = rho0.reduce((a, b) => Math.max(a, b), -Infinity);
  return {
    name: `harmonicGround${dims}d`,
    shape,
    dx,
    psi,
    options: {
      shape,
      batch: 1,
      dt: (1.25 * period) / steps,
      steps,
      potential,
      hbar: p.hbar,
      mass: p.mass,
      dx,
    },
    tolerance: 1e-3,
    check: (out) => {
      const rho = density(out);
      let worst = 0;
      for (let i = 0; i < rho.length; i++) {
        worst = Math.max(worst, Math.abs((rho[i] as number) - (rho0[i] as number)));
      }
      return compare(worst / peak, 0);
    },
    extraChecks: (out) => {
      const { re, im } = split(Float64Array.from(out), false);
      fftNdInPlace(re, im, shape, false);
      const spectrum = new Float64Array(out.length);
      for (let i = 0; i < re.length; i++) {
        spectrum[2 * i] = re[i] as number;
        spectrum[2 * i + 1] = im[i] as number;
      }
      const e = energyExpectation(out, spectrum, shape, potential, p);
      return [
        {
          name: 'energy ħω·d/2',
          tolerance: 1e-3,
          ...compare(e.total, (p.hbar * omega * dims) / 2),
        },
      ];
    },
  };
}

/**
 * A displaced packet oscillating in a harmonic well for 1000 steps: every step is unitary, so
 * the norm must not drift. float64 keeps it to ~1e-13. The bound is float32's floor: the FFT
 * pair's rounding loses ~1.3e-7 of the norm a step, the same sign each step (1.3e-4 measured
 * on SwiftShader; rounding the phase tables to the float32 pairs nearest the unit circle
 * changed it by 2%).
 */
export function normDriftScenario(): QuantumScenario {
  const n = 1024;
  const dx = 0.05;
  const shape: Shape = [n];
  const p = { dx, omega: 1, mass: MASS, hbar: HBAR };
  const psi = gaussianPacket(shape, { x0: -5, k0: 0.5, sigma: 1, dx });
  const norm0 = normOf(psi, 0, n, dx, 1);
  return {
    name: 'normDrift',
    shape,
    dx,
    psi,
    options: {
      shape,
      batch: 1,
      dt: 0.01,
      steps: 1000,
      potential: harmonicPotential(shape, p),
      hbar: HBAR,
      mass: MASS,
      dx,
    },
    tolerance: 3e-4,
    check: (out) => compare(normOf(out, 0, n, dx, 1), norm0),
    extraChecks: () => [],
  };
}

function density(psi: ArrayLike<number>): Float64Array {
  const rho = new Float64Array(psi.length / 2);
  for (let i = 0; i < rho.length; i++) {
    rho[i] = (psi[2 * i] as number) ** 2 + (psi[2 * i + 1] as number) ** 2;
  }
  return rho;
}

/** Every scenario, the 2D variants included, for tests that run them all. */
export function allQuantumScenarios(): QuantumScenario[] {
  return [
    freePacketScenario(1),
    freePacketScenario(2),
    barrierScenario(),
    harmonicGroundScenario(1),
    harmonicGroundScenario(2),
    normDriftScenario(),
  ];
}
