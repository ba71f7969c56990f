/**
 * What the Training tab draws from a network state, React-free: a gradient's power spectrum
 * before and after the resolvent filter, the fit of a 1D regression, and a 2D classifier's
 * decision regions.
 */
import type { Dataset } from '../../../train/datasets';
import { forward, gradients } from '../../../train/mlp';
import type { NetworkState } from '../../../train/network';
import { fftInPlace, gainCache, nextPowerOfTwo } from '../../../train/spectral';
import type { KUnit } from '../../../engine/types';

export interface SpectrumPoint {
  /** Bin index 0 … p/2. */
  k: number;
  before: number;
  after: number;
}

/**
 * Mean power per bin over the rows of the widest layer's weight gradient (on up to 64 training
 * examples), before and after g ← IFFT(R·FFT(g)); folded to k = 0 … p/2.
 */
export function gradientSpectrum(
  s: NetworkState,
  data: Dataset,
  r: { phi: number; kUnit: KUnit },
): SpectrumPoint[] {
  const count = Math.min(64, data.count);
  const yw = data.loss === 'ce' ? 1 : data.outputDim;
  const g = gradients(
    s,
    { x: data.x.subarray(0, count * data.inputDim), y: data.y.subarray(0, count * yw), count },
    data.loss,
  ).grads;
  let layer = 0;
  for (let l = 1; l < s.weights.length; l++)
    if ((s.sizes[l] as number) > (s.sizes[layer] as number)) layer = l;
  const width = s.sizes[layer] as number;
  const rows = s.sizes[layer + 1] as number;
  const p = nextPowerOfTwo(width);
  const gainR = gainCache(r).r(p);
  const before = new Float64Array(p);
  const after = new Float64Array(p);
  const gw = g[layer] as Float64Array;
  const re = new Float64Array(p);
  const im = new Float64Array(p);
  for (let row = 0; row < rows; row++) {
    re.fill(0);
    im.fill(0);
    re.set(gw.subarray(row * width, (row + 1) * width));
    fftInPlace(re, im, false);
    for (let k = 0; k < p; k++) {
      const power = (re[k] as number) ** 2 + (im[k] as number) ** 2;
      before[k] = (before[k] as number) + power / rows;
      after[k] = (after[k] as number) + (power * (gainR[k] as number) ** 2) / rows;
    }
  }
  const out: SpectrumPoint[] = [];
  for (let k = 0; k <= p / 2; k++) {
    const mirror = k === 0 || k === p / 2 ? 1 : 2; // fold ±k together
    out.push({ k, before: mirror * (before[k] as number), after: mirror * (after[k] as number) });
  }
  return out;
}

/** A 1D regression's prediction on a grid over x ∈ [−1, 1]. */
export function fitCurve(s: NetworkState, points = 101): { x: number; y: number }[] {
  const x = Float64Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));
  const out = forward(s, x, points);
  const y = out[out.length - 1] as Float64Array;
  return Array.from(x, (xi, i) => ({ x: xi, y: y[i] as number }));
}

/** The predicted class on a cells × cells grid over the data's bounding box (2D inputs). */
export function decisionGrid(
  s: NetworkState,
  data: Dataset,
  cells = 40,
): { x0: number; x1: number; y0: number; y1: number; classes: Uint8Array; cells: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < data.count; i++) {
    const a = data.x[2 * i] as number;
    const b = data.x[2 * i + 1] as number;
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  const grid = new Float64Array(2 * cells * cells);
  for (let j = 0; j < cells; j++)
    for (let i = 0; i < cells; i++) {
      grid[2 * (j * cells + i)] = x0 + ((i + 0.5) / cells) * (x1 - x0);
      grid[2 * (j * cells + i) + 1] = y0 + ((j + 0.5) / cells) * (y1 - y0);
    }
  const acts = forward(s, grid, cells * cells);
  const logits = acts[acts.length - 1] as Float64Array;
  const nOut = s.sizes[s.sizes.length - 1] as number;
  const classes = new Uint8Array(cells * cells);
  for (let c = 0; c < cells * cells; c++) {
    let best = 0;
    for (let k = 1; k < nOut; k++)
      if ((logits[c * nOut + k] as number) > (logits[c * nOut + best] as number)) best = k;
    classes[c] = best;
  }
  return { x0, x1, y0, y1, classes, cells };
}
