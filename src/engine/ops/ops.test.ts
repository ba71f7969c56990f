/**
 * The operators' contracts without a GPU: argument checks name the field, the float64
 * references agree with each other where their definitions meet, and the GPU programs have
 * the shape the README promises (the propagator's merged half steps, the WHT's pairing).
 */
import { describe, expect, it } from 'vitest';
import { uniformSigned } from '../../workloads/rng';
import { createCpuEngine } from '../cpu-engine';
import { EngineArgumentError } from '../errors';
import { resolventTable } from '../resolvent-math';
import { linfRelError } from '../testing/compare';
import type { PropagateOptions, Shape } from '../types';
import { OPERATORS } from '.';

const cpu = createCpuEngine();

async function fieldOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EngineArgumentError))
    throw new Error(`expected EngineArgumentError, got ${String(error)}`);
  return error.field;
}

describe('argument checks name the field', () => {
  it('wht: n, batch, data', async () => {
    expect(await fieldOf(cpu.wht(new Float64Array(6), { n: 6, batch: 1 }))).toBe('n');
    expect(await fieldOf(cpu.wht(new Float64Array(8), { n: 2 ** 21, batch: 1 }))).toBe('n');
    expect(await fieldOf(cpu.wht(new Float64Array(8), { n: 8, batch: 0 }))).toBe('batch');
    expect(await fieldOf(cpu.wht(new Float64Array(7), { n: 8, batch: 1 }))).toBe('data');
    expect(await fieldOf(cpu.wht([1, 2, NaN, 4], { n: 4, batch: 1 }))).toBe('data');
  });

  it('filter: gains of the wrong length, with NaN, or missing', async () => {
    const data = new Float64Array(16);
    const shape: Shape = [8];
    expect(await fieldOf(cpu.filter(data, { shape, batch: 1, gains: new Float64Array(4) }))).toBe(
      'gains',
    );
    expect(
      await fieldOf(cpu.filter(data, { shape, batch: 1, gains: [1, 1, 1, NaN, 1, 1, 1, 1] })),
    ).toBe('gains');
    const missing = { shape, batch: 1 } as unknown as Parameters<typeof cpu.filter>[1];
    expect(await fieldOf(cpu.filter(data, missing))).toBe('gains');
  });

  it('propagate: dt, steps, potential, hbar, mass, dx', async () => {
    const psi = new Float64Array(32);
    const base: PropagateOptions = { shape: [16], batch: 1, dt: 0.1, steps: 2 };
    const bad: [Partial<PropagateOptions>, string][] = [
      [{ dt: -1 }, 'dt'],
      [{ dt: Infinity }, 'dt'],
      [{ steps: 0 }, 'steps'],
      [{ steps: 100_001 }, 'steps'],
      [{ steps: 1.5 }, 'steps'],
      [{ potential: new Float64Array(15) }, 'potential'],
      [{ potential: new Float64Array(16).fill(NaN) }, 'potential'],
      [{ hbar: 0 }, 'hbar'],
      [{ mass: NaN }, 'mass'],
      [{ dx: -0.1 }, 'dx'],
    ];
    for (const [change, field] of bad) {
      expect(await fieldOf(cpu.propagate(psi, { ...base, ...change })), field).toBe(field);
    }
  });
});

describe('references where definitions meet', () => {
  it('filter with gains R(k) is the resolvent’s filtered signal', async () => {
    for (const shape of [[64], [8, 16]] as Shape[]) {
      const n = shape.length === 1 ? shape[0] : shape[0] * shape[1];
      const data = uniformSigned(5, 3 * n * 2);
      const gains = resolventTable(shape, 2.5, 'index', 0.1);
      const f = await cpu.filter(data, { shape, batch: 3, gains });
      const r = await cpu.resolvent(data, {
        shape,
        batch: 3,
        phi: 2.5,
        kUnit: 'index',
        kScale: 0.1,
      });
      expect(linfRelError(f.data, r.filtered)).toBeLessThan(1e-13);
    }
  });

  it('filter with unit gains is the identity; propagate with V = 0 given is the free particle', async () => {
    const data = uniformSigned(6, 2 * 32 * 2);
    const f = await cpu.filter(data, {
      shape: [32],
      batch: 2,
      gains: new Float64Array(32).fill(1),
    });
    expect(linfRelError(f.data, data)).toBeLessThan(1e-14);
    const options: PropagateOptions = { shape: [32], batch: 2, dt: 0.3, steps: 5 };
    const free = await cpu.propagate(data, options);
    const zero = await cpu.propagate(data, { ...options, potential: new Float64Array(32) });
    expect(linfRelError(zero.data, free.data)).toBeLessThan(1e-14);
  });
});

