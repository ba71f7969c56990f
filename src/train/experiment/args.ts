/**
 * `npm run experiment -- <subcommand> [flags]` arguments. Subcommands are a table, so another
 * lab adds its experiment by adding an entry; an unknown one exits 2 listing the valid ones.
 */
import { choiceFlag, intFlag, numberFlag, splitFlags, UsageError } from '../cli-args';
import { ARMS, REGULARIZER_TASKS } from './regularizer';
import type { RegularizerKind } from '../local-steps';

export interface RegularizerArgs {
  command: 'regularizer';
  seeds: number;
  tuningSeeds: number;
  tasks: string[];
  arms: RegularizerKind[];
  /** Multiplies every task's epoch budget (e.g. 0.5 for a quicker run). */
  budget: number;
  json?: string;
}

export interface ParallelArgs {
  command: 'parallel';
  seeds: number;
  workers: number[];
  intervals: number[];
  shards: ('iid' | 'label-skewed')[];
  target: number;
  epochs: number;
  inProcess: boolean;
  json?: string;
}

function list<T>(name: string, v: string, each: (part: string) => T): T[] {
  const parts = v.split(',');
  if (parts.some((p) => p.trim() === ''))
    throw new UsageError(`--${name} must be a comma-separated list, got '${v}'`);
  return parts.map(each);
}

export function parseRegularizerArgs(argv: readonly string[]): RegularizerArgs {
  const f = splitFlags(argv, ['seeds', 'tuning-seeds', 'tasks', 'arms', 'budget', 'json'], []);
  const taskNames = REGULARIZER_TASKS.map((t) => t.name);
  const v = (k: string) => f.get(k);
  const json = v('json');
  const out: RegularizerArgs = {
    command: 'regularizer',
    seeds: v('seeds') !== undefined ? intFlag('seeds', v('seeds') as string, 2) : 10,
    tuningSeeds:
      v('tuning-seeds') !== undefined ? intFlag('tuning-seeds', v('tuning-seeds') as string, 1) : 2,
    tasks:
      v('tasks') !== undefined
        ? list('tasks', v('tasks') as string, (p) => choiceFlag('tasks', p, taskNames))
        : taskNames,
    arms:
      v('arms') !== undefined
        ? list('arms', v('arms') as string, (p) => choiceFlag('arms', p, ARMS))
        : [...ARMS],
    budget:
      v('budget') !== undefined
        ? numberFlag(
            'budget',
            v('budget') as string,
            (n) => n > 0 && n <= 10,
            'a number in (0, 10]',
          )
        : 1,
    ...(json !== undefined ? { json } : {}),
  };
  if (!out.arms.includes('none'))
    throw new UsageError(`--arms must include none (the control), got '${v('arms')}'`);
  return out;
}

export function parseParallelArgs(argv: readonly string[]): ParallelArgs {
  const f = splitFlags(
    argv,
    ['seeds', 'workers', 'intervals', 'shards', 'target', 'epochs', 'json'],
    ['in-process'],
  );
  const v = (k: string) => f.get(k);
  const json = v('json');
  return {
    command: 'parallel',
    seeds: v('seeds') !== undefined ? intFlag('seeds', v('seeds') as string, 1) : 3,
    workers:
      v('workers') !== undefined
        ? list('workers', v('workers') as string, (p) => intFlag('workers', p, 1))
        : [1, 2, 4],
    intervals:
      v('intervals') !== undefined
        ? list('intervals', v('intervals') as string, (p) => intFlag('intervals', p, 1))
        : [1, 4],
    shards:
      v('shards') !== undefined
        ? list('shards', v('shards') as string, (p) =>
            choiceFlag('shards', p, ['iid', 'label-skewed'] as const),
          )
        : ['iid', 'label-skewed'],
    target:
      v('target') !== undefined
        ? numberFlag('target', v('target') as string, (n) => n > 0 && n <= 1, 'a number in (0, 1]')
        : 0.95,
    epochs: v('epochs') !== undefined ? intFlag('epochs', v('epochs') as string, 1) : 100,
    inProcess: f.has('in-process'),
    ...(json !== undefined ? { json } : {}),
  };
}

export const EXPERIMENT_PARSERS = {
  regularizer: parseRegularizerArgs,
  parallel: parseParallelArgs,
} as const;

/** The subcommand and its flags; unknown subcommands name the valid ones. */
export function splitSubcommand(
  argv: readonly string[],
  valid: readonly string[],
): { command: string; rest: string[] } {
  const [command, ...rest] = argv;
  if (command === undefined || !valid.includes(command))
    throw new UsageError(
      `${command === undefined ? 'missing subcommand' : `unknown subcommand '${command}'`}; valid: ${valid.join(', ')}`,
    );
  return { command, rest };
}
