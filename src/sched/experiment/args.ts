/** Arguments of `npm run experiment -- scheduler`; pure, unit-tested. */
import type { KUnit } from '../../engine';
import { CliError } from '../cli-args';

export interface ClaimArgs {
  seeds: number;
  count: number;
  json: string | null;
  kUnit: KUnit;
  /** Also run the real-execution comparison (CPU workers, and GPU + CPU workers). */
  real: boolean;
  /** Only the real-execution comparison, no claim experiment. */
  realOnly: boolean;
  /** Real execution also on the GPU queue beside the CPU workers (`webgpu` package). */
  gpu: boolean;
  /** Real execution: CPU worker threads (0: min(4, available cores)). */
  executors: number;
  /** Hybrid chains I (0: one per executor); at most the executors of each set. */
  chains: number;
  help: boolean;
}

export const CLAIM_USAGE =
  'usage: npm run experiment -- scheduler [--seeds N] [--count TASKS] [--k-unit radians|cycles|index] [--no-real | --real-only] [--no-gpu] [--executors N] [--chains I] [--json FILE]';

const K_UNITS: readonly KUnit[] = ['radians', 'cycles', 'index'];

export function parseClaimArgs(argv: readonly string[]): ClaimArgs {
  const a: ClaimArgs = {
    seeds: 20,
    count: 300,
    json: null,
    kUnit: 'radians',
    real: true,
    realOnly: false,
    gpu: true,
    executors: 0,
    chains: 0,
    help: false,
  };
  const rest = argv[0] === 'scheduler' ? argv.slice(1) : argv;
  const whole = (flag: string, v: string | undefined, lo: number, hi: number) => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isInteger(n) || n < lo || n > hi) {
      throw new CliError(
        flag,
        `${flag} must be a whole number from ${lo} to ${hi}; got ${v ?? 'nothing'}`,
      );
    }
    return n;
  };
  for (let i = 0; i < rest.length; i++) {
    const f = rest[i] ?? '';
    if (f === '--seeds') a.seeds = whole(f, rest[++i], 2, 1000);
    else if (f === '--count') a.count = whole(f, rest[++i], 10, 20000);
    else if (f === '--executors') a.executors = whole(f, rest[++i], 1, 64);
    else if (f === '--chains') a.chains = whole(f, rest[++i], 1, 64);
    else if (f === '--json') {
      const v = rest[++i];
      if (!v || v.startsWith('--')) throw new CliError(f, '--json needs a file name');
      a.json = v;
    } else if (f === '--k-unit') {
      const v = rest[++i];
      const u = K_UNITS.find((k) => k === v);
      if (!u)
        throw new CliError(
          f,
          `--k-unit must be one of ${K_UNITS.join(', ')}; got ${v ?? 'nothing'}`,
        );
      a.kUnit = u;
    } else if (f === '--no-real') a.real = false;
    else if (f === '--real-only') a.realOnly = true;
    else if (f === '--no-gpu') a.gpu = false;
    else if (f === '--help' || f === '-h') a.help = true;
    else throw new CliError(f, `unknown argument '${f}'\n${CLAIM_USAGE}`);
  }
  if (a.realOnly && !a.real)
    throw new CliError('--real-only', '--real-only and --no-real exclude each other');
  if (a.chains > 0 && a.executors > 0 && a.chains > a.executors) {
    throw new CliError(
      '--chains',
      `--chains must be at most --executors (${a.executors}); got ${a.chains}`,
    );
  }
  return a;
}
