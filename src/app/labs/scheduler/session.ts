/**
 * The Scheduler tab's session, React-free: its configuration, the two policies' simulations of
 * one task set, an optional imported task file, real execution of the set's first tasks on the
 * GPU queue and CPU workers, and the claim experiment on workers, both with progress and
 * cancel. Coherence comes from the CPU engine (one batched resolvent call per task set).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCpuEngine } from '../../../engine';
import { resolventScorer, scoreTasks, type CoherenceScorer } from '../../../sched/coherence-score';
import { CLAIM_MACHINE, runClaimSets, type ClaimRuns } from '../../../sched/experiment/claim';
import type { Comparison, Verdict } from '../../../sched/experiment/compare';
import { generateTasks } from '../../../sched/generate';
import { CancelledError } from '../../../sched/real/execute';
import { simulate } from '../../../sched/simulate';
import { parseTasks } from '../../../sched/task-file';
import { DEFAULT_CONFIG, type ScoredTask, type SimResult, type Task } from '../../../sched/types';
import { inProcessBackends, type SchedLabBackends } from './backends';
import { DEFAULT_LAB_CONFIG, type RealConfig, type SchedLabConfig } from './lab-config';
import { runReal, type RealProgress, type RealResult } from './real-run';

export interface ExperimentView {
  running: boolean;
  /** 'sets' while task sets run, 'analysis' while the intervals are computed. */
  phase: 'sets' | 'analysis' | null;
  done: number;
  total: number;
  runs: ClaimRuns | null;
  verdicts: Verdict[];
  comparisons: Comparison[];
  error: string | null;
}

export interface RealView {
  running: boolean;
  progress: RealProgress | null;
  result: RealResult | null;
  error: string | null;
}

export interface SchedLabState {
  config: SchedLabConfig;
  /** Tasks from an imported file (replace the generator until cleared). */
  imported: { name: string; tasks: Task[] } | null;
  tasks: ScoredTask[];
  a: SimResult | null;
  b: SimResult | null;
  error: string | null;
  experiment: ExperimentView;
  real: RealView;
}

export interface SchedLab {
  store: StoreApi<SchedLabState>;
  setConfig(c: Partial<SchedLabConfig>): void;
  run(): Promise<void>;
  /** Fails the fastest core in the middle of B's longest run there (or clears the failure). */
  toggleFailure(): Promise<void>;
  importText(name: string, text: string): Promise<void>;
  clearImport(): Promise<void>;
  runExperiment(seeds: number, count: number): Promise<void>;
  cancelExperiment(): void;
  /** Most CPU workers real execution offers on this machine. */
  readonly realMaxWorkers: number;
  setReal(c: Partial<RealConfig>): void;
  runReal(): Promise<void>;
  cancelReal(): void;
  exportJson(): string;
  /** Stops the work in flight and terminates the workers (they start again on next use). */
  dispose(): void;
}

const idleExperiment: ExperimentView = {
  running: false,
  phase: null,
  done: 0,
  total: 0,
  runs: null,
  verdicts: [],
  comparisons: [],
  error: null,
};

