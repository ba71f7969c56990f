/**
 * The Walsh–Hadamard, spectral filter and split-step propagator operators on real WebGPU,
 * against their float64 references, in every kernel variant this device runs:
 * - WHT: L∞ relative error ≤ the FFT tolerance for n (it does fewer operations than an FFT);
 *   H·H·x = n·x; a direct Sylvester-matrix product for n ≤ 64; odd batches (two real signals
 *   travel as one complex one).
 * - filter: gains = R(k) reproduce the resolvent's filtered signals; random gains in 1D and 2D,
 *   real input, fused and separate.
 * - propagate: ψ within 1e-4 relative L∞ of the float64 reference after tens of steps (with and
 *   without a potential, 1D and 2D), and the physics of quantum-scenarios.ts in float32: norm
 *   drift ≤ 3e-4 over 1000 steps, a free packet's width within 1%, a barrier's transmission
 *   within 2% of the analytic T, the harmonic ground state stationary.
 */
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../cpu-engine';
import { uniformSigned } from '../../workloads/rng';
import { resolventTable } from '../resolvent-math';
import { signalLength } from '../shape';
import { fftTolerance, linfRelError } from '../testing/compare';
import { gpuFixture } from '../testing/gpu-fixture';
import {
  barrierScenario,
  freePacketScenario,
  harmonicGroundScenario,
  normDriftScenario,
} from '../testing/quantum-scenarios';
import type { PropagateOptions, Shape } from '../types';
import { FFT_VARIANTS } from './plan';

const gpu = gpuFixture();
const cpu = createCpuEngine();

/** Row i of H_n: (−1)^popcount(i & j). */
function sylvester(n: number, x: ArrayLike<number>, offset: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      let bits = i & j;
      let parity = 0;
      while (bits) {
        parity ^= bits & 1;
        bits >>= 1;
      }
      s += (parity ? -1 : 1) * (x[offset + j] as number);
    }
    y[i] = s;
  }
  return y;
}

describe('Walsh–Hadamard transform on the GPU', () => {
  const sizes = Array.from({ length: 20 }, (_, i) => 2 ** (i + 1));
  for (const n of sizes) {
    const batch = n <= 1024 ? 5 : n <= 2 ** 16 ? 3 : 1;
    it(`n = ${n}, batch ${batch}: matches the float64 reference`, async () => {
      const data = uniformSigned(n, batch * n);
      const g = await gpu.engine.wht(data, { n, batch });
      const c = await cpu.wht(data, { n, batch });
      expect(g.data).toBeInstanceOf(Float32Array);
      expect(g.data.length).toBe(batch * n);
      expect(linfRelError(g.data, c.data)).toBeLessThanOrEqual(fftTolerance(n));
    });
  }

  it('matches a direct Sylvester-matrix product for n ≤ 64', async () => {
    for (let n = 2; n <= 64; n *= 2) {
      const batch = 3;
      const data = uniformSigned(100 + n, batch * n);
      const g = await gpu.engine.wht(data, { n, batch });
      for (let b = 0; b < batch; b++) {
        const want = sylvester(n, data, b * n);
        const got = g.data.subarray(b * n, (b + 1) * n);
        expect(linfRelError(got, want), `n=${n} signal ${b}`).toBeLessThanOrEqual(fftTolerance(n));
      }
    }
  });

  it('H·H·x = n·x', async () => {
    for (const n of [8, 1024, 2 ** 14]) {
      const data = uniformSigned(7, 2 * n);
      const once = await gpu.engine.wht(data, { n, batch: 2 });
      const twice = await gpu.engine.wht(once.data, { n, batch: 2 });
      const want = Float64Array.from(data, (v) => v * n);
      expect(linfRelError(twice.data, want), `n=${n}`).toBeLessThanOrEqual(2 * fftTolerance(n));
    }
  });

  it('refuses bad arguments before any GPU work, naming the field', async () => {
    await expect(gpu.engine.wht(new Float32Array(12), { n: 12, batch: 1 })).rejects.toMatchObject({
      name: 'EngineArgumentError',
      field: 'n',
    });
    await expect(gpu.engine.wht(new Float32Array(8), { n: 4, batch: 1 })).rejects.toMatchObject({
      field: 'data',
    });
  });
});

