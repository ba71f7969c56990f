/**
 * A multilayer perceptron with explicit forward and backward passes over a batch held as one
 * row-major Float64Array (rows = examples). Hidden layers use the state's activation; the output
 * layer is linear, followed by softmax cross-entropy ('ce') or mean squared error ('mse').
 */
import type { NetworkState } from './network';

export type LossKind = 'ce' | 'mse';

/** `count` examples: x is count × sizes[0]; y is count class indices ('ce') or count × out ('mse'). */
export interface Batch {
  x: Float64Array;
  y: Float64Array;
  count: number;
}

/** A term added to the loss from one hidden layer's activations, with its gradient. */
export interface ActivationPenalty {
  /** Hidden layer index h (1 ≤ h < sizes.length − 1): the penalty reads a_h. */
  layer: number;
  /** Loss term and ∂term/∂a_h for activations `a` (count × width), already averaged over rows. */
  evaluate(a: Float64Array, count: number, width: number): { loss: number; grad: Float64Array };
}

/** Activations a_0 (the input) … a_L (the output layer's linear values), one array per layer. */
export function forward(s: NetworkState, x: Float64Array, count: number): Float64Array[] {
  const acts: Float64Array[] = [x];
  const layers = s.weights.length;
  for (let l = 0; l < layers; l++) {
    const nIn = s.sizes[l] as number;
    const nOut = s.sizes[l + 1] as number;
    const w = s.weights[l] as Float64Array;
    const th = s.theta[l] as Float64Array;
    const a = acts[l] as Float64Array;
    const z = new Float64Array(count * nOut);
    const hidden = l + 1 < layers;
    const nz = new Int32Array(nIn);
    for (let b = 0; b < count; b++) {
      // Only nonzero inputs contribute (one-hot inputs, ReLU zeros): the same sums, fewer terms.
      const used = nonzeros(a, b * nIn, nIn, nz);
      for (let j = 0; j < nOut; j++) {
        let sum = th[j] as number;
        for (let t = 0; t < used; t++) {
          const i = nz[t] as number;
          sum += (w[j * nIn + i] as number) * (a[b * nIn + i] as number);
        }
        z[b * nOut + j] = hidden ? activate(s.activation, sum) : sum;
      }
    }
    acts.push(z);
  }
  return acts;
}

/** Writes the indices of the nonzero values of x[from … from + n) into `out`; returns how many. */
function nonzeros(x: Float64Array, from: number, n: number, out: Int32Array): number {
  let used = 0;
  for (let i = 0; i < n; i++) if ((x[from + i] as number) !== 0) out[used++] = i;
  return used;
}

function activate(kind: NetworkState['activation'], z: number): number {
  return kind === 'tanh' ? Math.tanh(z) : z > 0 ? z : 0;
}

/** d act / dz expressed through the activation's output a (both are cheap that way). */
function slope(kind: NetworkState['activation'], a: number): number {
  return kind === 'tanh' ? 1 - a * a : a > 0 ? 1 : 0;
}

export interface LossResult {
  /** Mean loss over the batch (without any penalty). */
  loss: number;
  /** Examples classified correctly ('ce'), or predicted within `MSE_HIT_TOLERANCE` on every output. */
  correct: number;
  /** ∂loss/∂output, count × out. */
  grad: Float64Array;
}

/** A regression prediction "hits" when every output is within this of its target. */
export const MSE_HIT_TOLERANCE = 0.1;

export function outputLoss(
  out: Float64Array,
  batch: Batch,
  nOut: number,
  kind: LossKind,
): LossResult {
  const { y, count } = batch;
  const grad = new Float64Array(count * nOut);
  let loss = 0;
  let correct = 0;
  for (let b = 0; b < count; b++) {
    const o = b * nOut;
    if (kind === 'ce') {
      const label = y[b] as number;
      let max = -Infinity;
      let arg = 0;
      for (let j = 0; j < nOut; j++) {
        const v = out[o + j] as number;
        if (v > max) {
          max = v;
          arg = j;
        }
      }
      let sum = 0;
      for (let j = 0; j < nOut; j++) sum += Math.exp((out[o + j] as number) - max);
      loss += Math.log(sum) + max - (out[o + label] as number);
      for (let j = 0; j < nOut; j++) {
        const p = Math.exp((out[o + j] as number) - max) / sum;
        grad[o + j] = (p - (j === label ? 1 : 0)) / count;
      }
      if (arg === label) correct++;
    } else {
      let hit = true;
      for (let j = 0; j < nOut; j++) {
        const d = (out[o + j] as number) - (y[o + j] as number);
        loss += (d * d) / nOut;
        grad[o + j] = (2 * d) / (nOut * count);
        if (Math.abs(d) > MSE_HIT_TOLERANCE) hit = false;
      }
      if (hit) correct++;
    }
  }
  return { loss: loss / count, correct, grad };
}

export interface GradientResult {
  /** Mean data loss plus the penalty term. */
  loss: number;
  penalty: number;
  correct: number;
  /** Gradients in `parameterArrays` order: every layer's weights, then every layer's theta. */
  grads: Float64Array[];
}

