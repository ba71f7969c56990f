/**
 * The Training tab's in-browser claim experiment, React-free: one run at a time in a worker
 * (the page stays responsive), progress per training run, cancel (the worker is terminated and
 * the paired comparison is made from the runs that finished), and the results as the CLI
 * prints them: median ratio to `none` with a bootstrap 95% CI, permutation p-values, FLOPs and
 * the verdict line.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  claimVerdictLine,
  compareArms,
  type ArmComparison,
  type RunRecord,
} from '../../../train/experiment/compare';
import type { RegularizerReport } from '../../../train/experiment/regularizer';
import {
  QUICK_EXPERIMENT_DEFAULTS,
  type FromExperimentWorker,
  type QuickExperimentConfig,
  type ToExperimentWorker,
} from './experiment-protocol';

/** The page's handle on an experiment worker (a Web Worker, or an in-process stand-in). */
export interface ExperimentPort {
  postMessage(m: ToExperimentWorker): void;
  onmessage: ((e: { data: FromExperimentWorker }) => void) | null;
  onerror?: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

export interface ExperimentLabState {
  config: QuickExperimentConfig;
  running: boolean;
  done: number;
  total: number;
  /** The last finished run, as a line. */
  last: string | null;
  records: RunRecord[];
  tuned: RegularizerReport['tuned'];
  rows: ArmComparison[] | null;
  verdict: string | null;
  cancelled: boolean;
  error: string | null;
  ms: number | null;
}

export interface ExperimentLab {
  store: StoreApi<ExperimentLabState>;
  setConfig(c: Partial<QuickExperimentConfig>): void;
  /** Resolves when the experiment ends, is cancelled, or fails. */
  start(): Promise<void>;
  cancel(): void;
  dispose(): void;
}

/** The comparison's bootstrap and permutation seed (the CLI's). */
const STATS_SEED = 1;

export function summarize(records: readonly RunRecord[]): {
  rows: ArmComparison[];
  verdict: string;
} {
  const rows = compareArms(records, 'none', STATS_SEED);
  return { rows, verdict: claimVerdictLine(rows) };
}

/** What a lab holds before its first run, and again at the start of each run. */
const NO_RESULTS = {
  done: 0,
  total: 0,
  last: null,
  records: [],
  tuned: [],
  rows: null,
  verdict: null,
  cancelled: false,
  error: null,
  ms: null,
} as const satisfies Partial<ExperimentLabState>;

export function createExperimentLab(
  makePort: () => ExperimentPort,
  initial: QuickExperimentConfig = QUICK_EXPERIMENT_DEFAULTS,
): ExperimentLab {
  const store = createStore<ExperimentLabState>(() => ({
    config: initial,
    running: false,
    ...NO_RESULTS,
  }));
  let port: ExperimentPort | null = null;
  let finish: (() => void) | null = null;
  let t0 = 0;

  const end = (patch: Partial<ExperimentLabState>) => {
    port?.terminate();
    port = null;
    store.setState({ ...patch, running: false, ms: performance.now() - t0 });
    finish?.();
    finish = null;
  };

  function onMessage(m: FromExperimentWorker) {
    switch (m.type) {
      case 'run':
        store.setState((s) => ({
          done: m.done,
          total: m.total,
          last: `${m.phase === 'tune' ? 'tuning' : 'evaluating'} ${m.record.task} ${m.record.arm} seed ${m.record.seed}: ${m.record.reached ? 'reached' : 'not reached'} at step ${m.record.steps}`,
          records: m.phase === 'eval' ? [...s.records, m.record] : s.records,
        }));
        return;
      case 'tuned':
        store.setState((s) => ({ tuned: [...s.tuned, m.tuned] }));
        return;
      case 'done':
        end({ ...summarize(m.report.records), records: m.report.records, tuned: m.report.tuned });
        return;
      case 'error':
        end({ error: m.message });
    }
  }

  return {
    store,
    setConfig(c) {
      store.setState((s) => ({ config: { ...s.config, ...c } }));
    },
    start() {
      if (store.getState().running) return Promise.resolve();
      const config = store.getState().config;
      t0 = performance.now();
      store.setState({ running: true, ...NO_RESULTS });
      return new Promise<void>((resolve) => {
        finish = resolve;
        port = makePort();
        port.onmessage = (e) => onMessage(e.data);
        port.onerror = (e) =>
          end({ error: `the experiment worker failed (${e.message ?? 'no message'})` });
        port.postMessage({ type: 'start', config });
      });
    },
    cancel() {
      if (!store.getState().running) return;
      // The comparison of the evaluation runs that finished (seeds both arms ran).
      end({ cancelled: true, ...summarize(store.getState().records) });
    },
    dispose() {
      port?.terminate();
      port = null;
    },
  };
}
