/**
 * The regularizer experiment: per task, the arms none, penalty, smooth and grokfast, each tuned
 * with the same budget (two settings × the tuning seeds, disjoint from the evaluation seeds),
 * then run on the same evaluation seeds (paired). The primary metric is steps and wall time to
 * the task's target validation accuracy; a run that never reaches it counts its whole budget.
 */
import type { RegularizerKind } from '../local-steps';
import { median } from '../../measure';
import type { ShardRunner } from '../runner';
import { runTraining, TRAIN_DEFAULTS, type SessionHooks, type TrainConfig } from '../session';
import type { RunRecord } from './compare';

export interface ExperimentTask {
  name: string;
  /** Everything but the seed and the arm's settings; `epochs` is the budget. */
  config: Partial<TrainConfig>;
  target: number;
}

/** Sized so that ten seeds of every arm and task finish in minutes on two cores. */
export const REGULARIZER_TASKS: readonly ExperimentTask[] = [
  {
    name: 'iris',
    config: {
      dataset: 'iris',
      hidden: [16],
      optimizer: 'sgd',
      lr: 0.05,
      batchSize: 16,
      epochs: 150,
    },
    target: 0.95,
  },
  {
    name: 'spirals',
    config: {
      dataset: 'spirals',
      size: 300,
      hidden: [32, 32],
      optimizer: 'adam',
      lr: 0.01,
      batchSize: 32,
      epochs: 120,
    },
    target: 0.85,
  },
  {
    name: 'regression1d',
    config: {
      dataset: 'regression1d',
      size: 200,
      hidden: [32, 32],
      optimizer: 'adam',
      lr: 0.01,
      batchSize: 32,
      epochs: 200,
    },
    target: 0.4,
  },
];

export const ARMS: readonly RegularizerKind[] = ['none', 'penalty', 'smooth', 'grokfast'];

/**
 * Each arm's four candidate settings, the same tuning budget for every arm: the control tunes the
 * learning rate over a wider range (½, 1, 2, 4 × the task's); the others tune it over 1 and 2 ×
 * crossed with two values of their own knob.
 */
export function armGrid(arm: RegularizerKind, task: ExperimentTask): Partial<TrainConfig>[] {
  const lr = task.config.lr ?? TRAIN_DEFAULTS.lr;
  const cross = (knobs: Partial<TrainConfig>[]) =>
    [lr, 2 * lr].flatMap((l) => knobs.map((k) => ({ lr: l, ...k })));
  switch (arm) {
    case 'none':
      return [0.5, 1, 2, 4].map((f) => ({ lr: f * lr }));
    case 'penalty':
      return cross([{ lambda: 1e-3 }, { lambda: 1e-2 }]);
    case 'smooth':
      return cross([{ phi: 0.5 }, { phi: 2 }]);
    case 'grokfast':
      return cross([
        { alpha: 0.98, lambda: 1 },
        { alpha: 0.9, lambda: 2 },
      ]);
  }
}

export interface ExperimentOptions {
  seeds: number[];
  tuningSeeds: number[];
  tasks: readonly ExperimentTask[];
  arms: readonly RegularizerKind[];
  /** A fresh runner per run (runs are sequential, so timings do not overlap). */
  runner: () => ShardRunner;
  hooks?: Pick<SessionHooks, 'read' | 'signal'>;
  onRun?: (r: RunRecord, phase: 'tune' | 'eval') => void;
  onTuned?: (t: RegularizerReport['tuned'][number]) => void;
  /** Rounds between validation checks. */
  evaluateEvery?: number;
}

export interface RegularizerReport {
  records: RunRecord[];
  tuned: { task: string; arm: string; setting: Partial<TrainConfig>; medianTuningSteps: number }[];
}

export async function runOne(
  task: ExperimentTask,
  arm: RegularizerKind,
  setting: Partial<TrainConfig>,
  seed: number,
  o: Pick<ExperimentOptions, 'runner' | 'hooks' | 'evaluateEvery'>,
): Promise<RunRecord> {
  const config: TrainConfig = {
    ...TRAIN_DEFAULTS,
    workers: 1,
    updateInterval: 1,
    ...task.config,
    ...setting,
    regularizer: arm,
    seed,
    evaluateEvery: o.evaluateEvery ?? 5,
    stopAtValAccuracy: task.target,
  };
  const runner = o.runner();
  try {
    const { results } = await runTraining(config, runner, o.hooks ?? {});
    const at = results.reached;
    const last = results.checkpoints[results.checkpoints.length - 1];
    return {
      task: task.name,
      arm,
      seed,
      reached: at !== null,
      steps: at ? at.round : results.rounds,
      ms: at ? at.ms : results.ms,
      flops: at ? at.flops : results.flops,
      regularizerFlops: results.regularizerFlops,
      finalValAccuracy: last?.valAccuracy ?? Number.NaN,
    };
  } finally {
    await runner.close();
  }
}

export async function runRegularizerExperiment(o: ExperimentOptions): Promise<RegularizerReport> {
  const records: RunRecord[] = [];
  const tuned: RegularizerReport['tuned'] = [];
  for (const task of o.tasks) {
    for (const arm of o.arms) {
      // Tuning: the setting with the fewest median steps to target on the tuning seeds.
      let best: { setting: Partial<TrainConfig>; steps: number } | null = null;
      for (const setting of armGrid(arm, task)) {
        const steps: number[] = [];
        for (const seed of o.tuningSeeds) {
          const r = await runOne(task, arm, setting, seed, o);
          o.onRun?.(r, 'tune');
          steps.push(r.steps);
        }
        const m = median(steps);
        if (!best || m < best.steps) best = { setting, steps: m };
      }
      if (!best) continue;
      const t = { task: task.name, arm, setting: best.setting, medianTuningSteps: best.steps };
      tuned.push(t);
      o.onTuned?.(t);
      for (const seed of o.seeds) {
        const r = await runOne(task, arm, best.setting, seed, o);
        o.onRun?.(r, 'eval');
        records.push(r);
      }
    }
  }
  return { records, tuned };
}