/** A penalty term already evaluated on its layer's activations (see `ActivationPenalty`). */
export interface EvaluatedPenalty {
  layer: number;
  loss: number;
  /** ∂term/∂a_layer, count × width. */
  grad: Float64Array;
}

/** Loss and its gradient with respect to every parameter, by backpropagation. */
export function gradients(
  s: NetworkState,
  batch: Batch,
  kind: LossKind,
  penalty?: ActivationPenalty,
): GradientResult {
  const acts = forward(s, batch.x, batch.count);
  const p = penalty
    ? {
        layer: penalty.layer,
        ...penalty.evaluate(
          acts[penalty.layer] as Float64Array,
          batch.count,
          s.sizes[penalty.layer] as number,
        ),
      }
    : undefined;
  return backward(s, batch, kind, acts, p);
}

/**
 * The backward pass from a forward pass's activations. A penalty on a hidden layer's
 * activations depends on the forward pass alone, so it can be evaluated between the two passes
 * (asynchronously, on the GPU, by the trainer's spectral step) and handed in here.
 */
export function backward(
  s: NetworkState,
  batch: Batch,
  kind: LossKind,
  acts: readonly Float64Array[],
  penalty?: EvaluatedPenalty,
): GradientResult {
  const layers = s.weights.length;
  const nOutLast = s.sizes[layers] as number;
  const lr = outputLoss(acts[layers] as Float64Array, batch, nOutLast, kind);
  const gw = s.weights.map((w) => new Float64Array(w.length));
  const gt = s.theta.map((t) => new Float64Array(t.length));
  let delta = lr.grad; // ∂L/∂z_l for the current layer (output layer first)
  const count = batch.count;
  const nz = new Int32Array(Math.max(...s.sizes));
  for (let l = layers - 1; l >= 0; l--) {
    const nIn = s.sizes[l] as number;
    const nOut = s.sizes[l + 1] as number;
    const w = s.weights[l] as Float64Array;
    const a = acts[l] as Float64Array;
    const dw = gw[l] as Float64Array;
    const dt = gt[l] as Float64Array;
    for (let b = 0; b < count; b++) {
      const used = nonzeros(a, b * nIn, nIn, nz);
      for (let j = 0; j < nOut; j++) {
        const d = delta[b * nOut + j] as number;
        if (d === 0) continue;
        dt[j] = (dt[j] as number) + d;
        for (let t = 0; t < used; t++) {
          const i = nz[t] as number;
          dw[j * nIn + i] = (dw[j * nIn + i] as number) + d * (a[b * nIn + i] as number);
        }
      }
    }
    if (l === 0) break;
    // ∂L/∂a_l, then through the activation to ∂L/∂z_l.
    const da = new Float64Array(count * nIn);
    for (let b = 0; b < count; b++) {
      for (let j = 0; j < nOut; j++) {
        const d = delta[b * nOut + j] as number;
        if (d === 0) continue;
        for (let i = 0; i < nIn; i++)
          da[b * nIn + i] = (da[b * nIn + i] as number) + d * (w[j * nIn + i] as number);
      }
    }
    if (penalty && penalty.layer === l)
      for (let i = 0; i < da.length; i++) da[i] = (da[i] as number) + (penalty.grad[i] as number);
    for (let i = 0; i < da.length; i++)
      da[i] = (da[i] as number) * slope(s.activation, a[i] as number);
    delta = da;
  }
  const penaltyLoss = penalty?.loss ?? 0;
  return {
    loss: lr.loss + penaltyLoss,
    penalty: penaltyLoss,
    correct: lr.correct,
    grads: [...gw, ...gt],
  };
}

/** Loss and correct count of a whole data set, without gradients (chunked to bound memory). */
export function evaluate(
  s: NetworkState,
  x: Float64Array,
  y: Float64Array,
  count: number,
  kind: LossKind,
): { loss: number; accuracy: number } {
  const nIn = s.sizes[0] as number;
  const nOut = s.sizes[s.sizes.length - 1] as number;
  const yWidth = kind === 'ce' ? 1 : nOut;
  const chunk = 1024;
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const acts = forward(s, x.subarray(start * nIn, (start + n) * nIn), n);
    const r = outputLoss(
      acts[acts.length - 1] as Float64Array,
      { x: new Float64Array(0), y: y.subarray(start * yWidth, (start + n) * yWidth), count: n },
      nOut,
      kind,
    );
    loss += r.loss * n;
    correct += r.correct;
  }
  return count === 0 ? { loss: 0, accuracy: 0 } : { loss: loss / count, accuracy: correct / count };
}

/** Multiply-adds ×2 of one forward pass per example; backward costs about twice that. */
export function forwardFlopsPerExample(sizes: readonly number[]): number {
  let f = 0;
  for (let l = 0; l + 1 < sizes.length; l++)
    f += 2 * (sizes[l] as number) * (sizes[l + 1] as number);
  return f;
}
