/**
 * The Training tab's session, React-free: its configuration, one training run at a time on a
 * pool of Web Workers (progress, cancel, kill-a-worker), and what the views draw: per-epoch
 * loss and accuracy (merged and each worker's local state), per-round shard losses and
 * accuracies by worker, the worker timeline, where the spectral step ran, the dynamic batch
 * size's and adaptive worker count's decisions, the log. Metrics arrive per shard; the store is
 * updated at most every 100 ms so React is not flooded.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadDataset, type Dataset } from '../../../train/datasets';
import type { NetworkState } from '../../../train/network';
import type { BatchMetrics, EpochMetrics, RunDecision } from '../../../train/processor';
import {
  runTraining,
  TRAIN_DEFAULTS,
  type TrainConfig,
  type TrainReport,
} from '../../../train/session';
import type { ShardRunner } from '../../../train/runner';
import type { SpectralReport } from '../../../train/spectral-backend';
import {
  ADAPTIVE_EVERY_ROUNDS,
  DEFAULT_TRAINING_CONFIG,
  MAX_WORKERS,
  type TrainingLabConfig,
} from './lab-config';

/** Rounds kept for the charts and the timeline (older ones scroll out). */
export const KEPT_BATCHES = 4000;
const KEPT_LOG = 200;

export interface TrainingLabState {
  config: TrainingLabConfig;
  running: boolean;
  /** Rounds done, and rounds in the whole run (estimated from the data set's size). */
  progress: { epoch: number; epochs: number; round: number };
  epochs: EpochMetrics[];
  batches: BatchMetrics[];
  log: string[];
  workers: { started: number; restarted: number };
  busy: number[];
  report: TrainReport | null;
  error: string | null;
  cancelled: boolean;
  /** The latest merged state and the run's data set, for the spectrum, fit and regions. */
  latest: NetworkState | null;
  dataset: Dataset | null;
  /** Where the latest shard's spectral step ran (null: no spectral step yet in this run). */
  spectral: SpectralReport | null;
  /** Spectral-step shards per backend in this run (a GPU fault can move some to the CPU). */
  spectralShards: { gpu: number; cpu: number };
  decisions: RunDecision[];
}

export interface TrainingLab {
  store: StoreApi<TrainingLabState>;
  /** Changes the configuration; the memory budget also applies to a run under way. */
  setConfig(c: Partial<TrainingLabConfig>): void;
  start(): Promise<void>;
  cancel(): void;
  /**
   * Kills the worker that takes the next shard, while it works on it (shards last milliseconds,
   * so "whichever is busy now" would mostly find none); false when no run is going.
   */
  killWorker(): boolean;
  exportJson(): string;
  dispose(): Promise<void>;
}

/** The lab's configuration as the trainer's (the lab's own controls mapped to its options). */
export function trainConfigOf(c: TrainingLabConfig): TrainConfig {
  // The memory budget is not part of the config: the session reads it before each round.
  const { adaptive, memoryBudgetKb, ...rest } = c;
  void memoryBudgetKb;
  return {
    ...TRAIN_DEFAULTS,
    ...rest,
    hidden: [...c.hidden],
    ...(adaptive
      ? {
          adaptive: { min: 1, max: MAX_WORKERS, minGain: 0.05, everyRounds: ADAPTIVE_EVERY_ROUNDS },
        }
      : {}),
  };
}

/** Where a run's shards go: the browser's worker pool, or in-process in tests. */
export type RunnerFactory = (maxWorkers: number) => {
  runner: ShardRunner;
  busy?: () => number[];
};

