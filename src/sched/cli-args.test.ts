import { describe, expect, it } from 'vitest';
import { CliError, parseSchedArgs } from './cli-args';

function flagOf(argv: string[]): string {
  try {
    parseSchedArgs(argv);
  } catch (e) {
    if (e instanceof CliError) return e.flag;
    throw e;
  }
  return 'parsed';
}

describe('parseSchedArgs', () => {
  it('reads the full command of the issue', () => {
    const a = parseSchedArgs(
      '--policy edf --cores 4 --speeds 4,1,1,1 --quantum 1 --switch-cost 0.01 --miss-cost 0.05 --migration-cost 0.1 --generate mixed:500 --seed 1 --fail-core 2 --fail-at 10 --json out.json'.split(
        ' ',
      ),
    );
    expect(a).toMatchObject({
      policy: 'edf',
      speeds: [4, 1, 1, 1],
      quantum: 1,
      switchCost: 0.01,
      missCost: 0.05,
      migrationCost: 0.1,
      source: { generate: { workload: 'mixed', count: 500 } },
      seed: 1,
      failure: { core: 2, at: 10 },
      json: 'out.json',
      help: false,
    });
  });

  it('defaults: identical cores, zero costs, quantum 1, seed 1, radians', () => {
    const a = parseSchedArgs(['--policy', 'rr', '--cores', '3', '--tasks', 't.json']);
    expect(a).toMatchObject({
      speeds: [1, 1, 1],
      quantum: 1,
      switchCost: 0,
      seed: 1,
      kUnit: 'radians',
    });
    expect(a.source).toEqual({ tasks: 't.json' });
  });

  it('names the flag of every bad value', () => {
    const base = ['--policy', 'fifo', '--cores', '2', '--generate', 'mixed:10'];
    expect(flagOf(['--policy', 'lottery', '--cores', '2', '--generate', 'mixed:1'])).toBe(
      '--policy',
    );
    expect(flagOf(['--cores', '2', '--generate', 'mixed:1'])).toBe('--policy');
    expect(flagOf(['--policy', 'fifo', '--generate', 'mixed:1'])).toBe('--cores');
    expect(flagOf(['--policy', 'fifo', '--cores', '0', '--generate', 'mixed:1'])).toBe('--cores');
    expect(flagOf([...base, '--speeds', '1,2,3'])).toBe('--speeds');
    expect(flagOf([...base, '--speeds', '1,-2'])).toBe('--speeds');
    expect(flagOf([...base, '--quantum', '0'])).toBe('--quantum');
    expect(flagOf([...base, '--switch-cost', 'NaN'])).toBe('--switch-cost');
    expect(flagOf([...base, '--miss-cost', '-1'])).toBe('--miss-cost');
    expect(flagOf([...base, '--migration-cost', ''])).toBe('--migration-cost');
    expect(flagOf([...base, '--seed', '1.5'])).toBe('--seed');
    expect(flagOf([...base, '--fail-core', '2', '--fail-at', '1'])).toBe('--fail-core');
    expect(flagOf([...base, '--fail-core', '1'])).toBe('--fail-at');
    expect(flagOf([...base, '--fail-core', '1', '--fail-at', '-1'])).toBe('--fail-at');
    expect(flagOf([...base, '--k-unit', 'hz'])).toBe('--k-unit');
    expect(flagOf([...base, '--tasks', 'x.json'])).toBe('--tasks');
    expect(flagOf(['--policy', 'fifo', '--cores', '2', '--generate', 'weird:10'])).toBe(
      '--generate',
    );
    expect(flagOf(['--policy', 'fifo', '--cores', '2', '--generate', 'mixed:0'])).toBe(
      '--generate',
    );
    expect(flagOf([...base, '--verbose', '1'])).toBe('--verbose');
    expect(flagOf([...base, '--json'])).toBe('--json');
    expect(flagOf([...base, '--seed', '1', '--seed', '2'])).toBe('--seed');
  });

  it('says which values a flag allows', () => {
    expect(() =>
      parseSchedArgs(['--policy', 'x', '--cores', '1', '--generate', 'mixed:1']),
    ).toThrow(/fifo, rr, sjf, srpt, edf, lpt, ws, eevdf, coherence, adaptive/);
  });
});