const idleReal: RealView = { running: false, progress: null, result: null, error: null };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSchedLab(
  initial: SchedLabConfig = DEFAULT_LAB_CONFIG,
  makeBackends?: (scorer: CoherenceScorer) => SchedLabBackends,
): SchedLab {
  const store = createStore<SchedLabState>(() => ({
    config: initial,
    imported: null,
    tasks: [],
    a: null,
    b: null,
    error: null,
    experiment: idleExperiment,
    real: idleReal,
  }));
  const engine = createCpuEngine();
  const scorer: CoherenceScorer = resolventScorer(engine);
  const backends = (makeBackends ?? inProcessBackends)(scorer);
  let abort: AbortController | null = null;
  let realAbort: AbortController | null = null;

  async function run(): Promise<void> {
    const { config: c, imported } = store.getState();
    try {
      const capacity = c.speeds.reduce((x, s) => x + s, 0);
      const raw =
        imported?.tasks ??
        generateTasks({ workload: c.workload, count: c.count, seed: c.seed, capacity });
      const tasks = await scoreTasks(raw, scorer);
      const machine = {
        ...DEFAULT_CONFIG,
        speeds: c.speeds,
        quantum: c.quantum,
        switchCost: c.switchCost,
        missCost: c.missCost,
        migrationCost: c.migrationCost,
        seed: c.seed,
        failures: c.failure ? [c.failure] : [],
      };
      const a = simulate(tasks, { ...machine, policy: c.policyA });
      const b = simulate(tasks, { ...machine, policy: c.policyB });
      store.setState({ tasks, a, b, error: null });
    } catch (e) {
      store.setState({ a: null, b: null, error: e instanceof Error ? e.message : String(e) });
    }
  }

  return {
    store,
    setConfig(c) {
      store.setState((s) => ({ config: { ...s.config, ...c } }));
    },
    run,
    async toggleFailure() {
      const { config, b } = store.getState();
      if (config.failure) {
        store.setState({ config: { ...config, failure: null } });
      } else {
        if (config.speeds.length < 2) {
          store.setState({ error: 'failing a core needs at least two cores' });
          return;
        }
        const fastest = config.speeds.indexOf(Math.max(...config.speeds));
        // Halfway through B's longest run on that core, so a running task is caught and moved.
        const runs = (b?.schedule ?? []).filter((r) => r.core === fastest);
        const longest = runs.reduce<(typeof runs)[number] | null>(
          (m, r) => (!m || r.end - r.start > m.end - m.start ? r : m),
          null,
        );
        const at = longest ? (longest.start + longest.end) / 2 : (b?.metrics.makespan ?? 10) / 2;
        store.setState({ config: { ...config, failure: { core: fastest, at } } });
      }
      await run();
    },
    async importText(name, text) {
      try {
        const tasks = parseTasks(JSON.parse(text));
        store.setState({ imported: { name, tasks } });
        await run();
      } catch (e) {
        store.setState({ error: `${name}: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    async clearImport() {
      store.setState({ imported: null });
      await run();
    },
    async runExperiment(seeds, count) {
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const { experiment: x } = backends;
      store.setState({ experiment: { ...idleExperiment, running: true, phase: 'sets' } });
      try {
        // The sets and the analysis run on workers: this thread only assembles and paints.
        const runs = await runClaimSets(x.runSet, {
          seeds,
          count,
          machine: CLAIM_MACHINE,
          concurrency: x.concurrency,
          signal: controller.signal,
          onProgress: (done, total) =>
            store.setState((s) => ({ experiment: { ...s.experiment, done, total } })),
        });
        store.setState((s) => ({ experiment: { ...s.experiment, phase: 'analysis', runs } }));
        const analysis = await x.analyze(runs);
        if (controller.signal.aborted) throw new CancelledError();
        store.setState((s) => ({
          experiment: { ...s.experiment, running: false, phase: null, ...analysis },
        }));
      } catch (e) {
        const error = controller.signal.aborted ? 'cancelled' : message(e);
        store.setState((s) => ({
          experiment: { ...s.experiment, running: false, phase: null, error },
        }));
      }
    },
    cancelExperiment() {
      abort?.abort();
      backends.experiment.cancel();
    },
    realMaxWorkers: backends.real.maxWorkers,
    setReal(c) {
      store.setState((s) => ({ config: { ...s.config, real: { ...s.config.real, ...c } } }));
    },
    async runReal() {
      realAbort?.abort();
      const controller = new AbortController();
      realAbort = controller;
      const { config, tasks } = store.getState();
      store.setState({ real: { ...idleReal, running: true } });
      try {
        const result = await runReal(
          backends.real,
          tasks,
          config.real,
          config.seed,
          controller.signal,
          (progress) => store.setState((s) => ({ real: { ...s.real, progress } })),
        );
        store.setState({ real: { ...idleReal, result } });
      } catch (e) {
        const error = e instanceof CancelledError ? 'cancelled' : message(e);
        store.setState({ real: { ...idleReal, error } });
      }
    },
    cancelReal() {
      realAbort?.abort();
    },
    exportJson() {
      const { config, a, b, experiment, real } = store.getState();
      const strip = (r: SimResult | null) =>
        r && { policy: r.policy, cores: r.cores, metrics: r.metrics, schedule: r.schedule };
      const measured = real.result && {
        executors: real.result.executors,
        calibrations: real.result.calibrations,
        chains: real.result.chains,
        runs: real.result.runs,
      };
      return JSON.stringify(
        {
          config,
          a: strip(a),
          b: strip(b),
          real: measured,
          experiment: { verdicts: experiment.verdicts, comparisons: experiment.comparisons },
        },
        null,
        1,
      );
    },
    dispose() {
      abort?.abort();
      realAbort?.abort();
      backends.experiment.cancel();
      backends.dispose();
    },
  };
}
