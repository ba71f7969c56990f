/**
 * `npm run sched -- --policy edf --cores 4 (--tasks FILE | --generate mixed:500) [--json FILE]`
 *
 * Simulates one policy on one task set and writes { policy, cores, metrics, schedule }. A bad
 * flag or a malformed task file exits 2 with a message naming the flag, or the task and field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CliError, parseSchedArgs, SCHED_USAGE, type SchedArgs } from '../src/sched/cli-args';
import {
  resolventScorer,
  scoreTasks,
  SCHED_SCORE_DEFAULTS,
  withoutSignal,
} from '../src/sched/coherence-score';
import { generateTasks } from '../src/sched/generate';
import { NEEDS_COHERENCE } from '../src/sched/policies';
import { simulate } from '../src/sched/simulate';
import { parseTasks } from '../src/sched/task-file';
import { DEFAULT_CONFIG, SchedError, type ScoredTask, type Task } from '../src/sched/types';
import { loadCpuEngine } from './sched-engine';

function readTasks(args: SchedArgs): Task[] {
  if ('generate' in args.source) {
    const { workload, count } = args.source.generate;
    const capacity = args.speeds.reduce((a, s) => a + s, 0);
    return generateTasks({ workload, count, seed: args.seed, capacity });
  }
  let text: string;
  try {
    text = readFileSync(args.source.tasks, 'utf8');
  } catch (e) {
    throw new CliError(
      '--tasks',
      `cannot read --tasks ${args.source.tasks}: ${(e as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      '--tasks',
      `--tasks ${args.source.tasks} is not JSON: ${(e as Error).message}`,
    );
  }
  return parseTasks(json);
}

/** Scores signals only when the policy reads coherence: the engine takes a few seconds to load. */
async function settle(tasks: Task[], args: SchedArgs): Promise<ScoredTask[]> {
  const needs =
    NEEDS_COHERENCE.has(args.policy) && tasks.some((t) => t.coherence === undefined && t.signal);
  if (!needs) return tasks.map(withoutSignal);
  const loaded = await loadCpuEngine();
  try {
    return await scoreTasks(
      tasks,
      resolventScorer(loaded.engine, { ...SCHED_SCORE_DEFAULTS, kUnit: args.kUnit }),
    );
  } finally {
    await loaded.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseSchedArgs(argv);
  if (args.help) {
    console.log(SCHED_USAGE);
    return 0;
  }
  const tasks = await settle(readTasks(args), args);
  const result = simulate(tasks, {
    ...DEFAULT_CONFIG,
    policy: args.policy,
    speeds: args.speeds,
    quantum: args.quantum,
    switchCost: args.switchCost,
    missCost: args.missCost,
    migrationCost: args.migrationCost,
    seed: args.seed,
    failures: args.failure ? [args.failure] : [],
    checkFailRate: args.checkFailRate,
  });
  const out = {
    policy: result.policy,
    cores: result.cores,
    metrics: result.metrics,
    schedule: result.schedule,
  };
  const m = result.metrics;
  console.log(
    `${result.policy} on ${result.cores} cores: makespan ${m.makespan.toFixed(3)} (lower bound ` +
      `${m.lowerBound.toFixed(3)}), mean response ${m.meanResponse.toFixed(3)}, p99 ` +
      `${m.p99Response.toFixed(3)}, switches ${m.contextSwitches}, misses ${m.cacheMisses}, ` +
      `migrations ${m.migrations}, deadline misses ${m.deadlineMisses}, dropped ${m.dropped} ` +
      `(${m.droppedWork.toFixed(3)} work), utilization ${(100 * m.utilization).toFixed(1)}%`,
  );
  if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 1));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof CliError || e instanceof SchedError) {
      console.error(`sched: ${e.message}`);
      process.exit(2);
    }
    console.error(e);
    process.exit(1);
  },
);
