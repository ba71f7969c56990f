import { describe, expect, it } from 'vitest';
import type { Shape } from '../types';
import {
  filterPartials,
  fusedSpectralStages,
  transformStages,
  type StageDispatch,
} from './stage-schedule';

type C = [number, number];
const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const w = (m: number, n: number, sign: number): C => [
  Math.cos((-2 * Math.PI * m) / n),
  sign * Math.sin((-2 * Math.PI * m) / n),
];

/** A radix-P Stockham stage in float64, as the kernels index it (P = radix·lanes). */
function stage(x: C[], s: StageDispatch, ns: number, sign: number, gain?: (bin: number) => number) {
  const { n, inner, innerStride, elemStride } = s.axis;
  const P = s.radix * s.lanes;
  const y = x.slice();
  for (let i = 0; i < inner; i++) {
    const at = (e: number) => i * innerStride + e * elemStride;
    for (let j = 0; j < n / P; j++) {
      const k = j % ns;
      const v = Array.from({ length: P }, (_, r) =>
        mul(x[at(j + (r * n) / P)] as C, w(r * k, ns * P, sign)),
      );
      for (let a = 0; a < P; a++) {
        let acc: C = [0, 0];
        v.forEach((vr, r) => {
          const t = mul(vr, w(r * a, P, sign));
          acc = [acc[0] + t[0], acc[1] + t[1]];
        });
        const pos = at(Math.floor(j / ns) * ns * P + k + a * ns);
        const g = gain ? gain(pos) : 1;
        y[pos] = [acc[0] * g, acc[1] * g];
      }
    }
  }
  return y;
}

/** Runs a list of stage dispatches; 'filter-inverse' = the forward stage, the gain, inverse stage 1. */
function run(x: C[], stages: StageDispatch[], gain: (bin: number) => number): C[] {
  for (const s of stages) {
    if (s.role === 'filter-inverse') {
      x = stage(x, s, s.ns, 1, gain);
      x = stage(x, s, 1, -1);
    } else {
      x = stage(x, s, s.ns, s.inverse ? -1 : 1, s.role === 'filter' ? gain : undefined);
    }
    x = x.map(([re, im]) => [re * s.scale, im * s.scale]);
  }
  return x;
}

/** ifft(gain · fft(x)) by naive DFTs over each axis. */
function reference(x: C[], shape: Shape, gain: (bin: number) => number): C[] {
  const [ny, nx] = shape.length === 1 ? [1, shape[0]] : shape;
  const dft = (v: C[], sign: number): C[] => {
    const out: C[] = [];
    for (let ky = 0; ky < ny; ky++) {
      for (let kx = 0; kx < nx; kx++) {
        let acc: C = [0, 0];
        for (let y = 0; y < ny; y++) {
          for (let xx = 0; xx < nx; xx++) {
            const t = mul(v[y * nx + xx] as C, w(ky * y * nx + kx * xx * ny, nx * ny, sign));
            acc = [acc[0] + t[0], acc[1] + t[1]];
          }
        }
        out.push(acc);
      }
    }
    return out;
  };
  const X = dft(x, 1).map(([re, im], bin) => [re * gain(bin), im * gain(bin)] as C);
  return dft(X, -1).map(([re, im]) => [re / (nx * ny), im / (nx * ny)]);
}

const signal = (size: number): C[] =>
  Array.from({ length: size }, (_, i) => [Math.sin(1.3 * i + 0.2), Math.cos(0.7 * i * i)]);
const gain = (bin: number) => 1 / (1 + 0.37 * bin);

describe('Stockham stage schedule', () => {
  it('an inverse runs the axes and radices of the forward in reverse, scaled by 1/size last', () => {
    const fwd = transformStages([16, 1024], false);
    const inv = transformStages([16, 1024], true);
    expect(fwd.map((s) => [s.axis.n, s.radix])).toEqual([
      [1024, 16],
      [1024, 16],
      [1024, 4],
      [16, 16],
    ]);
    expect(inv.map((s) => [s.axis.n, s.radix, s.ns])).toEqual([
      [16, 16, 1],
      [1024, 4, 1],
      [1024, 16, 4],
      [1024, 16, 64],
    ]);
    expect(inv.map((s) => s.scale)).toEqual([1, 1, 1, 1 / (16 * 1024)]);
  });

  it('the fused resolvent merges the last forward stage with the first inverse one', () => {
    const plain = transformStages([4096], false).length;
    const { before, after } = fusedSpectralStages([4096]);
    expect(before.length + after.length).toBe(2 * plain - 1);
    expect(before.at(-1)?.role).toBe('filter-inverse');
    expect(filterPartials(before.at(-1) as StageDispatch)).toBe(4096 / 16);
    // A 16-point signal: the whole pipeline is one dispatch, scaled by 1/16.
    const one = fusedSpectralStages([16]);
    expect(one.after).toEqual([]);
    expect(one.before.map((s) => [s.role, s.scale])).toEqual([['filter-inverse', 1 / 16]]);
    // Butterflies across subgroup lanes keep the filter on the last forward stage only.
    const lanes = fusedSpectralStages([4096], 4);
    expect(lanes.before.at(-1)?.role).toBe('filter');
    expect(lanes.before.length + lanes.after.length).toBe(4);
  });

  for (const [shape, maxLanes] of [
    [[2], 1],
    [[8], 1],
    [[512], 1],
    [[1024], 4],
    [[256], 4],
    [[8, 32], 1],
    [[32, 4], 4],
  ] as [Shape, number][]) {
    it(`[${shape.join('×')}], lanes ≤ ${maxLanes}: forward, inverse and fused schedules compute ifft(R·fft(x)) in float64`, () => {
      const size = shape.reduce((a, b) => a * b, 1);
      const x = signal(size);
      const want = reference(x, shape, gain);
      const { before, after } = fusedSpectralStages(shape, maxLanes);
      const fused = run(x, [...before, ...after], gain);
      const fwd = run(x, transformStages(shape, false, maxLanes), () => 1);
      const filtered = fwd.map(([re, im], bin) => [re * gain(bin), im * gain(bin)] as C);
      const separate = run(filtered, transformStages(shape, true, maxLanes), () => 1);
      for (const got of [fused, separate]) {
        const err = Math.max(
          ...got.map(([re, im], i) => {
            const [wr, wi] = want[i] as C;
            return Math.hypot(re - wr, im - wi);
          }),
        );
        expect(err).toBeLessThan(1e-9);
      }
    });
  }
});
