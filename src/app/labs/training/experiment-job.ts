/**
 * One in-browser regularizer experiment, reporting each run as it ends: the worker's body,
 * kept apart from the worker's wiring so a test can run it in-process.
 */
import {
  countRuns,
  EVAL_SEED_BASE,
  runRegularizerExperiment,
  seedRange,
  selectTasks,
  TUNING_SEED_BASE,
} from '../../../train/experiment/regularizer';
import { createInProcessRunner } from '../../../train/runner';
import type { FromExperimentWorker, QuickExperimentConfig } from './experiment-protocol';

export async function runQuickExperiment(
  c: QuickExperimentConfig,
  post: (m: FromExperimentWorker) => void,
): Promise<void> {
  try {
    const options = {
      seeds: seedRange(c.seeds, EVAL_SEED_BASE),
      tuningSeeds: seedRange(c.tuningSeeds, TUNING_SEED_BASE),
      tasks: selectTasks(c.tasks, c.budget),
      arms: c.arms,
      runner: () => createInProcessRunner(),
    };
    const total = countRuns(options);
    let done = 0;
    const t0 = performance.now();
    const report = await runRegularizerExperiment({
      ...options,
      onRun: (record, phase) => post({ type: 'run', phase, record, done: ++done, total }),
      onTuned: (tuned) => post({ type: 'tuned', tuned }),
    });
    post({ type: 'done', report, ms: performance.now() - t0 });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
