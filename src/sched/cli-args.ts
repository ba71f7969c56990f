/**
 * The argument parser of `npm run sched`. Pure, so it is unit-tested; the script only does I/O.
 * Every error names the flag and the values it allows; the script exits 2 on it.
 */
import type { KUnit } from '../engine';
import { parseGenerateSpec, type WorkloadName } from './generate';
import { POLICY_NAMES, type PolicyName } from './types';

export const SCHED_USAGE = `usage: npm run sched -- --policy NAME --cores N [--speeds S1,S2,...] [--quantum Q]
  [--switch-cost C] [--miss-cost C] [--migration-cost C] (--tasks FILE | --generate WORKLOAD:COUNT)
  [--seed N] [--fail-core C --fail-at T] [--check-fail-rate P] [--k-unit radians|cycles|index]
  [--json FILE]
policies: ${POLICY_NAMES.join(', ')}; workloads: mixed, deadline, bursty`;

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly flag: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SchedArgs {
  policy: PolicyName;
  speeds: number[];
  quantum: number;
  switchCost: number;
  missCost: number;
  migrationCost: number;
  source: { tasks: string } | { generate: { workload: WorkloadName; count: number } };
  seed: number;
  failure: { core: number; at: number } | null;
  checkFailRate: number;
  kUnit: KUnit;
  json: string | null;
  help: boolean;
}

const K_UNITS: readonly KUnit[] = ['radians', 'cycles', 'index'];
const VALUED = new Set([
  '--policy',
  '--cores',
  '--speeds',
  '--quantum',
  '--switch-cost',
  '--miss-cost',
  '--migration-cost',
  '--tasks',
  '--generate',
  '--seed',
  '--fail-core',
  '--fail-at',
  '--check-fail-rate',
  '--k-unit',
  '--json',
]);

function num(flag: string, text: string, ok: (v: number) => boolean, allowed: string): number {
  const v = Number(text);
  if (text.trim() === '' || !ok(v))
    throw new CliError(flag, `${flag} must be ${allowed}; got '${text}'`);
  return v;
}

const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
const positive = (v: number) => Number.isFinite(v) && v > 0;

export function parseSchedArgs(argv: readonly string[]): SchedArgs {
  const seen = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--help' || a === '-h') {
      help = true;
      continue;
    }
    if (!VALUED.has(a)) throw new CliError(a, `unknown argument '${a}'\n${SCHED_USAGE}`);
    const v = argv[++i];
    if (v === undefined || VALUED.has(v)) throw new CliError(a, `${a} needs a value`);
    if (seen.has(a)) throw new CliError(a, `${a} is given twice`);
    seen.set(a, v);
  }
  const get = (f: string) => seen.get(f);
  const defaults: SchedArgs = {
    policy: 'fifo',
    speeds: [1],
    quantum: 1,
    switchCost: 0,
    missCost: 0,
    migrationCost: 0,
    source: { generate: { workload: 'mixed', count: 1 } },
    seed: 1,
    failure: null,
    checkFailRate: 0,
    kUnit: 'radians',
    json: null,
    help: true,
  };
  if (help) return defaults;

  const policyText = get('--policy');
  const policy = POLICY_NAMES.find((p) => p === policyText);
  if (!policy) {
    throw new CliError(
      '--policy',
      `--policy must be one of ${POLICY_NAMES.join(', ')}; got ${policyText === undefined ? 'nothing' : `'${policyText}'`}`,
    );
  }

  const coresText = get('--cores');
  const speedsText = get('--speeds');
  const cores =
    coresText === undefined
      ? undefined
      : num(
          '--cores',
          coresText,
          (v) => Number.isInteger(v) && v >= 1 && v <= 256,
          'a whole number from 1 to 256',
        );
  let speeds: number[];
  if (speedsText !== undefined) {
    speeds = speedsText
      .split(',')
      .map((s) => num('--speeds', s, positive, 'a comma-separated list of numbers > 0'));
    if (cores !== undefined && speeds.length !== cores) {
      throw new CliError(
        '--speeds',
        `--speeds lists ${speeds.length} speeds but --cores is ${cores}`,
      );
    }
  } else if (cores !== undefined) speeds = new Array<number>(cores).fill(1);
  else
    throw new CliError(
      '--cores',
      '--cores (or --speeds) is required: a whole number from 1 to 256',
    );

  const tasks = get('--tasks');
  const generate = get('--generate');
  if ((tasks === undefined) === (generate === undefined)) {
    throw new CliError('--tasks', 'give exactly one of --tasks FILE or --generate WORKLOAD:COUNT');
  }
  let source: SchedArgs['source'];
  if (tasks !== undefined) source = { tasks };
  else {
    try {
      source = { generate: parseGenerateSpec(generate ?? '') };
    } catch (e) {
      throw new CliError('--generate', (e as Error).message);
    }
  }

  const failCore = get('--fail-core');
  const failAt = get('--fail-at');
  if ((failCore === undefined) !== (failAt === undefined)) {
    throw new CliError(
      failCore === undefined ? '--fail-core' : '--fail-at',
      '--fail-core and --fail-at go together',
    );
  }
  const failure =
    failCore === undefined || failAt === undefined
      ? null
      : {
          core: num(
            '--fail-core',
            failCore,
            (v) => Number.isInteger(v) && v >= 0 && v < speeds.length,
            `a core from 0 to ${speeds.length - 1}`,
          ),
          at: num('--fail-at', failAt, nonNegative, 'a finite time ≥ 0'),
        };
  if (failure && speeds.length < 2)
    throw new CliError('--fail-core', '--fail-core needs at least 2 cores');

  const kUnitText = get('--k-unit') ?? 'radians';
  const kUnit = K_UNITS.find((u) => u === kUnitText);
  if (!kUnit)
    throw new CliError(
      '--k-unit',
      `--k-unit must be one of ${K_UNITS.join(', ')}; got '${kUnitText}'`,
    );

  const opt = (flag: string, fallback: number, ok: (v: number) => boolean, allowed: string) => {
    const t = get(flag);
    return t === undefined ? fallback : num(flag, t, ok, allowed);
  };
  return {
    policy,
    speeds,
    quantum: opt('--quantum', 1, positive, 'a finite number > 0'),
    switchCost: opt('--switch-cost', 0, nonNegative, 'a finite number ≥ 0'),
    missCost: opt('--miss-cost', 0, nonNegative, 'a finite number ≥ 0'),
    migrationCost: opt('--migration-cost', 0, nonNegative, 'a finite number ≥ 0'),
    source,
    seed: opt('--seed', 1, Number.isSafeInteger, 'a whole number'),
    failure,
    checkFailRate: opt('--check-fail-rate', 0, (v) => v >= 0 && v <= 0.9, 'a number from 0 to 0.9'),
    kUnit,
    json: get('--json') ?? null,
    help: false,
  };
}
