/**
 * One training run from a plain configuration: load and split the data, initialize the network
 * from the seed, run the processor, and report in the CLI's JSON shape. The CLI, the
 * experiments and the app all go through here, so a configuration means the same everywhere.
 */
import { createRng } from '../measure';
import type { KUnit } from '../engine/types';
import type { AdaptiveOptions } from './adaptive';
import { loadDataset, splitDataset, type DatasetName, type JsonReader } from './datasets';
import { REGULARIZER_DEFAULTS, type RegularizerKind, type TrainParams } from './local-steps';
import {
  initNetwork,
  stateToJson,
  type Activation,
  type NetworkState,
  type OptimizerKind,
} from './network';
import { OPTIMIZER_DEFAULTS } from './optim';
import {
  ParallelBatchProcessor,
  type BatchMetrics,
  type EpochMetrics,
  type Fault,
  type RunDecision,
  type RunResults,
} from './processor';
import type { ShardRunner } from './runner';
import type { SpectralPreference } from './spectral-backend';

export interface TrainConfig {
  dataset: DatasetName;
  workers: number;
  batchSize: number;
  updateInterval: number;
  epochs: number;
  seed: number;
  optimizer: OptimizerKind;
  lr: number;
  /** Decoupled weight decay on the weights (see `OptimizerParams.weightDecay`). */
  weightDecay: number;
  hidden: number[];
  activation: Activation;
  regularizer: RegularizerKind;
  phi: number;
  lambda: number;
  kUnit: KUnit;
  /** Grokfast's EMA decay. */
  alpha: number;
  /** Where workers run the spectral step: the GPU where present ('auto'), or the CPU. */
  spectral: SpectralPreference;
  validationFraction: number;
  /** Synthetic sets' size / MNIST images per digit; undefined: the set's default. */
  size?: number;
  fault?: Fault;
  /** Per-worker memory budget, bytes. */
  memoryBudget?: number;
  adaptive?: AdaptiveOptions & { everyRounds: number };
  evaluateEvery?: number;
  stopAtValAccuracy?: number;
  shards?: 'iid' | 'label-skewed';
}

export const TRAIN_DEFAULTS: TrainConfig = {
  dataset: 'iris',
  workers: 4,
  batchSize: 16,
  updateInterval: 1,
  epochs: 30,
  seed: 1,
  optimizer: 'sgd',
  lr: 0.05,
  weightDecay: 0,
  hidden: [16, 16],
  activation: 'tanh',
  regularizer: 'none',
  phi: REGULARIZER_DEFAULTS.phi,
  lambda: REGULARIZER_DEFAULTS.lambda,
  kUnit: REGULARIZER_DEFAULTS.kUnit,
  alpha: REGULARIZER_DEFAULTS.alpha,
  spectral: 'auto',
  validationFraction: 0.2,
};

/** The CLI's JSON output. */
export interface TrainReport {
  config: TrainConfig;
  finalState: { weights: number[][]; theta: number[][] };
  batches: Pick<
    BatchMetrics,
    'batch' | 'worker' | 'ms' | 'syncMs' | 'examples' | 'memoryBytes' | 'restarted'
  >[];
  epochs: Pick<EpochMetrics, 'loss' | 'accuracy' | 'valAccuracy'>[];
  workers: { started: number; restarted: number };
}

export function trainParams(c: TrainConfig, loss: TrainParams['loss']): TrainParams {
  return {
    loss,
    optimizer: { ...OPTIMIZER_DEFAULTS, lr: c.lr, weightDecay: c.weightDecay },
    regularizer: {
      ...REGULARIZER_DEFAULTS,
      kind: c.regularizer,
      phi: c.phi,
      lambda: c.lambda,
      kUnit: c.kUnit,
      alpha: c.alpha,
    },
    spectral: c.spectral,
  };
}

export interface SessionHooks {
  read?: JsonReader;
  signal?: AbortSignal;
  onLog?: (line: string) => void;
  onBatch?: (m: BatchMetrics, merged: NetworkState) => void;
  onEpoch?: (m: EpochMetrics) => void;
  onDecision?: (d: RunDecision) => void;
  /** Read before each round; overrides `memoryBudget` (the app's budget may change mid-run). */
  memoryBudget?: () => number;
  /** Evaluate each worker's local state at each epoch's end (see `RunInput.evaluateWorkers`). */
  evaluateWorkers?: boolean;
}

export interface TrainOutcome {
  report: TrainReport;
  finalState: NetworkState;
  results: RunResults;
}

export async function runTraining(
  c: TrainConfig,
  runner: ShardRunner,
  hooks: SessionHooks = {},
): Promise<TrainOutcome> {
  const data = await loadDataset(c.dataset, {
    seed: c.seed,
    ...(c.size !== undefined ? { size: c.size } : {}),
    ...(hooks.read ? { read: hooks.read } : {}),
  });
  const rng = createRng(c.seed);
  const { train, validation } = splitDataset(data, c.validationFraction, rng.fork(1).int(2 ** 31));
  const initialState = initNetwork(
    {
      sizes: [data.inputDim, ...c.hidden, data.outputDim],
      activation: c.activation,
      optimizer: c.optimizer,
      gradientEma: c.regularizer === 'grokfast',
    },
    rng.fork(2),
  );
  await runner.warm?.(c.adaptive ? c.adaptive.max : c.workers);
  const processor = new ParallelBatchProcessor(
    { numProcesses: c.workers, batchSize: c.batchSize, updateInterval: c.updateInterval },
    runner,
  );
  const { finalState, results } = await processor.runParallel({
    examples: train.x,
    labels: train.y,
    initialState,
    params: trainParams(c, data.loss),
    epochs: c.epochs,
    seed: rng.fork(3).int(2 ** 31),
    validation: { examples: validation.x, labels: validation.y },
    ...(c.fault ? { faults: [c.fault] } : {}),
    ...(hooks.memoryBudget
      ? { memoryBudget: hooks.memoryBudget }
      : c.memoryBudget !== undefined
        ? { memoryBudget: () => c.memoryBudget as number }
        : {}),
    ...(hooks.evaluateWorkers ? { evaluateWorkers: true } : {}),
    ...(hooks.onDecision ? { onDecision: hooks.onDecision } : {}),
    ...(c.adaptive ? { adaptive: c.adaptive } : {}),
    ...(c.shards ? { shards: c.shards } : {}),
    ...(c.evaluateEvery !== undefined ? { evaluateEvery: c.evaluateEvery } : {}),
    ...(c.stopAtValAccuracy !== undefined ? { stopAtValAccuracy: c.stopAtValAccuracy } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onLog ? { onLog: hooks.onLog } : {}),
    ...(hooks.onBatch ? { onBatch: hooks.onBatch } : {}),
    ...(hooks.onEpoch ? { onEpoch: hooks.onEpoch } : {}),
  });
  const report: TrainReport = {
    config: c,
    finalState: stateToJson(finalState),
    batches: results.batches.map((m) => ({
      batch: m.batch,
      worker: m.worker,
      ms: m.ms,
      syncMs: m.syncMs,
      examples: m.examples,
      memoryBytes: m.memoryBytes,
      restarted: m.restarted,
    })),
    epochs: results.epochs.map((e) => ({
      loss: e.loss,
      accuracy: e.accuracy,
      valAccuracy: e.valAccuracy,
    })),
    workers: results.workers,
  };
  return { report, finalState, results };
}
