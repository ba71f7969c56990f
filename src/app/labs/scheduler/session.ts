/**
 * The Scheduler tab's session, React-free: its configuration, the two policies' simulations of
 * one task set, an optional imported task file, and a small claim experiment with progress and
 * cancel. Coherence comes from the CPU engine (one batched resolvent call per task set).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCpuEngine } from '../../../engine';
import { resolventScorer, scoreTasks, type CoherenceScorer } from '../../../sched/coherence-score';
import { CLAIM_MACHINE, runClaimExperiment } from '../../../sched/experiment/claim';
import {
  compareRuns,
  verdicts,
  type Comparison,
  type Verdict,
} from '../../../sched/experiment/compare';
import { generateTasks } from '../../../sched/generate';
import { simulate } from '../../../sched/simulate';
import { parseTasks } from '../../../sched/task-file';
import { DEFAULT_CONFIG, type ScoredTask, type SimResult, type Task } from '../../../sched/types';
import { DEFAULT_LAB_CONFIG, type SchedLabConfig } from './lab-config';

export interface ExperimentView {
  running: boolean;
  done: number;
  total: number;
  verdicts: Verdict[];
  comparisons: Comparison[];
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
  exportJson(): string;
}

const idleExperiment: ExperimentView = {
  running: false,
  done: 0,
  total: 0,
  verdicts: [],
  comparisons: [],
  error: null,
};

export function createSchedLab(initial: SchedLabConfig = DEFAULT_LAB_CONFIG): SchedLab {
  const store = createStore<SchedLabState>(() => ({
    config: initial,
    imported: null,
    tasks: [],
    a: null,
    b: null,
    error: null,
    experiment: idleExperiment,
  }));
  const engine = createCpuEngine();
  const scorer: CoherenceScorer = resolventScorer(engine);
  let abort: AbortController | null = null;

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
      store.setState({ experiment: { ...idleExperiment, running: true } });
      // Yields to the browser between task sets so progress paints and Cancel is heard.
      const yielding: CoherenceScorer = async (signals) => {
        await new Promise((r) => setTimeout(r, 0));
        return scorer(signals);
      };
      try {
        const runs = await runClaimExperiment(yielding, {
          seeds,
          count,
          machine: CLAIM_MACHINE,
          signal: controller.signal,
          onProgress: (done, total) =>
            store.setState((s) => ({ experiment: { ...s.experiment, done, total } })),
        });
        store.setState((s) => ({
          experiment: {
            ...s.experiment,
            running: false,
            verdicts: verdicts(runs),
            comparisons: compareRuns(runs),
          },
        }));
      } catch (e) {
        const message = controller.signal.aborted ? 'cancelled' : String(e);
        store.setState((s) => ({
          experiment: { ...s.experiment, running: false, error: message },
        }));
      }
    },
    cancelExperiment() {
      abort?.abort();
    },
    exportJson() {
      const { config, a, b, experiment } = store.getState();
      const strip = (r: SimResult | null) =>
        r && { policy: r.policy, cores: r.cores, metrics: r.metrics, schedule: r.schedule };
      return JSON.stringify(
        { config, a: strip(a), b: strip(b), experiment: { verdicts: experiment.verdicts } },
        null,
        1,
      );
    },
  };
}
