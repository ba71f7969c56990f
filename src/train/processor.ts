/**
 * The parallel batch processor: local SGD / federated averaging over worker copies of a network.
 *
 * A round takes the next numProcesses·batchSize·updateInterval examples of the seeded epoch
 * order. For each of its `updateInterval` steps, the step's numProcesses·batchSize examples are
 * split into numProcesses consecutive shards of batchSize; worker k runs one local step per
 * round step on its shard of it. The workers' states are then merged by example-weighted
 * averaging and sent back out. With plain SGD and updateInterval 1 the merge equals one step on
 * the whole K·B batch (the mean of the shards' mean gradients, weighted by their sizes, is the
 * batch's mean gradient), which the tests check.
 */
import { createRng } from '../measure';
import { AdaptiveWorkers, type AdaptiveOptions, type WorkerDecision } from './adaptive';
import type { ShardInput, ShardOutput, TrainParams } from './local-steps';
import { formatBytes, nextBatchSize, workerMemoryBytes, type BatchDecision } from './memory';
import { evaluate, type Batch } from './mlp';
import { averageStates, cloneState, stateBytes, type NetworkState } from './network';
import { WorkerDiedError, type ShardRunner } from './runner';
import type { SpectralReport } from './spectral-backend';

export interface ProcessorOptions {
  numProcesses: number;
  batchSize: number;
  updateInterval: number;
}

export interface Fault {
  /** Shard slot, 1-based (worker 1 = the round's first shard). */
  worker: number;
  /** Round number, 1-based. */
  atBatch: number;
}

export interface BatchMetrics {
  /** Round number, 1-based. */
  batch: number;
  epoch: number;
  /** Id of the worker that ran the shard (after a restart, the new worker's). */
  worker: number;
  slot: number;
  /** Worker compute time for the shard. */
  ms: number;
  /** The round's synchronization overhead: wall time not spent in the slowest shard's compute. */
  syncMs: number;
  examples: number;
  /** Mean training loss and accuracy of the shard's local steps (this worker's own state). */
  loss: number;
  accuracy: number;
  /** Estimated bytes the worker holds (state, data, activations, gradients). */
  memoryBytes: number;
  /** The platform's memory figure, where it has one. */
  platformMemoryBytes?: number;
  /** State sent + state returned + shard data sent. */
  bytesExchanged: number;
  restarted: boolean;
  /** Where the shard's spectral step ran (GPU or CPU), when it had one. */
  spectral?: SpectralReport;
}

/** A worker's local state at the end of an epoch, before the merge, on the validation set. */
export interface WorkerEvaluation {
  slot: number;
  worker: number;
  valLoss: number;
  valAccuracy: number;
}

/** A decision of the dynamic batch size or the adaptive worker count, with its round. */
export type RunDecision =
  | ({ kind: 'batch-size'; round: number } & BatchDecision)
  | ({ kind: 'workers'; round: number } & WorkerDecision);

export interface EpochMetrics {
  epoch: number;
  /** Mean training loss and accuracy over the epoch's steps (as the workers computed them). */
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  ms: number;
  /** Each worker's local state from the epoch's last round (`evaluateWorkers`). */
  workers?: WorkerEvaluation[];
}

export interface Checkpoint {
  round: number;
  epoch: number;
  examplesSeen: number;
  valAccuracy: number;
  valLoss: number;
  ms: number;
  flops: number;
  bytesExchanged: number;
}

export interface RunResults {
  batches: BatchMetrics[];
  epochs: EpochMetrics[];
  /** Validation checks every `evaluateEvery` rounds (and at each epoch's end). */
  checkpoints: Checkpoint[];
  /** First checkpoint at or above `stopAtValAccuracy`, if any. */
  reached: Checkpoint | null;
  workers: { started: number; restarted: number };
  batchDecisions: BatchDecision[];
  workerDecisions: WorkerDecision[];
  log: string[];
  rounds: number;
  flops: number;
  regularizerFlops: number;
  bytesExchanged: number;
  ms: number;
  cancelled: boolean;
}

