/**
 * Updates: the gradient transforms of the regularizers (the resolvent's `smooth` filter,
 * Grokfast's moving average), then SGD or Adam. Every array is updated in place in the order
 * of `parameterArrays`, so an update is deterministic and identical in every thread.
 */
import type { NetworkState } from './network';
import { parameterArrays } from './network';
import { filterFlops, filterRows, type SpectralFilter } from './spectral';

export interface OptimizerParams {
  lr: number;
  /** Adam only. */
  beta1: number;
  beta2: number;
  eps: number;
}

export const OPTIMIZER_DEFAULTS: OptimizerParams = {
  lr: 0.05,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
};

/** Grokfast-EMA (Lee et al., 2024): g ← g + λ·EMA_α(g), amplifying the slow gradient component. */
export interface GrokfastParams {
  alpha: number;
  lambda: number;
}

/** The rows × width layout along which `smooth` filters each parameter array. */
export function smoothingLayout(s: NetworkState): { rows: number; width: number }[] {
  const layers = s.weights.length;
  const out: { rows: number; width: number }[] = [];
  // Weights: one row per unit, along its fan-in; thresholds: one row across the layer's units.
  for (let l = 0; l < layers; l++)
    out.push({ rows: s.sizes[l + 1] as number, width: s.sizes[l] as number });
  for (let l = 0; l < layers; l++) out.push({ rows: 1, width: s.sizes[l + 1] as number });
  return out;
}

/** g ← IFFT(R·FFT(g)) per row of every gradient; returns the FLOPs spent. */
export function smoothGradients(
  s: NetworkState,
  grads: Float64Array[],
  gainsR: (p: number) => Float64Array,
  filter: SpectralFilter,
): number {
  let flops = 0;
  smoothingLayout(s).forEach(({ rows, width }, i) => {
    const g = grads[i] as Float64Array;
    if (width < 2) return; // a single value has no spectrum to shape
    g.set(filterRows(g, width, rows, gainsR, filter));
    flops += filterFlops(width, rows);
  });
  return flops;
}

/** Grokfast's update of the state's gradient average and of the gradients; returns FLOPs. */
export function grokfast(s: NetworkState, grads: Float64Array[], p: GrokfastParams): number {
  const ema = s.optimizer.ema;
  if (ema.length !== grads.length)
    throw new Error('grokfast needs a state initialized with a gradient average');
  let flops = 0;
  grads.forEach((g, i) => {
    const e = ema[i] as Float64Array;
    for (let j = 0; j < g.length; j++) {
      const v = p.alpha * (e[j] as number) + (1 - p.alpha) * (g[j] as number);
      e[j] = v;
      g[j] = (g[j] as number) + p.lambda * v;
    }
    flops += 5 * g.length;
  });
  return flops;
}

/** One optimizer step in place; returns its FLOPs. */
export function applyUpdate(s: NetworkState, grads: Float64Array[], p: OptimizerParams): number {
  const params = parameterArrays(s);
  const o = s.optimizer;
  o.step += 1;
  let flops = 0;
  if (o.kind === 'sgd') {
    params.forEach((w, i) => {
      const g = grads[i] as Float64Array;
      for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) - p.lr * (g[j] as number);
      flops += 2 * w.length;
    });
    return flops;
  }
  // Adam with bias correction; `step` may be fractional after averaging, which the powers allow.
  const c1 = 1 - Math.pow(p.beta1, o.step);
  const c2 = 1 - Math.pow(p.beta2, o.step);
  params.forEach((w, i) => {
    const g = grads[i] as Float64Array;
    const m = o.m[i] as Float64Array;
    const v = o.v[i] as Float64Array;
    for (let j = 0; j < w.length; j++) {
      const gj = g[j] as number;
      const mj = p.beta1 * (m[j] as number) + (1 - p.beta1) * gj;
      const vj = p.beta2 * (v[j] as number) + (1 - p.beta2) * gj * gj;
      m[j] = mj;
      v[j] = vj;
      w[j] = (w[j] as number) - (p.lr * (mj / c1)) / (Math.sqrt(vj / c2) + p.eps);
    }
    flops += 12 * w.length;
  });
  return flops;
}
