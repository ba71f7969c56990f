/**
 * `npm run train` arguments → a TrainConfig. Every rejection names the flag and what it allows
 * (the CLI prints it and exits 2). `--flag value` and `--flag=value` are both accepted.
 */
import type { KUnit } from '../engine/types';
import { DATASETS, isDatasetName } from './datasets';
import { REGULARIZERS, type RegularizerKind } from './local-steps';
import type { Activation, OptimizerKind } from './network';
import { TRAIN_DEFAULTS, type TrainConfig } from './session';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface TrainCli {
  config: TrainConfig;
  json?: string;
  /** Run shards on this thread instead of worker threads (same results, no threads). */
  inProcess: boolean;
  quiet: boolean;
}

const FLAGS = [
  'dataset',
  'workers',
  'batch-size',
  'update-interval',
  'epochs',
  'seed',
  'optimizer',
  'lr',
  'weight-decay',
  'hidden',
  'activation',
  'regularizer',
  'phi',
  'lambda',
  'k-unit',
  'alpha',
  'val-fraction',
  'size',
  'fault-worker',
  'fault-at-batch',
  'memory-budget',
  'json',
] as const;
const SWITCHES = ['in-process', 'quiet', 'adaptive'] as const;

/** Splits argv into flag → value, rejecting unknown flags and flags without a value. */
export function splitFlags(
  argv: readonly string[],
  flags: readonly string[],
  switches: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument '${arg}': flags start with --`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (switches.includes(name)) {
      out.set(name, 'true');
      continue;
    }
    if (!flags.includes(name))
      throw new UsageError(
        `unknown flag --${name}; valid: ${[...flags, ...switches].map((f) => `--${f}`).join(', ')}`,
      );
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    out.set(name, value);
  }
  return out;
}

export function intFlag(name: string, v: string, min: number): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${v}'`);
  return n;
}

export function numberFlag(
  name: string,
  v: string,
  check: (n: number) => boolean,
  allowed: string,
): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${name} must be ${allowed}, got '${v}'`);
  return n;
}

export function choiceFlag<T extends string>(name: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${v}'`);
  return v as T;
}

export function parseTrainArgs(argv: readonly string[]): TrainCli {
  const f = splitFlags(argv, FLAGS, SWITCHES);
  const c: TrainConfig = { ...TRAIN_DEFAULTS, hidden: [...TRAIN_DEFAULTS.hidden] };
  const get = (k: (typeof FLAGS)[number]) => f.get(k);
  let v: string | undefined;
  if ((v = get('dataset')) !== undefined) {
    if (!isDatasetName(v))
      throw new UsageError(`--dataset must be one of ${DATASETS.join(', ')}, got '${v}'`);
    c.dataset = v;
  }
  if ((v = get('workers')) !== undefined) c.workers = intFlag('workers', v, 1);
  if ((v = get('batch-size')) !== undefined) c.batchSize = intFlag('batch-size', v, 1);
  if ((v = get('update-interval')) !== undefined)
    c.updateInterval = intFlag('update-interval', v, 1);
  if ((v = get('epochs')) !== undefined) c.epochs = intFlag('epochs', v, 1);
  if ((v = get('seed')) !== undefined) c.seed = intFlag('seed', v, 0);
  if ((v = get('optimizer')) !== undefined)
    c.optimizer = choiceFlag<OptimizerKind>('optimizer', v, ['sgd', 'adam']);
  if ((v = get('lr')) !== undefined) c.lr = numberFlag('lr', v, (n) => n > 0, 'a number > 0');
  if ((v = get('weight-decay')) !== undefined)
    c.weightDecay = numberFlag('weight-decay', v, (n) => n >= 0, 'a number ≥ 0');
  if ((v = get('hidden')) !== undefined) {
    const parts = v.split(',');
    c.hidden = parts.map((p) => {
      const n = Number(p);
      if (p.trim() === '' || !Number.isInteger(n) || n < 1)
        throw new UsageError(
          `--hidden must be comma-separated layer widths ≥ 1 (e.g. 16,16), got '${v}'`,
        );
      return n;
    });
  }
  if ((v = get('activation')) !== undefined)
    c.activation = choiceFlag<Activation>('activation', v, ['tanh', 'relu']);
  if ((v = get('regularizer')) !== undefined)
    c.regularizer = choiceFlag<RegularizerKind>('regularizer', v, REGULARIZERS);
  if ((v = get('phi')) !== undefined) c.phi = numberFlag('phi', v, (n) => n > 0, 'a number > 0');
  if ((v = get('lambda')) !== undefined)
    c.lambda = numberFlag('lambda', v, (n) => n >= 0, 'a number ≥ 0');
  if ((v = get('k-unit')) !== undefined)
    c.kUnit = choiceFlag<KUnit>('k-unit', v, ['cycles', 'radians', 'index']);
  if ((v = get('alpha')) !== undefined)
    c.alpha = numberFlag('alpha', v, (n) => n >= 0 && n < 1, 'a number in [0, 1)');
  if ((v = get('val-fraction')) !== undefined)
    c.validationFraction = numberFlag(
      'val-fraction',
      v,
      (n) => n >= 0 && n < 1,
      'a number in [0, 1)',
    );
  if ((v = get('size')) !== undefined) c.size = intFlag('size', v, 1);
  if ((v = get('memory-budget')) !== undefined) c.memoryBudget = intFlag('memory-budget', v, 1);
  const fw = get('fault-worker');
  const fb = get('fault-at-batch');
  if ((fw === undefined) !== (fb === undefined))
    throw new UsageError(
      `--fault-worker and --fault-at-batch go together; got only --${fw === undefined ? 'fault-at-batch' : 'fault-worker'}`,
    );
  if (fw !== undefined && fb !== undefined) {
    const worker = intFlag('fault-worker', fw, 1);
    if (worker > c.workers)
      throw new UsageError(
        `--fault-worker must be 1…${c.workers} (the --workers count), got '${fw}'`,
      );
    c.fault = { worker, atBatch: intFlag('fault-at-batch', fb, 1) };
  }
  if (f.has('adaptive'))
    c.adaptive = { min: 1, max: Math.max(c.workers * 2, 2), minGain: 0.05, everyRounds: 5 };
  if (c.regularizer === 'penalty' && c.hidden.length === 0)
    throw new UsageError('--regularizer penalty needs at least one hidden layer (--hidden)');
  const json = get('json');
  return {
    config: c,
    ...(json !== undefined ? { json } : {}),
    inProcess: f.has('in-process'),
    quiet: f.has('quiet'),
  };
}
