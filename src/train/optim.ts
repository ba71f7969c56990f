/**
 * Updates: the gradient transforms of the regularizers (the resolvent's `smooth` filter,
 * Grokfast's moving average), then SGD or Adam, with optional decoupled weight decay. Every
 * array is updated in place in the order of `parameterArrays`, so an update is deterministic
 * and identical in every thread.
 */
import type { NetworkState } from './network';
import { parameterArrays } from './network';
import { filterFlops, nextPowerOfTwo, pad, unpad, type AsyncSpectralFilter } from './spectral';

export interface OptimizerParams {
  lr: number;
  /** Adam only. */
  beta1: number;
  beta2: number;
  eps: number;
  /**
   * Decoupled weight decay (Loshchilov & Hutter's AdamW): each step also subtracts
   * lr·weightDecay·w from every weight (not the thresholds). With SGD this is exactly an L2
   * penalty (weightDecay/2)·|w|² on the weights. Modular addition needs it to generalize.
   */
  weightDecay: number;
}

export const OPTIMIZER_DEFAULTS: OptimizerParams = {
  lr: 0.05,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
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

/** Gradient arrays whose rows share one padded width, filtered together in one call. */
export interface SmoothingGroup {
  /** Padded row width (a power of two). */
  p: number;
  members: { index: number; rows: number; width: number }[];
  rows: number;
}

/**
 * The `smooth` filter's calls for a network: its parameter arrays grouped by padded row width.
 * Rows are filtered independently, so one call per group gives the same numbers as one call per
 * array, with fewer round trips to the GPU.
 */
export function smoothingGroups(s: NetworkState): SmoothingGroup[] {
  const groups = new Map<number, SmoothingGroup>();
  smoothingLayout(s).forEach(({ rows, width }, index) => {
    if (width < 2) return; // a single value has no spectrum to shape
    const p = nextPowerOfTwo(width);
    let g = groups.get(p);
    if (!g) groups.set(p, (g = { p, members: [], rows: 0 }));
    g.members.push({ index, rows, width });
    g.rows += rows;
  });
  return [...groups.values()];
}

/** g ← IFFT(R·FFT(g)) per row of every gradient, one filter call per group; returns FLOPs. */
export async function smoothGradients(
  s: NetworkState,
  grads: Float64Array[],
  gainsR: (p: number) => Float64Array,
  filter: AsyncSpectralFilter,
): Promise<number> {
  let flops = 0;
  for (const group of smoothingGroups(s)) {
    const packed = new Float64Array(group.rows * group.p);
    let row = 0;
    for (const m of group.members) {
      packed.set(pad(grads[m.index] as Float64Array, m.width, m.rows, group.p), row * group.p);
      row += m.rows;
    }
    const filtered = await filter(packed, group.p, group.rows, gainsR(group.p));
    row = 0;
    for (const m of group.members) {
      const part = filtered.subarray(row * group.p, (row + m.rows) * group.p);
      (grads[m.index] as Float64Array).set(unpad(part, m.width, m.rows, group.p));
      row += m.rows;
      flops += filterFlops(m.width, m.rows);
    }
  }
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
  // Decay applies to the weights (the first `layers` arrays), not the thresholds.
  const layers = s.weights.length;
  const decayOf = (i: number) => (i < layers ? p.weightDecay : 0);
  if (o.kind === 'sgd') {
    params.forEach((w, i) => {
      const g = grads[i] as Float64Array;
      const wd = decayOf(i);
      for (let j = 0; j < w.length; j++) {
        const wj = w[j] as number;
        w[j] = wj - p.lr * ((g[j] as number) + wd * wj);
      }
      flops += (wd > 0 ? 4 : 2) * w.length;
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
    const wd = decayOf(i);
    for (let j = 0; j < w.length; j++) {
      const gj = g[j] as number;
      const wj = w[j] as number;
      const mj = p.beta1 * (m[j] as number) + (1 - p.beta1) * gj;
      const vj = p.beta2 * (v[j] as number) + (1 - p.beta2) * gj * gj;
      m[j] = mj;
      v[j] = vj;
      w[j] = wj - (p.lr * (mj / c1)) / (Math.sqrt(vj / c2) + p.eps) - p.lr * wd * wj;
    }
    flops += (wd > 0 ? 14 : 12) * w.length;
  });
  return flops;
}
