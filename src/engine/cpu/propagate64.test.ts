import { describe, expect, it } from 'vitest';
import { interleave, split } from '../complex';
import { kineticPhase, potentialPhase, type PropagatorConstants } from '../math/propagator';
import {
  allQuantumScenarios,
  freePacketScenario,
  harmonicGroundScenario,
  normDriftScenario,
  type QuantumScenario,
} from '../testing/quantum-scenarios';
import { gaussianPacket, harmonicPotential } from '../../workloads/quantum';
import { fftNdInPlace } from './fft64';
import { multiplyInPlace, propagate64InPlace } from './propagate64';

function constants(sc: QuantumScenario): PropagatorConstants {
  const o = sc.options;
  return { dt: o.dt, hbar: o.hbar, mass: o.mass, dx: o.dx };
}

/** Runs a scenario on the reference, with the kinetic table replaceable to plant a fault. */
function run(sc: QuantumScenario, kinetic = kineticPhase(sc.shape, constants(sc))): Float64Array {
  const s = split(sc.psi, false);
  const o = sc.options;
  const vHalf = o.potential ? potentialPhase(o.potential, constants(sc), 0.5) : undefined;
  propagate64InPlace(s.re, s.im, 0, sc.shape, kinetic, vHalf, o.steps);
  return interleave(s);
}

describe('propagate64InPlace: physics scenarios on the float64 reference', () => {
  it.each(allQuantumScenarios().map((sc) => [sc.name, sc] as const))('%s', (_, sc) => {
    const out = run(sc);
    const c = sc.check(out);
    expect(c.relError, `${sc.name}: ${JSON.stringify(c)}`).toBeLessThan(sc.tolerance);
    for (const x of sc.extraChecks(out)) {
      expect(x.relError, `${sc.name} / ${x.name}: ${JSON.stringify(x)}`).toBeLessThan(x.tolerance);
    }
  });

  it('conserves the norm to 1e-10 over 1000 steps', () => {
    const sc = normDriftScenario();
    expect(sc.options.steps).toBe(1000);
    expect(sc.check(run(sc)).relError).toBeLessThan(1e-10);
  });

  it('the checks catch a wrong kinetic phase', () => {
    // Twice the mass in the kinetic table halves the spreading rate.
    const free = freePacketScenario();
    const wrongMass = kineticPhase(free.shape, { ...constants(free), mass: 2 * free.options.mass });
    expect(free.check(run(free, wrongMass)).relError).toBeGreaterThan(10 * free.tolerance);
    // e^{+iħk²dt/2m} evolves under V − T, for which the ground state of V + T is not stationary.
    const ground = harmonicGroundScenario();
    const conjugate = kineticPhase(ground.shape, constants(ground)).map((v, i) => (i % 2 ? -v : v));
    expect(ground.check(run(ground, conjugate)).relError).toBeGreaterThan(10 * ground.tolerance);
  });
});

describe('propagate64InPlace: schedule', () => {
  const n = 256;
  const dx = 0.1;
  const c: PropagatorConstants = { dt: 0.02, hbar: 1, mass: 1, dx };
  const shape = [n] as const;
  const psi = gaussianPacket(shape, { x0: -3, k0: 2, sigma: 0.8, dx });
  const v = harmonicPotential(shape, { dx, omega: 1.5, mass: 1 });
  const kinetic = kineticPhase(shape, c);
  const vHalf = potentialPhase(v, c, 0.5);

  it('equals the merged schedule Vhalf·K·V·K·…·K·Vhalf to 1e-10', () => {
    const steps = 300;
    const literal = split(psi, false);
    propagate64InPlace(literal.re, literal.im, 0, shape, kinetic, vHalf, steps);

    const vFull = potentialPhase(v, c, 1);
    const merged = split(psi, false);
    const { re, im } = merged;
    multiplyInPlace(re, im, 0, vHalf);
    for (let s = 0; s < steps; s++) {
      fftNdInPlace(re, im, shape, false);
      multiplyInPlace(re, im, 0, kinetic);
      fftNdInPlace(re, im, shape, true);
      multiplyInPlace(re, im, 0, s === steps - 1 ? vHalf : vFull);
    }
    let worst = 0;
    for (let i = 0; i < n; i++) {
      worst = Math.max(
        worst,
        Math.abs((re[i] as number) - (literal.re[i] as number)),
        Math.abs((im[i] as number) - (literal.im[i] as number)),
      );
    }
    expect(worst).toBeLessThan(1e-10);
    // The schedule did something: the packet moved.
    expect(
      Math.abs((literal.re[n / 2 - 30] as number) - (psi[2 * (n / 2 - 30)] as number)),
    ).toBeGreaterThan(1e-3);
  });

  it('propagates the signal at `offset` and leaves its neighbours alone', () => {
    const alone = split(psi, false);
    propagate64InPlace(alone.re, alone.im, 0, shape, kinetic, vHalf, 20);
    const re = new Float64Array(3 * n).fill(7);
    const im = new Float64Array(3 * n).fill(-7);
    const s = split(psi, false);
    re.set(s.re, n);
    im.set(s.im, n);
    propagate64InPlace(re, im, n, shape, kinetic, vHalf, 20);
    expect(re.subarray(n, 2 * n)).toEqual(alone.re);
    expect(im.subarray(n, 2 * n)).toEqual(alone.im);
    expect(
      re.subarray(0, n).every((x) => x === 7) && re.subarray(2 * n).every((x) => x === 7),
    ).toBe(true);
    expect(
      im.subarray(0, n).every((x) => x === -7) && im.subarray(2 * n).every((x) => x === -7),
    ).toBe(true);
  });

  it('rejects tables of the wrong size', () => {
    const s = split(psi, false);
    expect(() => propagate64InPlace(s.re, s.im, 0, [128], kinetic, undefined, 1)).toThrow(
      RangeError,
    );
  });
});
