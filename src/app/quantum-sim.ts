/**
 * The live wave packet: ψ carried from frame to frame, advanced on the engine by
 * `stepsPerFrame` split-step steps of dt, then measured (norm, ⟨H⟩, |ψ̂(k)|², transmission).
 * React-free; the run loop owns one and publishes what each frame returns. A frame's new state
 * is kept only once everything in it has succeeded, so a failed frame (a lost device, a limit)
 * leaves ψ and t exactly as they were and the next frame goes on from there.
 */
import {
  createCpuEngine,
  normOf,
  signalLength,
  type Engine,
  type InputArray,
  type OutputArray,
  type Shape,
  type Timing,
} from '../engine';
import { shapeOf, type PlaygroundConfig } from '../io/config';
import { potentialFits } from '../io/kind-config';
import { quantumLimits } from '../io/quantum-limits';
import { WorkloadError } from '../workloads';
import { barrierTransmission, packetTransmission } from '../workloads/quantum-analytic';
import {
  barrierPotential,
  doubleSlitPotential,
  doubleWellPotential,
  energyExpectation,
  freePotential,
  gaussianPacket,
  harmonicPotential,
  probabilityBeyond,
} from '../workloads/quantum';

/** The playground's units: ħ = m = 1, so k is the momentum and k²/2 the kinetic energy. */
export const HBAR = 1;
export const MASS = 1;
/** Spectra of up to this many points come from the float64 CPU engine (see frame-view.ts). */
const CPU_SPECTRUM_MAX = 2 ** 16;

/** The problem a configuration poses: grid, potential and the packet at t = 0. */
export interface QuantumSetup {
  /** Equal keys mean the same problem; any other change restarts from t = 0. */
  key: string;
  shape: Shape;
  dx: number;
  potential: Float64Array;
  psi0: Float64Array;
  /** 1D barrier only: where transmitted probability starts, and the textbook values beside it. */
  barrier: { edge: number; planeWave: number; packet: number } | null;
}

export interface QuantumEnergy {
  kinetic: number;
  potential: number;
  total: number;
}

/** What one frame shows. */
export interface QuantumView {
  shape: Shape;
  dx: number;
  /** Time since the start (or the last reset), in the units of dt. */
  t: number;
  /** Steps taken since the start. */
  steps: number;
  /** ψ, interleaved complex, as the engine returned it. */
  psi: OutputArray;
  potential: Float64Array;
  /** |ψ̂(k)|² in numpy's FFT bin order (row-major [ky][kx] in 2D). */
  momentum: Float64Array;
  /** Σ|ψ|²·dx^d: 1 at the start, and kept by every unitary step. */
  norm: number;
  energy: QuantumEnergy;
  /** Measured share beyond the barrier, with the plane-wave and packet-averaged predictions. */
  transmission: { measured: number; planeWave: number; packet: number } | null;
  /** The propagation's timing, or null when the frame only measured (paused, reset). */
  timing: Timing | null;
}

/** Throws WorkloadError naming the first field that does not fit (a single input cannot see). */
export function checkQuantum(config: PlaygroundConfig): void {
  const limit = quantumLimits({ ...config, kind: 'quantum' })[0];
  if (limit) throw new WorkloadError(limit.field, limit.message);
  if (!potentialFits(config.potential, config.dims)) {
    throw new WorkloadError(
      'potential',
      `potential '${config.potential}' needs a 2D grid but dims is ${config.dims}`,
    );
  }
}

function potentialOf(config: PlaygroundConfig, shape: Shape): Float64Array {
  const { dx } = config;
  switch (config.potential) {
    case 'free':
      return freePotential(shape);
    case 'harmonic':
      return harmonicPotential(shape, { dx, omega: config.omega, mass: MASS });
    case 'barrier':
      return barrierPotential(shape, {
        dx,
        height: config.barrierHeight,
        width: config.barrierWidth,
      });
    case 'double-well':
      return doubleWellPotential(shape, {
        dx,
        depth: config.wellDepth,
        separation: config.wellSeparation,
      });
    case 'double-slit':
      if (shape.length !== 2) throw new WorkloadError('potential', 'the double slit is 2D only');
      return doubleSlitPotential(shape, {
        dx,
        height: config.wallHeight,
        wallX: 0,
        wallWidth: config.barrierWidth,
        slitWidth: config.slitWidth,
        slitSeparation: config.slitSeparation,
      });
  }
}

