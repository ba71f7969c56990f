/**
 * Seeded synthetic tasks: a noisy 1D regression with high-frequency content (where a network's
 * spectral bias shows), two interleaved spirals (a classic nonlinear boundary), and modular
 * addition (a small algorithmic task whose validation accuracy lags training: grokking).
 */
import { createRng } from '../../measure';
import type { Dataset } from './dataset';

/** The regression target: a low and a high frequency, so smooth fits miss the detail. */
export function regressionTarget(x: number): number {
  return 0.6 * Math.sin(Math.PI * x) + 0.3 * Math.sin(5 * Math.PI * x);
}

export function regression1d(count: number, seed: number, noise = 0.03): Dataset {
  const rng = createRng(seed);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const xi = 2 * rng.next() - 1;
    x[i] = xi;
    y[i] = regressionTarget(xi) + noise * rng.normal();
  }
  return { name: 'regression1d', loss: 'mse', inputDim: 1, outputDim: 1, count, x, y };
}

export function twoSpirals(count: number, seed: number, noise = 0.05): Dataset {
  const rng = createRng(seed);
  const x = new Float64Array(2 * count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    const t = 0.25 + 2.5 * rng.next(); // up to 1.1 revolutions per arm
    const r = t / 2.75;
    const a = 2 * Math.PI * t * 0.4 + label * Math.PI;
    x[2 * i] = r * Math.cos(a) + noise * rng.normal();
    x[2 * i + 1] = r * Math.sin(a) + noise * rng.normal();
    y[i] = label;
  }
  return {
    name: 'spirals',
    loss: 'ce',
    inputDim: 2,
    outputDim: 2,
    count,
    x,
    y,
    classes: ['0', '1'],
  };
}

/** Every pair (a, b) of Z_p once, one-hot a ‖ one-hot b → (a + b) mod p; the seed orders them. */
export function modularAddition(p: number, seed: number): Dataset {
  if (!Number.isInteger(p) || p < 2)
    throw new RangeError(`modulus must be an integer ≥ 2, got ${p}`);
  const pairs = createRng(seed).shuffle(Array.from({ length: p * p }, (_, i) => i));
  const count = p * p;
  const x = new Float64Array(count * 2 * p);
  const y = new Float64Array(count);
  pairs.forEach((pair, i) => {
    const a = Math.floor(pair / p);
    const b = pair % p;
    x[i * 2 * p + a] = 1;
    x[i * 2 * p + p + b] = 1;
    y[i] = (a + b) % p;
  });
  const classes = Array.from({ length: p }, (_, i) => String(i));
  return { name: 'modadd', loss: 'ce', inputDim: 2 * p, outputDim: p, count, x, y, classes };
}
