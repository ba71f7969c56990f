/**
 * The benchmark's bandwidth floors on real WebGPU, against their float64 references:
 * - copy: the identity, bit for bit, one dispatch; in chunks and prepared (resident input).
 * - read-reduce: the total within the bound of a float32 tree of fan-in 16 (16 terms per
 *   level, relative to Σ|x|), in every geometry (one partial per signal, several, 2D, chunks);
 *   exact where every partial sum is (ones).
 */
import { describe, expect, it } from 'vitest';
import { uniformSigned } from '../../workloads/rng';
import { createCpuEngine } from '../cpu-engine';
import { OPERATORS } from '../ops';
import { signalLength } from '../shape';
import type { Shape } from '../types';
import { gpuFixture } from '../testing/gpu-fixture';
import { UPLOAD_SLICE_BYTES } from './transfer-meter';

const gpu = gpuFixture();
const cpu = createCpuEngine();

const cases: [Shape, number][] = [
  [[2], 1],
  [[2], 7],
  [[32], 3],
  [[64], 5],
  [[4096], 9],
  [[2 ** 20], 2],
  [[64, 32], 3],
];

/** Equal values, element by element (toEqual takes minutes on millions of them). */
function identical(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** |gpu − float64| allowed: 16 float32 roundings a level, levels of fan-in 16 over the vec4s. */
function sumBound(data: Float32Array): number {
  const levels = Math.max(1, Math.ceil(Math.log2(data.length / 4) / 4));
  return 16 * levels * 2 ** -24 * data.reduce((a, v) => a + Math.abs(v), 0);
}

describe('copy operator', () => {
  for (const [shape, batch] of cases) {
    it(`[${shape.join('×')}] ×${batch}: the same values, bit for bit`, async () => {
      const data = uniformSigned(signalLength(shape) + batch, 2 * batch * signalLength(shape));
      const g = await gpu.engine.run(OPERATORS.copy, data, { shape, batch });
      const c = await cpu.run(OPERATORS.copy, data, { shape, batch });
      expect(identical(g.data, data)).toBe(true);
      expect(identical(g.data, c.data)).toBe(true);
      expect(g.timing.dispatches).toBe(1);
    });
  }

  it('copies a batch split into chunks', async () => {
    const engine = await gpu.engineWith({ maxChunkBytes: 3 * 1024 * 8 });
    const data = uniformSigned(5, 2 * 10 * 1024);
    const g = await engine.run(OPERATORS.copy, data, { shape: [1024], batch: 10 });
    expect(g.timing.chunks).toBe(4);
    expect(identical(g.data, data)).toBe(true);
  });

  it('prepared: one dispatch a run, moving every byte twice, and the input kept', async () => {
    const data = uniformSigned(9, 2 * 16 * 256);
    const op = await gpu.engine.prepare('copy', data, { shape: [256], batch: 16 });
    try {
      expect(op.dispatches).toBe(1);
      expect(op.bytes).toBe(2 * data.byteLength);
      const t = await op.run(4);
      expect(t.ms).toBeGreaterThan(0);
      expect(identical((await op.read()).data, data)).toBe(true);
      expect(identical((await op.read()).data, data)).toBe(true);
    } finally {
      op.destroy();
    }
  });

  it('prepared above the upload slice: the input arrives whole, bit for bit', async () => {
    // 3 signals of 2^19 complex float32 values = 12 MiB, three times the slice, so
    // the resident upload takes its large path: tables, conversion and 4 MiB slices apart.
    const n = 2 ** 19;
    const data = uniformSigned(13, 2 * 3 * n);
    expect(data.byteLength).toBeGreaterThan(UPLOAD_SLICE_BYTES * 2);
    const op = await gpu.engine.prepare('copy', data, { shape: [n], batch: 3 });
    try {
      expect(identical((await op.read()).data, data)).toBe(true);
    } finally {
      op.destroy();
    }
  });
});

describe('read-reduce operator', () => {
  for (const [shape, batch] of cases) {
    it(`[${shape.join('×')}] ×${batch}: the total within the tree-sum bound`, async () => {
      const data = uniformSigned(3 * signalLength(shape) + batch, 2 * batch * signalLength(shape));
      const g = await gpu.engine.run(OPERATORS['read-reduce'], data, { shape, batch });
      const c = await cpu.run(OPERATORS['read-reduce'], data, { shape, batch });
      expect(Math.abs(g.total - c.total)).toBeLessThanOrEqual(sumBound(data));
    });
  }

  it('is exact where every partial sum is: ones', async () => {
    const data = new Float32Array(2 * 8 * 4096).fill(1);
    const g = await gpu.engine.run(OPERATORS['read-reduce'], data, { shape: [4096], batch: 8 });
    expect(g.total).toBe(data.length);
  });

  it('adds a batch split into chunks', async () => {
    const engine = await gpu.engineWith({ maxChunkBytes: 3 * 1024 * 8 });
    const data = uniformSigned(6, 2 * 10 * 1024);
    const g = await engine.run(OPERATORS['read-reduce'], data, { shape: [1024], batch: 10 });
    const c = await cpu.run(OPERATORS['read-reduce'], data, { shape: [1024], batch: 10 });
    expect(g.timing.chunks).toBe(4);
    expect(Math.abs(g.total - c.total)).toBeLessThanOrEqual(sumBound(data));
  });

  it('prepared: reads its resident input again on every run', async () => {
    const data = uniformSigned(8, 2 * 64 * 1024);
    const op = await gpu.engine.prepare('read-reduce', data, { shape: [1024], batch: 64 });
    try {
      expect(op.bytes).toBe(data.byteLength);
      await op.run(3);
      const first = (await op.read()).total;
      expect((await op.read()).total).toBe(first);
      const c = await cpu.run(OPERATORS['read-reduce'], data, { shape: [1024], batch: 64 });
      expect(Math.abs(first - c.total)).toBeLessThanOrEqual(sumBound(data));
    } finally {
      op.destroy();
    }
  });
});
