/**
 * Command-line arguments of `npm run fit` and `npm run scaling`, parsed without side effects so
 * they can be unit-tested; the scripts turn a UsageError into its message and exit code 2.
 */
import { isModelId, MODEL_IDS, type ModelId } from './models';

export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly flag: string | null,
  ) {
    super(message);
  }
}

export const FIT_USAGE =
  'usage: npm run fit -- --data FILE.csv [--model ' +
  [...MODEL_IDS, 'all'].join('|') +
  '] [--json OUT.json] [--seed N] [--resamples N]';

export const SCALING_USAGE =
  'usage: npm run scaling -- [--quick] [--json OUT.json] [--seed N] [--resamples N] ' +
  '[--max-workers N] [--no-gpu]';

export interface FitArgs {
  model: ModelId | 'all';
  data: string;
  json: string | null;
  seed: number;
  resamples: number;
}

export interface ScalingArgs {
  quick: boolean;
  json: string | null;
  seed: number;
  resamples: number;
  /** Largest worker count of the n sweep; null: 2 × hardwareConcurrency (oversubscribed). */
  maxWorkers: number | null;
  gpu: boolean;
}

function valueOf(argv: readonly string[], i: number, flag: string, what: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs ${what}`, flag);
  return v;
}

function integer(s: string, flag: string, min: number, max: number): number {
  const v = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(v) || v < min || v > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got '${s}')`, flag);
  return v;
}

/** `--help` is returned as 'help' so the script can print usage and exit 0. */
export function parseFitArgs(argv: readonly string[]): FitArgs | 'help' {
  let model: ModelId | 'all' = 'all';
  let data: string | null = null;
  let json: string | null = null;
  let seed = 1;
  let resamples = 400;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--model') {
      const v = valueOf(argv, i++, a, 'a model name');
      if (v !== 'all' && !isModelId(v))
        throw new UsageError(
          `--model must be one of ${[...MODEL_IDS, 'all'].join(', ')} (got '${v}')`,
          a,
        );
      model = v;
    } else if (a === '--data') data = valueOf(argv, i++, a, 'a CSV file with header x,y');
    else if (a === '--json') json = valueOf(argv, i++, a, 'an output file name');
    else if (a === '--seed') seed = integer(valueOf(argv, i++, a, 'an integer'), a, 0, 2 ** 31);
    else if (a === '--resamples')
      resamples = integer(valueOf(argv, i++, a, 'an integer'), a, 0, 100_000);
    else throw new UsageError(`unknown argument '${a}' (${FIT_USAGE})`, a);
  }
  if (data === null) throw new UsageError(`--data is required (${FIT_USAGE})`, '--data');
  return { model, data, json, seed, resamples };
}

export function parseScalingArgs(argv: readonly string[]): ScalingArgs | 'help' {
  const args: ScalingArgs = {
    quick: false,
    json: null,
    seed: 1,
    resamples: 400,
    maxWorkers: null,
    gpu: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--quick') args.quick = true;
    else if (a === '--no-gpu') args.gpu = false;
    else if (a === '--json') args.json = valueOf(argv, i++, a, 'an output file name');
    else if (a === '--seed')
      args.seed = integer(valueOf(argv, i++, a, 'an integer'), a, 0, 2 ** 31);
    else if (a === '--resamples')
      args.resamples = integer(valueOf(argv, i++, a, 'an integer'), a, 0, 100_000);
    else if (a === '--max-workers')
      args.maxWorkers = integer(valueOf(argv, i++, a, 'an integer'), a, 4, 256);
    else throw new UsageError(`unknown argument '${a}' (${SCALING_USAGE})`, a);
  }
  return args;
}
