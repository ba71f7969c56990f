/**
 * What one worker does in a round: `updateInterval` local steps on its shards, starting from
 * the merged state it was sent. A pure function of its input, so the in-process runner and the
 * worker pool produce identical states for the same round.
 */
import type { KUnit } from '../engine/types';
import {
  backward,
  forward,
  forwardFlopsPerExample,
  type EvaluatedPenalty,
  type LossKind,
  type Batch,
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
  CPU_SPECTRAL,
  meteredFilter,
  type SpectralBackend,
  type SpectralPreference,
  type SpectralReport,
} from './spectral-backend';
import { filterFlops, gainCache, resolventPenaltyAsync } from './spectral';

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
  /** Where a worker runs the spectral step; default 'auto' (the GPU where WebGPU is present). */
  spectral?: SpectralPreference;
}

/** Whether these parameters have a spectral step (a filter for the backend to run). */
export function hasSpectralStep(params: TrainParams): boolean {
  return params.regularizer.kind === 'penalty' || params.regularizer.kind === 'smooth';
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
  /** Where the spectral step ran, when the shard had one. */
  spectral: SpectralReport | null;
}

/**
 * Runs the local steps in place on `input.state` and returns it with the step's figures. Each
 * step is a forward pass, the penalty's filter on its layer's activations, the backward pass,
 * the `smooth` filter on the gradients, then the update: the filters run on `backend`, the
 * GPU engine's or the CPU's, which only changes the float precision of the spectral step.
 */
export async function runLocalSteps(
  input: ShardInput,
  backend: SpectralBackend = CPU_SPECTRAL,
): Promise<ShardOutput> {
  const t0 = performance.now();
  const { state, params } = input;
  const reg = params.regularizer;
  const gains = gainCache({ phi: reg.phi, kUnit: reg.kUnit });
  const metered = meteredFilter(backend);
  const penalty = reg.kind === 'penalty';
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
    const acts = forward(state, batch.x, batch.count);
    let evaluated: EvaluatedPenalty | undefined;
    if (penalty) {
      const width = state.sizes[reg.layer] as number;
      const a = acts[reg.layer] as Float64Array;
      const p = await resolventPenaltyAsync(
        a,
        width,
        batch.count,
        reg.lambda,
        gains,
        metered.filter,
      );
      evaluated = { layer: reg.layer, ...p };
    }
    const g = backward(state, batch, params.loss, acts, evaluated);
    examples += batch.count;
    lossSum += g.loss * batch.count;
    correct += g.correct;
    flops += 3 * perExample * batch.count;
    let extra = 0;
    if (penalty) extra += 2 * filterFlops(state.sizes[reg.layer] as number, batch.count);
    if (reg.kind === 'smooth')
      extra += await smoothGradients(state, g.grads, gains.r, metered.filter);
    if (reg.kind === 'grokfast') extra += grokfast(state, g.grads, grokfastParams(reg));
    flops += extra + applyUpdate(state, g.grads, params.optimizer);
    regularizerFlops += extra;
  }
  return {
    state,
    examples,
    lossSum,
    correct,
    flops,
    regularizerFlops,
    ms: performance.now() - t0,
    spectral: metered.report(),
  };
}

function grokfastParams(r: RegularizerParams): GrokfastParams {
  return { alpha: r.alpha, lambda: r.lambda };
}