export interface RunInput {
  /** count × sizes[0] inputs, row-major. */
  examples: Float64Array;
  /** count class indices ('ce') or count × outputs ('mse'). */
  labels: Float64Array;
  initialState: NetworkState;
  params: TrainParams;
  epochs: number;
  seed: number;
  validation?: { examples: Float64Array; labels: Float64Array };
  faults?: readonly Fault[];
  /**
   * 'iid' (default): shards are consecutive slices of the shuffled order. 'label-skewed': each
   * step's examples are sorted by label before sharding, so each worker sees few classes (the
   * non-IID case of federated averaging). Classification only.
   */
  shards?: 'iid' | 'label-skewed';
  /** Per-worker memory budget in bytes, read before each round (so it may change mid-run). */
  memoryBudget?: () => number;
  /**
   * Evaluate each worker's local state (before the merge) on the validation set at each
   * epoch's end, besides the merged state.
   */
  evaluateWorkers?: boolean;
  adaptive?: AdaptiveOptions & { everyRounds: number };
  /** Check validation every this many rounds (besides each epoch's end). */
  evaluateEvery?: number;
  stopAtValAccuracy?: number;
  signal?: AbortSignal;
  onBatch?: (m: BatchMetrics, merged: NetworkState) => void;
  onEpoch?: (m: EpochMetrics) => void;
  onLog?: (line: string) => void;
  onDecision?: (d: RunDecision) => void;
}

export interface RoundResult {
  state: NetworkState;
  outputs: ShardOutput[];
  metrics: BatchMetrics[];
}

export class ParallelBatchProcessor {
  readonly options: ProcessorOptions;

  constructor(
    options: ProcessorOptions,
    private readonly runner: ShardRunner,
  ) {
    for (const [k, v] of Object.entries(options))
      if (!Number.isInteger(v) || v < 1)
        throw new RangeError(`${k} must be an integer ≥ 1, got ${v}`);
    this.options = { ...options };
  }

  /**
   * One round: shard `steps` (one batch per local step, each split into `workers` consecutive
   * shards of `batchSize`), run the shards, merge. A shard whose worker dies is rerun from the
   * same merged state, so the round's result does not depend on the fault.
   */
  async processBatch(
    state: NetworkState,
    steps: readonly Batch[],
    params: TrainParams,
    round: {
      batch: number;
      epoch: number;
      workers: number;
      batchSize: number;
      kill?: number;
      targetWidth: number;
    },
  ): Promise<RoundResult> {
    const t0 = performance.now();
    const nIn = state.sizes[0] as number;
    const shards: ShardInput[] = [];
    for (let k = 0; k < round.workers; k++) {
      const shardSteps = steps.map((b) =>
        slice(b, k * round.batchSize, (k + 1) * round.batchSize, nIn, round.targetWidth),
      );
      if (shardSteps.every((b) => b.count === 0)) break;
      shards.push({ state, steps: shardSteps, params });
    }
    const sBytes = stateBytes(state);
    const runs = await Promise.all(
      shards.map(async (input, slot) => {
        let restarted = false;
        for (let attempt = 0; ; attempt++) {
          try {
            const kill = attempt === 0 && round.kill === slot;
            const r = await this.runner.run(input, { slot, kill });
            return { ...r, restarted };
          } catch (e) {
            if (!(e instanceof WorkerDiedError) || attempt >= 3) throw e;
            restarted = true;
          }
        }
      }),
    );
    const outputs = runs.map((r) => r.output);
    const merged = averageStates(
      outputs.map((o) => o.state),
      outputs.map((o) => o.examples),
    );
    const wall = performance.now() - t0;
    const slowest = Math.max(...outputs.map((o) => o.ms));
    const syncMs = Math.max(0, wall - slowest);
    const platform = this.runner.platformMemory?.();
    const metrics = runs.map((r, slot): BatchMetrics => {
      const data = (shards[slot] as ShardInput).steps.reduce(
        (n, b) => n + (b.x.byteLength + b.y.byteLength),
        0,
      );
      const m: BatchMetrics = {
        batch: round.batch,
        epoch: round.epoch,
        worker: r.workerId,
        slot: slot + 1,
        ms: r.output.ms,
        syncMs,
        examples: r.output.examples,
        loss: r.output.examples > 0 ? r.output.lossSum / r.output.examples : 0,
        accuracy: r.output.examples > 0 ? r.output.correct / r.output.examples : 0,
        memoryBytes: workerMemoryBytes(state, round.batchSize, steps.length, round.targetWidth),
        bytesExchanged: 2 * sBytes + data,
        restarted: r.restarted,
      };
      if (platform !== undefined) m.platformMemoryBytes = platform;
      if (r.output.spectral) m.spectral = r.output.spectral;
      return m;
    });
    return { state: merged, outputs, metrics };
  }

