/**
 * NetworkState: everything a worker needs to continue training, as plain typed arrays, so a
 * state crosses threads by transferring buffers (no copies) and merges by weighted averaging.
 *
 * Layer l maps `sizes[l]` inputs to `sizes[l + 1]` units. `weights[l]` is row-major
 * [unit][input]: a unit's fan-in is the last (contiguous) axis, the axis the spectral
 * regularizers transform. `theta[l]` holds one threshold (bias) per unit.
 */
import type { Rng } from '../measure';

export type Activation = 'tanh' | 'relu';
export type OptimizerKind = 'sgd' | 'adam';

export interface OptimizerState {
  kind: OptimizerKind;
  /** Optimizer steps taken (Adam's bias correction needs it); averaged on merge. */
  step: number;
  /** Adam's first and second moments, one array per weight / theta array; empty for SGD. */
  m: Float64Array[];
  v: Float64Array[];
  /** Grokfast's exponential moving average of gradients, same layout; empty when unused. */
  ema: Float64Array[];
}

export interface NetworkState {
  sizes: number[];
  activation: Activation;
  weights: Float64Array[];
  theta: Float64Array[];
  optimizer: OptimizerState;
}

/** The parameter arrays in one fixed order: weights of every layer, then theta of every layer. */
export function parameterArrays(s: NetworkState): Float64Array[] {
  return [...s.weights, ...s.theta];
}

function zerosLike(arrays: readonly Float64Array[]): Float64Array[] {
  return arrays.map((a) => new Float64Array(a.length));
}

export interface InitOptions {
  sizes: readonly number[];
  activation: Activation;
  optimizer: OptimizerKind;
  /** Keep a Grokfast gradient average in the state. */
  gradientEma?: boolean;
}

/**
 * Seeded initialization: Glorot-normal for tanh, He-normal for ReLU (the scales that keep
 * activations' variance roughly constant through the layers), thresholds zero.
 */
export function initNetwork(options: InitOptions, rng: Rng): NetworkState {
  const sizes = [...options.sizes];
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new RangeError(`layer sizes must be ≥ 2 positive integers, got [${sizes.join(', ')}]`);
  const weights: Float64Array[] = [];
  const theta: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l] as number;
    const fanOut = sizes[l + 1] as number;
    const scale =
      options.activation === 'relu' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
    const w = new Float64Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = scale * rng.normal();
    weights.push(w);
    theta.push(new Float64Array(fanOut));
  }
  const params = [...weights, ...theta];
  const adam = options.optimizer === 'adam';
  return {
    sizes,
    activation: options.activation,
    weights,
    theta,
    optimizer: {
      kind: options.optimizer,
      step: 0,
      m: adam ? zerosLike(params) : [],
      v: adam ? zerosLike(params) : [],
      ema: options.gradientEma ? zerosLike(params) : [],
    },
  };
}

export function cloneState(s: NetworkState): NetworkState {
  const copy = (xs: readonly Float64Array[]) => xs.map((a) => a.slice());
  return {
    sizes: [...s.sizes],
    activation: s.activation,
    weights: copy(s.weights),
    theta: copy(s.theta),
    optimizer: {
      kind: s.optimizer.kind,
      step: s.optimizer.step,
      m: copy(s.optimizer.m),
      v: copy(s.optimizer.v),
      ema: copy(s.optimizer.ema),
    },
  };
}

function allArrays(s: NetworkState): Float64Array[] {
  return [...s.weights, ...s.theta, ...s.optimizer.m, ...s.optimizer.v, ...s.optimizer.ema];
}

/** The buffers to list as transferables when posting a state to another thread. */
export function stateBuffers(s: NetworkState): ArrayBuffer[] {
  return allArrays(s).map((a) => a.buffer as ArrayBuffer);
}

/** Bytes the state's arrays occupy. */
export function stateBytes(s: NetworkState): number {
  return allArrays(s).reduce((n, a) => n + a.byteLength, 0);
}

export function parameterCount(s: NetworkState): number {
  return parameterArrays(s).reduce((n, a) => n + a.length, 0);
}

/**
 * Example-weighted average of states (federated averaging): Σ w_k·s_k / Σ w_k, over every
 * array, the optimizer's moments and step included, so Adam and Grokfast merge like weights.
 * The sum runs in the order given, so the result is deterministic for a fixed shard order.
 */
export function averageStates(
  states: readonly NetworkState[],
  counts: readonly number[],
): NetworkState {
  const first = states[0];
  if (!first) throw new Error('averageStates of no states');
  if (counts.length !== states.length) throw new Error('one example count per state');
  const total = counts.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error('averageStates needs a positive example count');
  const out = cloneState(first);
  const outArrays = allArrays(out);
  for (const a of outArrays) a.fill(0);
  let step = 0;
  states.forEach((s, k) => {
    const w = (counts[k] as number) / total;
    const arrays = allArrays(s);
    if (arrays.length !== outArrays.length) throw new Error('states differ in layout');
    outArrays.forEach((dst, i) => {
      const src = arrays[i] as Float64Array;
      if (src.length !== dst.length) throw new Error('states differ in layout');
      for (let j = 0; j < dst.length; j++) dst[j] = (dst[j] as number) + w * (src[j] as number);
    });
    step += w * s.optimizer.step;
  });
  out.optimizer.step = step;
  return out;
}

/** Largest absolute difference between two states' weights and thresholds. */
export function maxParameterDifference(a: NetworkState, b: NetworkState): number {
  const pa = parameterArrays(a);
  const pb = parameterArrays(b);
  let d = 0;
  pa.forEach((x, i) => {
    const y = pb[i] as Float64Array;
    for (let j = 0; j < x.length; j++)
      d = Math.max(d, Math.abs((x[j] as number) - (y[j] as number)));
  });
  return d;
}

/** The state as plain nested number arrays (the CLI's JSON shape). */
export function stateToJson(s: NetworkState): { weights: number[][]; theta: number[][] } {
  return { weights: s.weights.map((a) => Array.from(a)), theta: s.theta.map((a) => Array.from(a)) };
}
