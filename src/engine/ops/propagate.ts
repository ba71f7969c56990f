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
import {
  checkBatch,
  checkData,
  checkFlag,
  checkOptions,
  checkPositive,
  checkShape,
  checkValues,
  describeValue,
} from '../validate';
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
  const o = checkOptions(options);
  const shape = checkShape(o.shape);
  const batch = checkBatch(o.batch);
  const dt = checkPositive('dt', o.dt, false);
  const steps = o.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
    throw new EngineArgumentError(
      'steps',
      `steps must be a whole number from 1 to ${MAX_STEPS}; got ${describeValue(steps)}.`,
    );
  }
  const constants: PropagatorConstants = {
    dt,
    hbar: checkPositive('hbar', o.hbar ?? HBAR_DEFAULT, false),
    mass: checkPositive('mass', o.mass ?? MASS_DEFAULT, false),
    dx: checkPositive('dx', o.dx ?? DX_DEFAULT, false),
  };
  const n = signalLength(shape);
  let potential = options.potential;
  if (potential !== undefined) {
    checkValues('potential', potential, n, `prod(shape) = ${n} real values, one per point`);
    if (Array.prototype.every.call(potential, (v: number) => v === 0)) potential = undefined;
  }
  checkData(data, shape, batch, false);
  const fused = checkFlag('fused', o.fused, true);
  return { shape, batch, steps, constants, potential, fused };
}

/**
 * A phase table computed only when the plan does not already hold one with this key: the live
 * playground calls propagate every frame with the same constants and potential, and the tables
 * cost 2n cos/sin and an upload each.
 */
function table(key: string, values: () => Float64Array): ProgramTable {
  return { key, data: () => Float32Array.from(values()) };
}

/**
 * Two 32-bit FNV-1a hashes (different bases) over the float64 bits: a cheap identity for a
 * potential's contents, with a chance of about 2^-64 that a changed potential keeps its key.
 */
function contentKey(values: InputArray): string {
  const view = new DataView(new ArrayBuffer(8));
  let h = 0x811c9dc5;
  let g = 0x01000193;
  for (let i = 0; i < values.length; i++) {
    view.setFloat64(0, values[i] as number);
    for (let b = 0; b < 8; b++) {
      const byte = view.getUint8(b);
      h = Math.imul(h ^ byte, 0x01000193);
      g = Math.imul(g ^ byte, 0x0100019d);
    }
  }
  return `${values.length}:${(h >>> 0).toString(16)}:${(g >>> 0).toString(16)}`;
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
    const c = o.constants;
    const constants = `${o.shape.join('x')}/${c.dt}/${c.hbar}/${c.mass}/${c.dx}`;
    const tables: Record<string, ProgramTable> = {
      kinetic: table(constants, () => kineticPhase(o.shape, c)),
    };
    const potential = o.potential;
    if (potential) {
      const key = `${constants}/${contentKey(potential)}`;
      tables.vHalf = table(key, () => potentialPhase(potential, c, 0.5));
      tables.vFull = table(key, () => potentialPhase(potential, c, 1));
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