  /** Trains for `epochs` epochs; see the module comment for what a round is. */
  async runParallel(input: RunInput): Promise<{ finalState: NetworkState; results: RunResults }> {
    const t0 = performance.now();
    const { params } = input;
    const nIn = input.initialState.sizes[0] as number;
    const nOut = input.initialState.sizes[input.initialState.sizes.length - 1] as number;
    const targetWidth = params.loss === 'ce' ? 1 : nOut;
    const count = input.examples.length / nIn;
    if (!Number.isInteger(count) || input.labels.length !== count * targetWidth)
      throw new RangeError(
        `examples (${input.examples.length} values) and labels (${input.labels.length}) do not match layer sizes`,
      );
    const log: string[] = [];
    const say = (line: string) => {
      log.push(line);
      input.onLog?.(line);
    };
    const results: RunResults = {
      batches: [],
      epochs: [],
      checkpoints: [],
      reached: null,
      workers: { started: 0, restarted: 0 },
      batchDecisions: [],
      workerDecisions: [],
      log,
      rounds: 0,
      flops: 0,
      regularizerFlops: 0,
      bytesExchanged: 0,
      ms: 0,
      cancelled: false,
    };
    let state = cloneState(input.initialState);
    let batchSize = this.options.batchSize;
    const adaptive = input.adaptive
      ? new AdaptiveWorkers(input.adaptive, this.options.numProcesses)
      : null;
    let workers = this.options.numProcesses;
    let examplesSeen = 0;
    let window = { examples: 0, ms: 0, rounds: 0 };
    let lastRound: RoundResult | null = null;
    const check = (epoch: number): Checkpoint => {
      const v = input.validation
        ? evaluate(
            state,
            input.validation.examples,
            input.validation.labels,
            input.validation.labels.length / targetWidth,
            params.loss,
          )
        : { loss: Number.NaN, accuracy: Number.NaN };
      const c: Checkpoint = {
        round: results.rounds,
        epoch,
        examplesSeen,
        valAccuracy: v.accuracy,
        valLoss: v.loss,
        ms: performance.now() - t0,
        flops: results.flops,
        bytesExchanged: results.bytesExchanged,
      };
      results.checkpoints.push(c);
      if (
        !results.reached &&
        input.stopAtValAccuracy !== undefined &&
        v.accuracy >= input.stopAtValAccuracy
      )
        results.reached = c;
      return c;
    };
    outer: for (let epoch = 1; epoch <= input.epochs; epoch++) {
      const te = performance.now();
      const order = createRng(input.seed)
        .fork(epoch)
        .shuffle(Array.from({ length: count }, (_, i) => i));
      let pos = 0;
      let epochLoss = 0;
      let epochCorrect = 0;
      let epochExamples = 0;
      while (pos < count) {
        if (input.signal?.aborted) {
          results.cancelled = true;
          break outer;
        }
        if (input.memoryBudget) {
          const d = nextBatchSize(batchSize, this.options.batchSize, input.memoryBudget(), (b) =>
            workerMemoryBytes(state, b, this.options.updateInterval, targetWidth),
          );
          if (d) {
            results.batchDecisions.push(d);
            input.onDecision?.({ kind: 'batch-size', round: results.rounds + 1, ...d });
            say(
              `Batch size ${d.from} → ${d.to}: worker memory ${formatBytes(d.memoryBytes)}, budget ${formatBytes(d.budgetBytes)}`,
            );
            batchSize = d.to;
          }
        }
        const stepSize = workers * batchSize;
        const steps: Batch[] = [];
        for (let s = 0; s < this.options.updateInterval && pos < count; s++) {
          const idx = order.slice(pos, pos + stepSize);
          if (input.shards === 'label-skewed' && params.loss === 'ce')
            idx.sort((a, b) => (input.labels[a] as number) - (input.labels[b] as number) || a - b);
          pos += idx.length;
          steps.push(gather(input.examples, input.labels, idx, nIn, targetWidth));
        }
        const batch = results.rounds + 1;
        const fault = input.faults?.find((f) => f.atBatch === batch);
        const round = await this.processBatch(state, steps, params, {
          batch,
          epoch,
          workers,
          batchSize,
          targetWidth,
          ...(fault ? { kill: fault.worker - 1 } : {}),
        });
        state = round.state;
        lastRound = round;
        results.rounds = batch;
        let roundExamples = 0;
        for (const o of round.outputs) {
          results.flops += o.flops;
          results.regularizerFlops += o.regularizerFlops;
          epochLoss += o.lossSum;
          epochCorrect += o.correct;
          roundExamples += o.examples;
        }
        epochExamples += roundExamples;
        examplesSeen += roundExamples;
        for (const m of round.metrics) {
          results.batches.push(m);
          results.bytesExchanged += m.bytesExchanged;
          if (m.restarted)
            say(
              `Worker ${m.slot}: died during batch ${batch}; restarted as worker ${m.worker}, batch reprocessed`,
            );
          input.onBatch?.(m, state);
        }
        say(`Batch ${batch}: processed ${roundExamples} examples`);
        for (const m of round.metrics)
          say(`Worker ${m.slot}: memory ${formatBytes(m.memoryBytes)}`);
        if (input.evaluateEvery && batch % input.evaluateEvery === 0) {
          const c = check(epoch);
          if (results.reached === c) break outer;
        }
        const roundMs =
          Math.max(...round.metrics.map((m) => m.ms)) + (round.metrics[0]?.syncMs ?? 0);
        window = {
          examples: window.examples + roundExamples,
          ms: window.ms + roundMs,
          rounds: window.rounds + 1,
        };
        if (adaptive && input.adaptive && window.rounds >= input.adaptive.everyRounds) {
          const d = adaptive.observe((1000 * window.examples) / Math.max(window.ms, 1e-9));
          window = { examples: 0, ms: 0, rounds: 0 };
          if (d) {
            results.workerDecisions.push(d);
            input.onDecision?.({ kind: 'workers', round: results.rounds, ...d });
            say(`Workers ${d.from} → ${d.to}: ${d.throughput.toFixed(0)} examples/s (${d.reason})`);
            workers = d.to;
          }
        }
      }
      const c = check(epoch);
      const em: EpochMetrics = {
        epoch,
        loss: epochExamples > 0 ? epochLoss / epochExamples : 0,
        accuracy: epochExamples > 0 ? epochCorrect / epochExamples : 0,
        valLoss: c.valLoss,
        valAccuracy: c.valAccuracy,
        ms: performance.now() - te,
      };
      if (input.evaluateWorkers && input.validation && lastRound)
        em.workers = evaluateWorkers(lastRound, input.validation, targetWidth, params.loss);
      results.epochs.push(em);
      input.onEpoch?.(em);
      say(
        `Epoch ${epoch}: loss ${em.loss.toFixed(4)}, accuracy ${em.accuracy.toFixed(3)}, validation accuracy ${em.valAccuracy.toFixed(3)}`,
      );
      if (results.reached) break;
    }
    results.workers = this.runner.counts();
    results.ms = performance.now() - t0;
    return { finalState: state, results };
  }
}

