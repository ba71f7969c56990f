/**
 * Split-step Fourier propagation of ψ (math/propagator.ts defines the factors). Each step is
 *   ψ ← e^{−iV·dt/(2ħ)} · IFFT( e^{−iħk²dt/(2m)} · FFT( e^{−iV·dt/(2ħ)} · ψ ) ).
 * The float64 reference applies that literally. The GPU keeps ψ on the device for all steps
 * and merges the potential half-steps of consecutive steps into one e^{−iV·dt/ħ}, which is
 * exact (both are diagonal in position and commute):
 *   V½ · (K · V)^(steps−1) · K · V½,
 * with each K the spectral pipeline's 'multiply' hook inside the fused FFT passes. V = 0 skips
 * the potential passes altogether (e^0 = 1).
 */
import { interleave, split, toComplexF32 } from '../complex';
import { propagate64InPlace } from '../cpu/propagate64';
import {
  DX_DEFAULT,
  HBAR_DEFAULT,
  kineticPhase,
  MASS_DEFAULT,
  normOf,
  potentialPhase,
  type PropagatorConstants,
} from '../math/propagator';
import { fftFlops } from '../resolvent-math';
import { signalLength } from '../shape';
import type { InputArray, OutputArray, PropagateOptions, PropagateResult } from '../types';
import { checkBatch, checkData, checkPositive, checkShape, checkValues } from '../validate';
import { EngineArgumentError } from '../errors';
import type { Block, CheckedBase, Operator, ProgramTable } from './operator';

/** Steps one call may take: bounds the dispatches recorded for one submit. */
export const MAX_STEPS = 100_000;

export interface CheckedPropagate extends CheckedBase {
  steps: number;
  constants: PropagatorConstants;
  /** undefined: V = 0 everywhere. */
  potential: InputArray | undefined;
  fused: boolean;
}

function check(data: InputArray, options: PropagateOptions): CheckedPropagate {
  const shape = checkShape(options.shape);
  const batch = checkBatch(options.batch);
  const dt = checkPositive('dt', options.dt, false);
  const steps = options.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
    throw new EngineArgumentError(
      'steps',
      `steps must be a whole number from 1 to ${MAX_STEPS}; got ${String(steps)}.`,
    );
  }
  const constants: PropagatorConstants = {
    dt,
    hbar: checkPositive('hbar', options.hbar ?? HBAR_DEFAULT, false),
    mass: checkPositive('mass', options.mass ?? MASS_DEFAULT, false),
    dx: checkPositive('dx', options.dx ?? DX_DEFAULT, false),
  };
  const n = signalLength(shape);
  let potential = options.potential;
  if (potential !== undefined) {
    checkValues('potential', potential, n, `prod(shape) = ${n} real values, one per point`);
    if (Array.prototype.every.call(potential, (v: number) => v === 0)) potential = undefined;
  }
  checkData(data, shape, batch, false);
  return { shape, batch, steps, constants, potential, fused: options.fused ?? true };
}

function table(values: Float64Array): ProgramTable {
  return { data: () => Float32Array.from(values) };
}

function blocks(o: CheckedPropagate): Block[] {
  const kinetic: Block = {
    kind: 'spectral',
    hook: { kind: 'multiply', table: 'kinetic' },
    fused: o.fused,
  };
  if (!o.potential) return [{ kind: 'repeat', times: o.steps, body: [kinetic] }];
  const half: Block = { kind: 'pointwise', table: 'vHalf' };
  const full: Block = { kind: 'pointwise', table: 'vFull' };
  return [half, { kind: 'repeat', times: o.steps - 1, body: [kinetic, full] }, kinetic, half];
}

function norms(
  psi: ArrayLike<number>,
  o: CheckedPropagate,
  Arr: typeof Float32Array | typeof Float64Array,
): OutputArray {
  const n = signalLength(o.shape);
  const out = new Arr(o.batch);
  for (let b = 0; b < o.batch; b++) {
    out[b] = normOf(psi, b * n, n, o.constants.dx, o.shape.length);
  }
  return out;
}

export const propagateOp: Operator<PropagateOptions, PropagateResult, CheckedPropagate> = {
  id: 'propagate',
  check,
  reference(data, o) {
    const n = signalLength(o.shape);
    const s = split(data, false);
    const kinetic = kineticPhase(o.shape, o.constants);
    const vHalf = o.potential ? potentialPhase(o.potential, o.constants, 0.5) : undefined;
    for (let b = 0; b < o.batch; b++) {
      propagate64InPlace(s.re, s.im, b * n, o.shape, kinetic, vHalf, o.steps);
    }
    const psi = interleave(s);
    return { data: psi, norm: norms(psi, o, Float64Array) };
  },
  program(data, o) {
    const tables: Record<string, ProgramTable> = {
      kinetic: table(kineticPhase(o.shape, o.constants)),
    };
    if (o.potential) {
      tables.vHalf = table(potentialPhase(o.potential, o.constants, 0.5));
      tables.vFull = table(potentialPhase(o.potential, o.constants, 1));
    }
    return {
      shape: o.shape,
      batch: o.batch,
      input: () => toComplexF32(data, false),
      blocks: blocks(o),
      tables,
      sums: false,
    };
  },
  decode: (out, o, timing) => ({ data: out.data, norm: norms(out.data, o, Float32Array), timing }),
  work: (o) => {
    const n = signalLength(o.shape);
    const perStep = 2 * fftFlops(n) + 6 * n + (o.potential ? 6 * n : 0);
    return { flops: o.batch * o.steps * perStep, bytes: 2 * o.batch * n * 8 };
  },
};
