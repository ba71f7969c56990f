/**
 * What one worker does in a round: `updateInterval` local steps on its shards, starting from
 * the merged state it was sent. A pure function of its input, so the in-process runner and the
 * worker pool produce identical states for the same round.
 */
import type { KUnit } from '../engine/types';
import {
  forwardFlopsPerExample,
  gradients,
  type ActivationPenalty,
  type Batch,
  type LossKind,
} from './mlp';
import type { NetworkState } from './network';
import {
  applyUpdate,
  grokfast,
  smoothGradients,
  type GrokfastParams,
  type OptimizerParams,
} from './optim';
import {
  cpuFilter,
  filterFlops,
  gainCache,
  resolventPenalty,
  type SpectralFilter,
} from './spectral';

export type RegularizerKind = 'none' | 'penalty' | 'smooth' | 'grokfast';
export const REGULARIZERS: readonly RegularizerKind[] = ['none', 'penalty', 'smooth', 'grokfast'];

export interface RegularizerParams {
  kind: RegularizerKind;
  /** φ of R(k) = 1/(1 + φk²) (`penalty`, `smooth`). */
  phi: number;
  /** Weight of the penalty, or Grokfast's amplification. */
  lambda: number;
  kUnit: KUnit;
  /** `penalty`: the hidden layer whose activations it reads (1 = first hidden layer). */
  layer: number;
  /** Grokfast's EMA decay. */
  alpha: number;
}

export const REGULARIZER_DEFAULTS: RegularizerParams = {
  kind: 'none',
  phi: 1.618034,
  lambda: 0.001,
  kUnit: 'radians',
  layer: 1,
  alpha: 0.98,
};

/** Everything a worker needs besides the state and data; plain data, structured-cloneable. */
export interface TrainParams {
  loss: LossKind;
  optimizer: OptimizerParams;
  regularizer: RegularizerParams;
}

export interface ShardInput {
  state: NetworkState;
  /** One batch per local step (an empty batch skips its step). */
  steps: Batch[];
  params: TrainParams;
}

export interface ShardOutput {
  state: NetworkState;
  examples: number;
  /** Σ over steps of (mean loss · examples), and correct predictions, for weighted averages. */
  lossSum: number;
  correct: number;
  flops: number;
  /** Of `flops`, those spent in the spectral step (filters) or the gradient average. */
  regularizerFlops: number;
  ms: number;
}

/** Runs the local steps in place on `input.state` and returns it with the step's figures. */
export function runLocalSteps(input: ShardInput, filter: SpectralFilter = cpuFilter): ShardOutput {
  const t0 = performance.now();
  const { state, params } = input;
  const reg = params.regularizer;
  const gains = gainCache({ phi: reg.phi, kUnit: reg.kUnit });
  const penalty: ActivationPenalty | undefined =
    reg.kind === 'penalty'
      ? {
          layer: reg.layer,
          evaluate: (a, count, width) =>
            resolventPenalty(a, width, count, reg.lambda, gains, filter),
        }
      : undefined;
  if (penalty && !(reg.layer >= 1 && reg.layer < state.sizes.length - 1))
    throw new RangeError(
      `penalty layer must be a hidden layer 1…${state.sizes.length - 2}, got ${reg.layer}`,
    );
  const perExample = forwardFlopsPerExample(state.sizes);
  let examples = 0;
  let lossSum = 0;
  let correct = 0;
  let flops = 0;
  let regularizerFlops = 0;
  for (const batch of input.steps) {
    if (batch.count === 0) continue;
    const g = gradients(state, batch, params.loss, penalty);
    examples += batch.count;
    lossSum += g.loss * batch.count;
    correct += g.correct;
    flops += 3 * perExample * batch.count;
    let extra = 0;
    if (penalty) extra += 2 * filterFlops(state.sizes[reg.layer] as number, batch.count);
    if (reg.kind === 'smooth') extra += smoothGradients(state, g.grads, gains.r, filter);
    if (reg.kind === 'grokfast') extra += grokfast(state, g.grads, grokfastParams(reg));
    flops += extra + applyUpdate(state, g.grads, params.optimizer);
    regularizerFlops += extra;
  }
  return { state, examples, lossSum, correct, flops, regularizerFlops, ms: performance.now() - t0 };
}

function grokfastParams(r: RegularizerParams): GrokfastParams {
  return { alpha: r.alpha, lambda: r.lambda };
}
