import { describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import { gradients } from './mlp';
import { cloneState, initNetwork, parameterArrays, type NetworkState } from './network';
import { applyUpdate, OPTIMIZER_DEFAULTS, smoothGradients, smoothingGroups } from './optim';
import { CPU_SPECTRAL, meteredFilter } from './spectral-backend';
import { cpuFilter, filterRows, gainCache } from './spectral';

const net = (optimizer: 'sgd' | 'adam', sizes = [5, 12, 7, 3]): NetworkState =>
  initNetwork({ sizes, activation: 'tanh', optimizer }, createRng(3));

function randomGrads(s: NetworkState, seed: number): Float64Array[] {
  const rng = createRng(seed);
  return parameterArrays(s).map((a) => Float64Array.from(a, () => rng.normal()));
}

describe('weight decay', () => {
  it('with SGD is a step on the gradient of the loss plus (wd/2)·|w|², weights only', () => {
    const wd = 0.3;
    const lr = 0.1;
    const s = net('sgd');
    const before = cloneState(s);
    const g = randomGrads(s, 1);
    applyUpdate(s, g, { ...OPTIMIZER_DEFAULTS, lr, weightDecay: wd });
    const layers = s.weights.length;
    parameterArrays(s).forEach((w, i) => {
      const w0 = parameterArrays(before)[i] as Float64Array;
      const gi = g[i] as Float64Array;
      const decay = i < layers ? wd : 0; // thresholds are not decayed
      for (let j = 0; j < w.length; j++)
        expect(w[j]).toBeCloseTo(
          (w0[j] as number) - lr * ((gi[j] as number) + decay * (w0[j] as number)),
          14,
        );
    });
  });

  it('with Adam is decoupled (AdamW): a zero gradient shrinks each weight by 1 − lr·wd', () => {
    const s = net('adam');
    const before = cloneState(s);
    const zero = parameterArrays(s).map((a) => new Float64Array(a.length));
    applyUpdate(s, zero, { ...OPTIMIZER_DEFAULTS, lr: 0.01, weightDecay: 2 });
    s.weights.forEach((w, l) =>
      w.forEach((v, j) =>
        expect(v).toBeCloseTo(((before.weights[l] as Float64Array)[j] as number) * (1 - 0.02), 14),
      ),
    );
    expect(s.theta).toEqual(before.theta);
  });

  it('weightDecay 0 is plain SGD to the last bit', () => {
    const s = net('sgd');
    const before = cloneState(s);
    const g = randomGrads(s, 2);
    applyUpdate(s, g, { ...OPTIMIZER_DEFAULTS, lr: 0.1, weightDecay: 0 });
    parameterArrays(s).forEach((w, i) =>
      w.forEach((v, j) =>
        expect(v).toBe(
          ((parameterArrays(before)[i] as Float64Array)[j] as number) -
            0.1 * ((g[i] as Float64Array)[j] as number),
        ),
      ),
    );
  });

  it("keeps a trained network's weights smaller than training without it", () => {
    // The same steps on the same batch, with and without decay: decay ends with smaller weights.
    const norms = [0, 0.5].map((wd) => {
      const s = net('sgd', [4, 16, 3]);
      const rng = createRng(7);
      const x = Float64Array.from({ length: 32 * 4 }, () => rng.normal());
      const y = Float64Array.from({ length: 32 }, () => rng.int(3));
      for (let step = 0; step < 50; step++) {
        const g = gradients(s, { x, y, count: 32 }, 'ce').grads;
        applyUpdate(s, g, { ...OPTIMIZER_DEFAULTS, lr: 0.2, weightDecay: wd });
      }
      return s.weights.reduce((n, w) => n + w.reduce((m, v) => m + v * v, 0), 0);
    });
    expect(norms[1] as number).toBeLessThan(0.8 * (norms[0] as number));
  });
});

describe('smoothing in groups', () => {
  it('one filter call per padded width gives the numbers of filtering each array alone', async () => {
    const s = net('sgd', [5, 12, 7, 3]);
    const g = randomGrads(s, 4);
    const gains = gainCache({ phi: 1.618034, kUnit: 'radians' });
    // Widths 5, 12, 7 (weights' fan-ins) and 12, 7, 3 (thresholds): padded 8, 16, 8, 16, 8, 4.
    expect(smoothingGroups(s).map((x) => x.p)).toEqual([8, 16, 4]);
    const expected = g.map((x) => x.slice());
    const layout = [
      { rows: 12, width: 5 },
      { rows: 7, width: 12 },
      { rows: 3, width: 7 },
      { rows: 1, width: 12 },
      { rows: 1, width: 7 },
      { rows: 1, width: 3 },
    ];
    layout.forEach(({ rows, width }, i) =>
      (expected[i] as Float64Array).set(
        filterRows(expected[i] as Float64Array, width, rows, gains.r, cpuFilter),
      ),
    );
    const metered = meteredFilter(CPU_SPECTRAL);
    const flops = await smoothGradients(s, g, gains.r, metered.filter);
    expect(g).toEqual(expected);
    expect(metered.report()).toMatchObject({ backend: 'cpu', calls: 3 });
    expect(flops).toBeGreaterThan(0);
  });
});
