/**
 * Fuzzing every operator's argument checks with any JavaScript value in any option: each call
 * either returns checked arguments the operator can use, or throws an EngineArgumentError whose
 * field is set and whose message starts with that field. Never a TypeError, never a coercion
 * ('false' taken as true), never a slow check.
 */
import { describe, expect, it } from 'vitest';
import { EngineArgumentError } from './errors';
import { OPERATORS, type OperatorId } from './ops';
import { anyValue, fuzz, int, pick } from '../io/testing/fuzz';
import { isPowerOfTwo } from './validate';

/** A valid call of each operator on 8-point signals, which the fuzzer then damages. */
function validCall(id: OperatorId): { data: unknown; options: Record<string, unknown> } {
  const complex = new Float32Array(16);
  switch (id) {
    case 'fft':
      return { data: complex, options: { shape: [8], batch: 1, inverse: false, real: false } };
    case 'resolvent':
    case 'reductions':
      return {
        data: complex,
        options: { shape: [8], batch: 1, phi: 1, kUnit: 'radians', fused: true },
      };
    case 'filter':
      return {
        data: complex,
        options: { shape: [8], batch: 1, gains: new Float64Array(8), real: false },
      };
    case 'wht':
      return { data: new Float64Array(8), options: { n: 8, batch: 1 } };
    case 'propagate':
      return {
        data: complex,
        options: { shape: [8], batch: 1, dt: 0.1, steps: 2, potential: new Array(8).fill(1) },
      };
    case 'copy':
    case 'read-reduce':
      return { data: complex, options: { shape: [8], batch: 1 } };
  }
}

const IDS = Object.keys(OPERATORS) as OperatorId[];
const FLAGS = ['real', 'inverse', 'fused'];

describe('fuzz: engine argument checks', () => {
  it('refuse any value with EngineArgumentError naming the field, or accept usable arguments', () => {
    const report = fuzz(
      { seed: 1510, cases: 20000, totalMs: 3000, caseMs: 100 },
      (rng) => {
        const id = pick(rng, IDS);
        const call = validCall(id);
        const damage = int(rng, 0, 3);
        for (let d = 0; d < damage; d++) {
          const keys = [...Object.keys(call.options), 'shape', 'batch', 'real', 'kScale', 'extra'];
          call.options[pick(rng, keys)] = anyValue(rng);
        }
        const data = rng.next() < 0.2 ? anyValue(rng) : call.data;
        const options = rng.next() < 0.05 ? anyValue(rng) : call.options;
        return { id, data, options };
      },
      ({ id, data, options }) => {
        let checked: { shape: number[]; batch: number } & Record<string, unknown>;
        try {
          checked = OPERATORS[id].check(
            data as never,
            options as never,
          ) as unknown as typeof checked;
        } catch (e) {
          if (!(e instanceof EngineArgumentError)) throw e;
          expect(e.field.length).toBeGreaterThan(0);
          expect(e.message.startsWith(e.field)).toBe(true);
          return;
        }
        for (const n of checked.shape) expect(isPowerOfTwo(n)).toBe(true);
        expect(Number.isSafeInteger(checked.batch)).toBe(true);
        for (const flag of FLAGS) {
          if (flag in checked) expect(typeof checked[flag]).toBe('boolean');
          const given = (options as Record<string, unknown>)[flag];
          if (flag in checked && given !== undefined) expect(checked[flag]).toBe(given);
        }
      },
    );
    expect(report.cases).toBeGreaterThan(500);
  });
});
