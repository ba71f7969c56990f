/**
 * The in-browser regularizer experiment: its settings and the messages between the page and the
 * worker that runs it (experiment-worker.ts). The worker runs the same core as
 * `npm run experiment -- regularizer` (src/train/experiment), with fewer seeds and a smaller
 * budget by default so it finishes in a minute or two.
 */
import type { RegularizerKind } from '../../../train/local-steps';
import type { RunRecord } from '../../../train/experiment/compare';
import type { RegularizerReport } from '../../../train/experiment/regularizer';

export interface QuickExperimentConfig {
  tasks: string[];
  arms: RegularizerKind[];
  /** Paired evaluation seeds (at least 2, for a paired comparison). */
  seeds: number;
  tuningSeeds: number;
  /** Multiplies each task's epoch budget. */
  budget: number;
}

export const QUICK_EXPERIMENT_DEFAULTS: QuickExperimentConfig = {
  tasks: ['iris'],
  arms: ['none', 'penalty', 'smooth', 'grokfast'],
  seeds: 3,
  tuningSeeds: 1,
  budget: 0.5,
};

export interface ToExperimentWorker {
  type: 'start';
  config: QuickExperimentConfig;
}

export type FromExperimentWorker =
  | { type: 'run'; phase: 'tune' | 'eval'; record: RunRecord; done: number; total: number }
  | { type: 'tuned'; tuned: RegularizerReport['tuned'][number] }
  | { type: 'done'; report: RegularizerReport; ms: number }
  | { type: 'error'; message: string };