function evaluateWorkers(
  round: RoundResult,
  v: { examples: Float64Array; labels: Float64Array },
  targetWidth: number,
  loss: TrainParams['loss'],
): WorkerEvaluation[] {
  return round.outputs.map((o, i) => {
    const e = evaluate(o.state, v.examples, v.labels, v.labels.length / targetWidth, loss);
    const m = round.metrics[i] as BatchMetrics;
    return { slot: m.slot, worker: m.worker, valLoss: e.loss, valAccuracy: e.accuracy };
  });
}

/** Rows [from, to) of a batch, clipped to its size. */
function slice(b: Batch, from: number, to: number, nIn: number, yw: number): Batch {
  const lo = Math.min(from, b.count);
  const hi = Math.min(to, b.count);
  return { x: b.x.slice(lo * nIn, hi * nIn), y: b.y.slice(lo * yw, hi * yw), count: hi - lo };
}

function gather(
  x: Float64Array,
  y: Float64Array,
  idx: readonly number[],
  nIn: number,
  yw: number,
): Batch {
  const bx = new Float64Array(idx.length * nIn);
  const by = new Float64Array(idx.length * yw);
  idx.forEach((src, i) => {
    bx.set(x.subarray(src * nIn, (src + 1) * nIn), i * nIn);
    by.set(y.subarray(src * yw, (src + 1) * yw), i * yw);
  });
  return { x: bx, y: by, count: idx.length };
}