/** The fields that define the problem; dt and steps per frame are not among them. */
function problemKey(c: PlaygroundConfig): string {
  const grid = c.dims === 1 ? [c.n] : [c.ny, c.nx];
  const params: Record<PlaygroundConfig['potential'], readonly number[]> = {
    free: [],
    harmonic: [c.omega],
    barrier: [c.barrierHeight, c.barrierWidth],
    'double-well': [c.wellDepth, c.wellSeparation],
    'double-slit': [c.wallHeight, c.barrierWidth, c.slitWidth, c.slitSeparation],
  };
  return JSON.stringify([grid, c.dx, c.x0, c.k0, c.packetSigma, c.potential, params[c.potential]]);
}

export function quantumSetup(config: PlaygroundConfig): QuantumSetup {
  checkQuantum(config);
  const shape = shapeOf(config);
  const { dx, x0, k0, packetSigma: sigma } = config;
  const isBarrier = config.potential === 'barrier' && shape.length === 1;
  const v0 = config.barrierHeight;
  const a = config.barrierWidth;
  return {
    key: problemKey(config),
    shape,
    dx,
    potential: potentialOf(config, shape),
    psi0: gaussianPacket(shape, { x0, k0, sigma, dx }),
    barrier: isBarrier
      ? {
          edge: a / 2,
          planeWave: barrierTransmission((HBAR * HBAR * k0 * k0) / (2 * MASS), v0, a, HBAR, MASS),
          packet: packetTransmission(k0, 1 / (2 * sigma), v0, a, HBAR, MASS),
        }
      : null,
  };
}

interface SimState {
  setup: QuantumSetup;
  psi: OutputArray;
  t: number;
  steps: number;
}

export interface QuantumSim {
  /** The next frame starts again from ψ at t = 0. */
  reset(): void;
  /**
   * One frame: when `advance`, `stepsPerFrame` steps of dt on `engine` from the last frame's ψ
   * (or from ψ at t = 0 after a reset or a change of problem); then the measurements.
   */
  frame(engine: Engine, config: PlaygroundConfig, advance: boolean): Promise<QuantumView>;
}

export function createQuantumSim(): QuantumSim {
  const cpu = createCpuEngine();
  let state: SimState | null = null;
  let setup: QuantumSetup | null = null;

  async function spectrum(engine: Engine, psi: InputArray, shape: Shape): Promise<OutputArray> {
    const viaCpu = signalLength(shape) <= CPU_SPECTRUM_MAX;
    const { data } = await (viaCpu ? cpu : engine).fft(psi, { shape, batch: 1 });
    return data;
  }

  return {
    reset() {
      state = null;
    },
    async frame(engine, config, advance) {
      const key = problemKey(config);
      if (setup?.key !== key) setup = quantumSetup(config);
      const start: SimState =
        state && state.setup.key === key ? state : { setup, psi: setup.psi0, t: 0, steps: 0 };
      const { shape, dx, potential } = start.setup;
      let next = start;
      let timing: Timing | null = null;
      if (advance) {
        const { dt, stepsPerFrame: steps } = config;
        const result = await engine.propagate(start.psi, {
          shape,
          batch: 1,
          dt,
          steps,
          potential,
          hbar: HBAR,
          mass: MASS,
          dx,
        });
        timing = result.timing;
        next = { ...start, psi: result.data, t: start.t + steps * dt, steps: start.steps + steps };
      }
      const spec = await spectrum(engine, next.psi, shape);
      state = next;
      return measure(next, spec, timing);
    },
  };
}

function measure(state: SimState, spec: OutputArray, timing: Timing | null): QuantumView {
  const { shape, dx, potential, barrier } = state.setup;
  const { psi } = state;
  const n = signalLength(shape);
  const norm = normOf(psi, 0, n, dx, shape.length);
  const momentum = new Float64Array(n);
  for (let i = 0; i < n; i++) momentum[i] = (spec[2 * i] ?? 0) ** 2 + (spec[2 * i + 1] ?? 0) ** 2;
  const energy = energyExpectation(psi, spec, shape, potential, { hbar: HBAR, mass: MASS, dx });
  return {
    shape,
    dx,
    t: state.t,
    steps: state.steps,
    psi,
    potential,
    momentum,
    norm,
    energy,
    transmission:
      barrier && shape.length === 1
        ? {
            measured: probabilityBeyond(psi, shape[0], dx, barrier.edge) / norm,
            planeWave: barrier.planeWave,
            packet: barrier.packet,
          }
        : null,
    timing,
  };
}
