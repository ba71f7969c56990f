import { describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import { gradients, outputLoss, type ActivationPenalty, type Batch, type LossKind } from './mlp';
import { initNetwork, parameterArrays, type Activation, type NetworkState } from './network';
import { cpuFilter, gainCache, resolventPenalty } from './spectral';

function randomBatch(s: NetworkState, count: number, loss: LossKind, seed: number): Batch {
  const rng = createRng(seed);
  const nIn = s.sizes[0] as number;
  const nOut = s.sizes[s.sizes.length - 1] as number;
  const x = Float64Array.from({ length: count * nIn }, () => rng.normal());
  const y =
    loss === 'ce'
      ? Float64Array.from({ length: count }, () => rng.int(nOut))
      : Float64Array.from({ length: count * nOut }, () => rng.normal());
  return { x, y, count };
}

/** Central differences of the loss for every parameter, against backprop's gradient. */
function maxRelativeGradientError(
  s: NetworkState,
  b: Batch,
  loss: LossKind,
  penalty?: ActivationPenalty,
): number {
  const g = gradients(s, b, loss, penalty).grads;
  const h = 1e-5;
  let worst = 0;
  parameterArrays(s).forEach((w, i) => {
    for (let j = 0; j < w.length; j++) {
      const keep = w[j] as number;
      w[j] = keep + h;
      const up = gradients(s, b, loss, penalty).loss;
      w[j] = keep - h;
      const down = gradients(s, b, loss, penalty).loss;
      w[j] = keep;
      const numeric = (up - down) / (2 * h);
      const analytic = (g[i] as Float64Array)[j] as number;
      worst = Math.max(
        worst,
        Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic)),
      );
    }
  });
  return worst;
}

describe('MLP backpropagation', () => {
  const cases: [Activation, LossKind][] = [
    ['tanh', 'ce'],
    ['tanh', 'mse'],
    ['relu', 'ce'],
    ['relu', 'mse'],
  ];
  for (const [activation, loss] of cases) {
    it(`matches finite differences (${activation}, ${loss})`, () => {
      const s = initNetwork({ sizes: [3, 5, 4, 3], activation, optimizer: 'sgd' }, createRng(11));
      expect(maxRelativeGradientError(s, randomBatch(s, 6, loss, 5), loss)).toBeLessThan(1e-5);
    });
  }

  it('matches finite differences with the resolvent penalty on a hidden layer', () => {
    const s = initNetwork(
      { sizes: [3, 6, 5, 2], activation: 'tanh', optimizer: 'sgd' },
      createRng(3),
    );
    const gains = gainCache({ phi: 1.618034, kUnit: 'radians' });
    for (const layer of [1, 2]) {
      const penalty: ActivationPenalty = {
        layer,
        evaluate: (a, count, width) => resolventPenalty(a, width, count, 0.7, gains, cpuFilter),
      };
      const b = randomBatch(s, 5, 'ce', 9);
      expect(gradients(s, b, 'ce', penalty).penalty).toBeGreaterThan(0);
      expect(maxRelativeGradientError(s, b, 'ce', penalty)).toBeLessThan(1e-5);
    }
  });

  it('computes softmax cross-entropy and accuracy by hand on a small case', () => {
    const out = Float64Array.from([2, 0, 0, 1]);
    const r = outputLoss(
      out,
      { x: new Float64Array(0), y: Float64Array.from([0, 0]), count: 2 },
      2,
      'ce',
    );
    const l1 = Math.log(1 + Math.exp(-2));
    const l2 = Math.log(1 + Math.exp(1));
    expect(r.loss).toBeCloseTo((l1 + l2) / 2, 12);
    expect(r.correct).toBe(1);
  });
});