describe('GPU programs', () => {
  const psi = new Float64Array(16 * 2);
  const program = (options: PropagateOptions) =>
    OPERATORS.propagate.program(psi, OPERATORS.propagate.check(psi, options));

  it('propagate merges the potential half steps: V½ · (K · V)^(steps−1) · K · V½', () => {
    const p = program({
      shape: [16],
      batch: 1,
      dt: 0.1,
      steps: 4,
      potential: new Float64Array(16).fill(1),
    });
    const kinetic = { kind: 'spectral', hook: { kind: 'multiply', table: 'kinetic' }, fused: true };
    expect(p.blocks).toEqual([
      { kind: 'pointwise', table: 'vHalf' },
      { kind: 'repeat', times: 3, body: [kinetic, { kind: 'pointwise', table: 'vFull' }] },
      kinetic,
      { kind: 'pointwise', table: 'vHalf' },
    ]);
    expect(Object.keys(p.tables).sort()).toEqual(['kinetic', 'vFull', 'vHalf']);
  });

  it('phase tables are keyed by what they depend on, so a live loop uploads them once', () => {
    const V = new Float64Array(16).fill(1);
    const base: PropagateOptions = { shape: [16], batch: 1, dt: 0.1, steps: 2, potential: V };
    const keys = (o: PropagateOptions) =>
      Object.fromEntries(Object.entries(program(o).tables).map(([k, t]) => [k, t.key]));
    const first = keys(base);
    expect(keys({ ...base, potential: V.slice() })).toEqual(first);
    const bumped = V.slice();
    bumped[7] = 1 + 1e-12;
    expect(keys({ ...base, potential: bumped }).vHalf).not.toBe(first.vHalf);
    expect(keys({ ...base, potential: bumped }).kinetic).toBe(first.kinetic);
    const faster = keys({ ...base, dt: 0.2 });
    expect(faster.kinetic).not.toBe(first.kinetic);
    expect(faster.vFull).not.toBe(first.vFull);
  });

  it('a free particle has no potential passes', () => {
    const p = program({ shape: [16], batch: 1, dt: 0.1, steps: 4 });
    expect(p.blocks).toHaveLength(1);
    expect(p.blocks[0]).toMatchObject({ kind: 'repeat', times: 4 });
    expect(Object.keys(p.tables)).toEqual(['kinetic']);
  });

  it('wht sends two real signals as one complex signal, an odd batch padded with zeros', () => {
    const data = Float64Array.from({ length: 3 * 4 }, (_, i) => i + 1);
    const checked = OPERATORS.wht.check(data, { n: 4, batch: 3 });
    const p = OPERATORS.wht.program(data, checked);
    expect(p.batch).toBe(2);
    expect(Array.from(p.input())).toEqual([1, 5, 2, 6, 3, 7, 4, 8, 9, 0, 10, 0, 11, 0, 12, 0]);
    const decoded = OPERATORS.wht.decode({ data: p.input() }, checked, {
      ms: 0,
      method: 'wall',
      dispatches: 0,
      chunks: 1,
    });
    expect(Array.from(decoded.data)).toEqual(Array.from(data));
  });
});

describe('the bandwidth floors: copy and read-reduce', () => {
  const timing = { ms: 0, method: 'wall', dispatches: 0, chunks: 1 } as const;

  it('check shape, batch and data, as the transforms do', async () => {
    for (const op of [OPERATORS.copy, OPERATORS['read-reduce']]) {
      const run = (data: ArrayLike<number>, shape: Shape, batch: number) =>
        fieldOf(cpu.run(op, Float64Array.from(data), { shape, batch }));
      expect(await run(new Float64Array(12), [6], 1), op.id).toBe('shape[0] (n)');
      expect(await run(new Float64Array(16), [8], 0), op.id).toBe('batch');
      expect(await run(new Float64Array(15), [8], 1), op.id).toBe('data');
      expect(await run([1, NaN, 0, 0], [2], 1), op.id).toBe('data');
    }
  });

  it('copy: the identity, one copy block, every value read and written once', async () => {
    const data = uniformSigned(3, 2 * 3 * 8);
    expect(
      Array.from((await cpu.run(OPERATORS.copy, data, { shape: [8], batch: 3 })).data),
    ).toEqual(Array.from(data));
    const checked = OPERATORS.copy.check(data, { shape: [8], batch: 3 });
    const p = OPERATORS.copy.program(data, checked);
    expect(p.blocks).toEqual([{ kind: 'copy' }]);
    expect(p.sums).toBe(false);
    expect(OPERATORS.copy.work(checked)).toEqual({ flops: 0, bytes: 2 * data.byteLength });
  });

  it('read-reduce: Σ of every value; the GPU total is the batch vec4’s lanes', async () => {
    const data = Float64Array.from({ length: 2 * 2 * 4 }, (_, i) => i - 5);
    const op = OPERATORS['read-reduce'];
    const options = { shape: [4] as Shape, batch: 2 };
    expect((await cpu.run(op, data, options)).total).toBe(data.reduce((a, b) => a + b, 0));
    const checked = op.check(data, options);
    const p = op.program(data, checked);
    expect(p.blocks).toEqual([{ kind: 'sum' }]);
    expect(p.sums).toBe(true);
    // Per-signal vec4s (ignored), then the batch's.
    const sums = Float32Array.from([9, 9, 9, 9, 9, 9, 9, 9, 1, 2, 3, 4.5]);
    expect(op.decode({ data: new Float32Array(16), sums }, checked, timing).total).toBe(10.5);
    expect(() => op.decode({ data: new Float32Array(16) }, checked, timing)).toThrow(/no sums/);
    expect(op.work(checked).bytes).toBe(2 * 2 * 4 * 4);
  });
});
