/**
 * `npm run experiment -- regularizer [--seeds 10 --tuning-seeds 2 --tasks iris,spirals,regression1d
 *   --arms none,penalty,smooth,grokfast --budget 1] [--json out.json]`
 * `npm run experiment -- parallel [--seeds 3 --workers 1,2,4 --intervals 1,4
 *   --shards iid,label-skewed --target 0.95 --epochs 100 --in-process] [--json out.json]`
 * `npm run experiment -- scheduler [--seeds 20 …] [--json out.json]` (scripts/experiment-scheduler.ts)
 *
 * regularizer: the claim experiment (paired seeds; median ratio to `none` with a bootstrap 95%
 * CI, permutation p-values, FLOPs, a verdict line). Runs are sequential and in-process (one
 * worker), so their wall times do not overlap. parallel: the worker/interval/shards sweep on
 * worker threads. Unknown subcommands and bad flags exit 2 with a message naming them.
 */
import { UsageError } from '../src/train/cli-args';
import {
  EXPERIMENT_PARSERS,
  splitSubcommand,
  type ParallelArgs,
  type RegularizerArgs,
} from '../src/train/experiment/args';
import { claimVerdictLine, compareArms } from '../src/train/experiment/compare';
import { formatComparison, formatParallel } from '../src/train/experiment/format';
import {
  PARALLEL_BASE,
  runParallelExperiment,
  summarizeParallel,
} from '../src/train/experiment/parallel';
import {
  EVAL_SEED_BASE,
  runRegularizerExperiment,
  seedRange,
  selectTasks,
  TUNING_SEED_BASE,
} from '../src/train/experiment/regularizer';
import { createInProcessRunner } from '../src/train/runner';
import { cores, nodeTrainRunner, readJsonFile, writeJson } from './train-node';

async function regularizer(a: RegularizerArgs): Promise<void> {
  const tasks = selectTasks(a.tasks, a.budget);
  const t0 = performance.now();
  const report = await runRegularizerExperiment({
    seeds: seedRange(a.seeds, EVAL_SEED_BASE),
    tuningSeeds: seedRange(a.tuningSeeds, TUNING_SEED_BASE),
    tasks,
    arms: a.arms,
    runner: () => createInProcessRunner(),
    hooks: { read: readJsonFile },
    onRun: (r, phase) =>
      process.stderr.write(
        `${phase} ${r.task} ${r.arm} seed ${r.seed}: ${r.reached ? 'reached' : 'not reached'} at step ${r.steps}, ${r.ms.toFixed(0)} ms\n`,
      ),
  });
  const rows = compareArms(report.records, 'none', 1);
  const verdict = claimVerdictLine(rows);
  console.log(formatComparison(rows));
  console.log('\nTuned settings (fewest median steps on the tuning seeds):');
  for (const t of report.tuned) console.log(`  ${t.task} ${t.arm}: ${JSON.stringify(t.setting)}`);
  console.log(`\n${verdict}`);
  console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s on ${cores} cores)`);
  if (a.json) {
    await writeJson(a.json, {
      experiment: 'regularizer',
      args: a,
      tasks,
      tuned: report.tuned,
      records: report.records,
      comparison: rows,
      verdict,
    });
    console.log(`wrote ${a.json}`);
  }
}

async function parallel(a: ParallelArgs): Promise<void> {
  const t0 = performance.now();
  const records = await runParallelExperiment({
    base: { ...PARALLEL_BASE, epochs: a.epochs },
    target: a.target,
    workers: a.workers,
    intervals: a.intervals,
    shards: a.shards,
    seeds: seedRange(a.seeds, EVAL_SEED_BASE),
    runner: (w) => (a.inProcess ? createInProcessRunner() : nodeTrainRunner(w)),
    hooks: { read: readJsonFile },
    onRun: (r) =>
      process.stderr.write(
        `${r.shards} workers ${r.workers} interval ${r.updateInterval} seed ${r.seed}: ${r.reached ? 'reached' : 'not reached'} in ${r.rounds} rounds, ${r.ms.toFixed(0)} ms\n`,
      ),
  });
  const rows = summarizeParallel(records);
  console.log(formatParallel(rows));
  console.log(
    `(target validation accuracy ${a.target}; ${((performance.now() - t0) / 1000).toFixed(0)} s on ${cores} cores, ${a.inProcess ? 'in-process' : 'worker threads'})`,
  );
  if (a.json) {
    await writeJson(a.json, { experiment: 'parallel', args: a, records, rows });
    console.log(`wrote ${a.json}`);
  }
}

/** The scheduler lab's claim experiment (scripts/experiment-scheduler.ts) sets its own exit code. */
async function scheduler(rest: string[]): Promise<void> {
  const { runSchedulerExperiment } = await import('./experiment-scheduler');
  const code = await runSchedulerExperiment(rest);
  if (code !== 0) process.exit(code);
}

const COMMANDS = {
  regularizer: (rest: string[]) => regularizer(EXPERIMENT_PARSERS.regularizer(rest)),
  parallel: (rest: string[]) => parallel(EXPERIMENT_PARSERS.parallel(rest)),
  scheduler,
} as const;

try {
  const { command, rest } = splitSubcommand(process.argv.slice(2), Object.keys(COMMANDS));
  await COMMANDS[command as keyof typeof COMMANDS](rest);
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`experiment: ${e.message}`);
    process.exit(2);
  }
  throw e;
}
