/**
 * The CPU engine: the same surface as the WebGPU engine, computed in float64. It is the
 * reference every GPU kernel is tested against and the fallback when WebGPU is missing.
 */
import { interleave, split } from './complex';
import { fftNdInPlace } from './cpu/fft64';
import { axisQ, coherenceOf, highKEnergyOf, weights, type SpectralSums } from './resolvent-math';
import type { Engine, FftResult, InputArray, ResolventOptions, ResolventResult } from './types';
import type { TransformOptions } from './types';
import { checkResolvent, checkTransform, signalLength } from './validate';

function now(): number {
  return globalThis.performance.now();
}

export function createCpuEngine(): Engine {
  return {
    backend: 'cpu',

    async fft(data: InputArray, options: TransformOptions): Promise<FftResult> {
      const { shape, batch, inverse, real } = checkTransform(data, options);
      const t0 = now();
      const n = signalLength(shape);
      const s = split(data, real);
      for (let b = 0; b < batch; b++) fftNdInPlace(s.re, s.im, shape, inverse, b * n);
      const out = interleave(s);
      const timing = { ms: now() - t0, method: 'wall' as const, dispatches: 0, chunks: 1 };
      return { data: out, timing };
    },

    async resolvent(data: InputArray, options: ResolventOptions): Promise<ResolventResult> {
      const o = checkResolvent(data, options);
      const t0 = now();
      const n = signalLength(o.shape);
      const [ny, nx] = o.shape.length === 1 ? [1, o.shape[0]] : o.shape;
      const qy = axisQ(ny, o.kUnit, o.kScale);
      const qx = axisQ(nx, o.kUnit, o.kScale);
      const s = split(data, o.real);
      const highKEnergy = new Float64Array(o.batch);
      const coherence = new Float64Array(o.batch);
      const energy = new Float64Array(o.batch);
      const total: SpectralSums = { energy: 0, kept: 0, highK: 0 };
      for (let b = 0; b < o.batch; b++) {
        const off = b * n;
        fftNdInPlace(s.re, s.im, o.shape, false, off);
        const sums: SpectralSums = { energy: 0, kept: 0, highK: 0 };
        for (let y = 0; y < ny; y++) {
          for (let x = 0; x < nx; x++) {
            const i = off + y * nx + x;
            const { r, oneMinusR } = weights(o.phi, (qy[y] as number) + (qx[x] as number));
            const xr = s.re[i] as number;
            const xi = s.im[i] as number;
            const p = xr * xr + xi * xi;
            sums.energy += p;
            sums.kept += r * p;
            sums.highK += oneMinusR * oneMinusR * p;
            s.re[i] = r * xr;
            s.im[i] = r * xi;
          }
        }
        fftNdInPlace(s.re, s.im, o.shape, true, off);
        highKEnergy[b] = highKEnergyOf(sums, n);
        coherence[b] = coherenceOf(sums);
        energy[b] = sums.energy;
        total.energy += sums.energy;
        total.kept += sums.kept;
        total.highK += sums.highK;
      }
      const batchHighKEnergy = highKEnergyOf(total, n * o.batch);
      return {
        filtered: interleave(s),
        highKEnergy,
        coherence,
        energy,
        batchHighKEnergy,
        batchCoherence: coherenceOf(total),
        regularizer: o.lambda * batchHighKEnergy,
        timing: { ms: now() - t0, method: 'wall', dispatches: 0, chunks: 1 },
      };
    },

    destroy(): void {
      // Nothing to free: the CPU engine owns no GPU objects.
    },
  };
}