export function createTrainingLab(
  makeRunner: RunnerFactory,
  initial: TrainingLabConfig = DEFAULT_TRAINING_CONFIG,
): TrainingLab {
  const store = createStore<TrainingLabState>(() => ({
    config: initial,
    running: false,
    progress: { epoch: 0, epochs: initial.epochs, round: 0 },
    epochs: [],
    batches: [],
    log: [],
    workers: { started: 0, restarted: 0 },
    busy: [],
    report: null,
    error: null,
    cancelled: false,
    latest: null,
    dataset: null,
    spectral: null,
    spectralShards: { gpu: 0, cpu: 0 },
    decisions: [],
  }));
  let abort: AbortController | null = null;
  let current: ReturnType<RunnerFactory> | null = null;

  async function start(): Promise<void> {
    if (store.getState().running) return;
    const c = store.getState().config;
    abort = new AbortController();
    const run = makeRunner(c.adaptive ? MAX_WORKERS : c.workers);
    current = run;
    store.setState({
      running: true,
      progress: { epoch: 0, epochs: c.epochs, round: 0 },
      epochs: [],
      batches: [],
      log: [],
      workers: { started: 0, restarted: 0 },
      report: null,
      error: null,
      cancelled: false,
      latest: null,
      dataset: null,
      spectral: null,
      spectralShards: { gpu: 0, cpu: 0 },
      decisions: [],
    });
    // Buffered between flushes; the store sees them at most every 100 ms.
    let pending: {
      batches: BatchMetrics[];
      log: string[];
      epochs: EpochMetrics[];
      decisions: RunDecision[];
    } = { batches: [], log: [], epochs: [], decisions: [] };
    let lastFlush = 0;
    let latest: NetworkState | null = null;
    const flush = (force = false) => {
      const now = performance.now();
      if (!force && now - lastFlush < 100) return;
      lastFlush = now;
      const p = pending;
      pending = { batches: [], log: [], epochs: [], decisions: [] };
      store.setState((s) => {
        const last = p.batches[p.batches.length - 1];
        const shards = { ...s.spectralShards };
        let spectral = s.spectral;
        for (const b of p.batches)
          if (b.spectral) {
            shards[b.spectral.backend]++;
            spectral = b.spectral;
          }
        return {
          spectral,
          spectralShards: shards,
          decisions: [...s.decisions, ...p.decisions],
          batches: [...s.batches, ...p.batches].slice(-KEPT_BATCHES),
          log: [...s.log, ...p.log].slice(-KEPT_LOG),
          epochs: [...s.epochs, ...p.epochs],
          progress: last ? { ...s.progress, epoch: last.epoch, round: last.batch } : s.progress,
          workers: run.runner.counts(),
          latest,
          busy: run.busy?.() ?? [],
        };
      });
    };
    try {
      store.setState({ dataset: await loadDataset(c.dataset, { seed: c.seed }) });
      const { report, results } = await runTraining(trainConfigOf(c), run.runner, {
        signal: abort.signal,
        evaluateWorkers: true,
        // Read before each round, so a budget changed mid-run applies from the next round.
        memoryBudget: () => {
          const kb = store.getState().config.memoryBudgetKb;
          return kb === null ? Number.POSITIVE_INFINITY : kb * 1024;
        },
        onDecision: (d) => {
          pending.decisions.push(d);
          flush();
        },
        onBatch: (m, merged) => {
          latest = merged;
          pending.batches.push(m);
          flush();
        },
        onEpoch: (e) => {
          pending.epochs.push(e);
          flush();
        },
        onLog: (line) => {
          if (!/^Worker \d+: memory/.test(line)) pending.log.push(line);
        },
      });
      flush(true);
      store.setState({ report, cancelled: results.cancelled, workers: results.workers });
    } catch (e) {
      flush(true);
      store.setState({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      store.setState({ running: false, busy: [] });
      current = null;
      abort = null;
      await run.runner.close();
    }
  }

  return {
    store,
    setConfig(c) {
      store.setState((s) => ({ config: { ...s.config, ...c } }));
    },
    start,
    cancel() {
      abort?.abort();
    },
    killWorker() {
      if (!current?.runner.killNext) return false;
      current.runner.killNext();
      return true;
    },
    exportJson() {
      const s = store.getState();
      return JSON.stringify(s.report ?? { config: s.config, note: 'no finished run yet' }, null, 2);
    },
    async dispose() {
      abort?.abort();
      await current?.runner.close();
    },
  };
}
