/**
 * The Training tab's session, React-free: its configuration, one training run at a time on a
 * pool of Web Workers (progress, cancel, kill-a-worker), and what the views draw: per-epoch
 * loss and accuracy, per-round shard losses by worker, the worker timeline, the log. Metrics
 * arrive per shard; the store is updated at most every 100 ms so React is not flooded.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadDataset, type Dataset } from '../../../train/datasets';
import type { NetworkState } from '../../../train/network';
import type { BatchMetrics, EpochMetrics } from '../../../train/processor';
import { runTraining, TRAIN_DEFAULTS, type TrainReport } from '../../../train/session';
import type { ShardRunner } from '../../../train/runner';
import { DEFAULT_TRAINING_CONFIG, type TrainingLabConfig } from './lab-config';

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
}

export interface TrainingLab {
  store: StoreApi<TrainingLabState>;
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
  }));
  let abort: AbortController | null = null;
  let current: ReturnType<RunnerFactory> | null = null;

  async function start(): Promise<void> {
    if (store.getState().running) return;
    const c = store.getState().config;
    abort = new AbortController();
    const run = makeRunner(c.workers);
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
    });
    // Buffered between flushes; the store sees them at most every 100 ms.
    let pending: { batches: BatchMetrics[]; log: string[]; epochs: EpochMetrics[] } = {
      batches: [],
      log: [],
      epochs: [],
    };
    let lastFlush = 0;
    let latest: NetworkState | null = null;
    const flush = (force = false) => {
      const now = performance.now();
      if (!force && now - lastFlush < 100) return;
      lastFlush = now;
      const p = pending;
      pending = { batches: [], log: [], epochs: [] };
      store.setState((s) => {
        const last = p.batches[p.batches.length - 1];
        return {
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
      const { report, results } = await runTraining(
        { ...TRAIN_DEFAULTS, ...c, hidden: [...c.hidden] },
        run.runner,
        {
          signal: abort.signal,
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
        },
      );
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