describe('spectral filter on the GPU', () => {
  // 4096 on a 4-lane subgroup device ends with a butterfly across lanes: role 'filter' unmerged.
  const shapes: Shape[] = [[16], [1024], [4096], [8192], [2 ** 16], [16, 32], [256, 256]];
  for (const variant of FFT_VARIANTS) {
    for (const shape of shapes) {
      it(`${variant} [${shape.join('×')}]: random gains, fused and separate, against float64`, async () => {
        const e = await gpu.engineFor(variant);
        const n = signalLength(shape);
        const batch = n <= 4096 ? 3 : 1;
        const gains = uniformSigned(3, n);
        const data = uniformSigned(4, batch * n * 2);
        const c = await cpu.filter(data, { shape, batch, gains });
        for (const fused of [true, false]) {
          const g = await e.filter(data, { shape, batch, gains, fused });
          expect(linfRelError(g.data, c.data), `fused ${fused}`).toBeLessThanOrEqual(
            2 * fftTolerance(n),
          );
        }
      });
    }
  }

  it('gains = R(k) reproduce resolvent(...).filtered, real input, 1D and 2D', async () => {
    for (const shape of [[512], [32, 64]] as Shape[]) {
      const n = signalLength(shape);
      const batch = 4;
      const data = uniformSigned(9, batch * n);
      const phi = 0.7;
      const gains = resolventTable(shape, phi, 'radians', 1);
      const f = await gpu.engine.filter(data, { shape, batch, gains, real: true });
      const r = await gpu.engine.resolvent(data, {
        shape,
        batch,
        phi,
        kUnit: 'radians',
        real: true,
      });
      const ref = await cpu.resolvent(data, { shape, batch, phi, kUnit: 'radians', real: true });
      expect(linfRelError(f.data, ref.filtered)).toBeLessThanOrEqual(2 * fftTolerance(n));
      expect(linfRelError(f.data, r.filtered)).toBeLessThanOrEqual(4 * fftTolerance(n));
    }
  });

  it('refuses gains of the wrong length or with NaN, naming the field', async () => {
    const data = new Float32Array(32);
    await expect(
      gpu.engine.filter(data, { shape: [16], batch: 1, gains: new Float32Array(8) }),
    ).rejects.toMatchObject({ name: 'EngineArgumentError', field: 'gains' });
    const gains = new Float32Array(16);
    gains[5] = NaN;
    await expect(gpu.engine.filter(data, { shape: [16], batch: 1, gains })).rejects.toThrow(
      /gains contains NaN at index 5/,
    );
  });
});

/** A smooth test state: a packet plus a second, slower one, so every bin moves. */
function psiFor(shape: Shape, batch: number, seed: number): Float32Array {
  const n = signalLength(shape);
  const noise = uniformSigned(seed, batch * n * 2);
  return Float32Array.from(noise, (v) => v * 0.5);
}

describe('split-step propagation on the GPU: against the float64 reference', () => {
  const cases: { shape: Shape; potential: boolean }[] = [
    { shape: [256], potential: false },
    { shape: [1024], potential: true },
    { shape: [8192], potential: true },
    { shape: [32, 64], potential: true },
  ];
  for (const variant of FFT_VARIANTS) {
    for (const { shape, potential } of cases) {
      it(`${variant} [${shape.join('×')}]${potential ? ' with V' : ' free'}: 20 steps`, async () => {
        const e = await gpu.engineFor(variant);
        const n = signalLength(shape);
        const batch = 2;
        const psi = psiFor(shape, batch, 11);
        const V = potential ? Float64Array.from(uniformSigned(12, n), (v) => 2 + v) : undefined;
        const options: PropagateOptions = {
          shape,
          batch,
          dt: 0.05,
          steps: 20,
          dx: 0.5,
          hbar: 0.8,
          mass: 1.5,
          ...(V ? { potential: V } : {}),
        };
        const c = await cpu.propagate(psi, options);
        for (const fused of [true, false]) {
          const g = await e.propagate(psi, { ...options, fused });
          expect(linfRelError(g.data, c.data), `fused ${fused}`).toBeLessThanOrEqual(1e-4);
          for (let b = 0; b < batch; b++) {
            expect(Math.abs((g.norm[b] as number) / (c.norm[b] as number) - 1)).toBeLessThan(1e-5);
          }
        }
      });
    }
  }

  it('a changed potential on the same plan is uploaded again (tables are keyed by content)', async () => {
    const shape: Shape = [256];
    const psi = psiFor(shape, 1, 13);
    const options = { shape, batch: 1, dt: 0.05, steps: 5, dx: 0.5 };
    for (const height of [1, 3]) {
      const potential = new Float64Array(256).fill(height);
      potential[100] = 0; // not constant, so the phase is not a global one
      const g = await gpu.engine.propagate(psi, { ...options, potential });
      const c = await cpu.propagate(psi, { ...options, potential });
      expect(linfRelError(g.data, c.data), `V = ${height}`).toBeLessThanOrEqual(1e-4);
    }
  });

  it('refuses bad dt, steps and potential before any GPU work, naming the field', async () => {
    const psi = new Float32Array(32);
    const base = { shape: [16] as Shape, batch: 1, dt: 0.1, steps: 1 };
    const bad: [Partial<PropagateOptions>, string][] = [
      [{ dt: 0 }, 'dt'],
      [{ dt: NaN }, 'dt'],
      [{ steps: 0 }, 'steps'],
      [{ steps: 2.5 }, 'steps'],
      [{ potential: new Float32Array(8) }, 'potential'],
      [{ potential: new Float32Array(16).fill(Infinity) }, 'potential'],
      [{ mass: -1 }, 'mass'],
    ];
    for (const [change, field] of bad) {
      await expect(gpu.engine.propagate(psi, { ...base, ...change })).rejects.toMatchObject({
        name: 'EngineArgumentError',
        field,
      });
    }
  });
});

describe('split-step propagation on the GPU: physics in float32', () => {
  const scenarios = [
    normDriftScenario(),
    freePacketScenario(1),
    freePacketScenario(2),
    barrierScenario(),
    harmonicGroundScenario(1),
    harmonicGroundScenario(2),
  ];
  for (const s of scenarios) {
    it(`${s.name}: within ${s.tolerance} without renormalizing`, async () => {
      const g = await gpu.engine.propagate(Float32Array.from(s.psi), s.options);
      const check = s.check(g.data);
      expect(check.relError, `measured ${check.measured}, expected ${check.expected}`).toBeLessThan(
        s.tolerance,
      );
      for (const extra of s.extraChecks(g.data)) {
        expect(extra.relError, extra.name).toBeLessThan(extra.tolerance);
      }
    });
  }
});
