import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli-args';
import { createInProcessRunner } from '../runner';
import { parseParallelArgs, parseRegularizerArgs, splitSubcommand } from './args';
import { claimVerdictLine, compareArms, verdictOf, type RunRecord } from './compare';
import { formatComparison } from './format';
import { runParallelExperiment, summarizeParallel } from './parallel';
import {
  armGrid,
  countRuns,
  REGULARIZER_TASKS,
  runRegularizerExperiment,
  seedRange,
  selectTasks,
} from './regularizer';

const rec = (arm: string, seed: number, steps: number, ms: number, flops: number): RunRecord => ({
  task: 't',
  arm,
  seed,
  reached: true,
  steps,
  ms,
  flops,
  regularizerFlops: 0,
  finalValAccuracy: 1,
});

describe('claim verdict', () => {
  it('reads the ratio intervals against the claimed 15% saving', () => {
    expect(
      verdictOf({ estimate: 0.7, lo: 0.6, hi: 0.8 }, { estimate: 0.7, lo: 0.6, hi: 0.8 }),
    ).toBe('supported');
    expect(
      verdictOf({ estimate: 0.7, lo: 0.6, hi: 0.8 }, { estimate: 1.1, lo: 0.9, hi: 1.3 }),
    ).toBe('contradicted');
    expect(
      verdictOf({ estimate: 0.9, lo: 0.7, hi: 1.1 }, { estimate: 0.8, lo: 0.6, hi: 0.84 }),
    ).toBe('inconclusive');
  });

  it('compares arms seed by seed with the control', () => {
    const records: RunRecord[] = [];
    for (let s = 1; s <= 8; s++) {
      records.push(rec('none', s, 100 * s, 10 * s, 1000 * s));
      records.push(rec('fast', s, 50 * s, 5 * s, 500 * s)); // half of the control, every seed
      records.push(rec('same', s, 100 * s + (s % 2 ? 1 : -1), 10 * s, 1000 * s));
    }
    const rows = compareArms(records, 'none', 1);
    const fast = rows.find((r) => r.arm === 'fast');
    expect(fast?.stepsRatio).toEqual({ estimate: 0.5, lo: 0.5, hi: 0.5 });
    expect(fast?.verdict).toBe('supported');
    expect(fast?.stepsP).toBeLessThan(0.01);
    const same = rows.find((r) => r.arm === 'same');
    expect(same?.verdict).toBe('contradicted');
    expect(same?.stepsP).toBeGreaterThan(0.5);
    expect(rows.find((r) => r.arm === 'none')?.verdict).toBe('control');
    expect(claimVerdictLine(rows)).toMatch(
      /supported in 1 of 2 .*\(fast on t\), contradicted in 1, inconclusive in 0/,
    );
    expect(formatComparison(rows).split('\n')).toHaveLength(5);
  });
});

describe('regularizer experiment', () => {
  it('gives every arm the same tuning budget', () => {
    const task = REGULARIZER_TASKS[0];
    if (!task) throw new Error('no task');
    for (const arm of ['none', 'penalty', 'smooth', 'grokfast'] as const)
      expect(armGrid(arm, task)).toHaveLength(4);
  });

  it('includes modular addition, trained with weight decay, under the same budget rules', () => {
    const modadd = REGULARIZER_TASKS.find((t) => t.name === 'modadd');
    expect(modadd?.config).toMatchObject({ dataset: 'modadd', optimizer: 'adam' });
    expect(modadd?.config.weightDecay).toBeGreaterThan(0);
    expect(parseRegularizerArgs([]).tasks).toContain('modadd');
    const [half] = selectTasks(['modadd'], 0.5);
    expect(half?.config.epochs).toBe(Math.round((modadd?.config.epochs ?? 0) / 2));
    expect(half?.config.weightDecay).toBe(modadd?.config.weightDecay);
    // Four settings per arm on each tuning seed, then every evaluation seed.
    expect(
      countRuns({
        tasks: selectTasks(['modadd'], 0.5),
        arms: ['none', 'grokfast'],
        seeds: seedRange(3, 1),
        tuningSeeds: [1001, 1002],
      }),
    ).toBe(2 * (4 * 2 + 3));
  });

  it('stops between runs when its signal aborts, keeping the finished runs', async () => {
    const abort = new AbortController();
    let runs = 0;
    const report = await runRegularizerExperiment({
      seeds: [1, 2],
      tuningSeeds: [7],
      tasks: selectTasks(['iris'], 0.02),
      arms: ['none', 'smooth'],
      runner: createInProcessRunner,
      hooks: { signal: abort.signal },
      onRun: () => {
        if (++runs === 5) abort.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(runs).toBe(5);
    expect(report.records).toEqual([]); // stopped while tuning the second arm
    expect(report.tuned.map((t) => t.arm)).toEqual(['none']);
  });

  it('runs paired seeds for every arm and is reproducible', async () => {
    const task = {
      name: 'iris',
      config: { dataset: 'iris' as const, hidden: [8], lr: 0.1, batchSize: 16, epochs: 6 },
      target: 0.9,
    };
    const run = () =>
      runRegularizerExperiment({
        seeds: [1, 2],
        tuningSeeds: [7],
        tasks: [task],
        arms: ['none', 'smooth'],
        runner: createInProcessRunner,
      });
    const a = await run();
    // Evaluation interleaves the arms seed by seed (a drifting machine slows a pair alike).
    expect(a.records.map((r) => `${r.arm}:${r.seed}`)).toEqual([
      'none:1',
      'smooth:1',
      'none:2',
      'smooth:2',
    ]);
    expect(a.tuned).toHaveLength(2);
    const b = await run();
    expect(b.records.map((r) => [r.steps, r.flops, r.reached])).toEqual(
      a.records.map((r) => [r.steps, r.flops, r.reached]),
    );
    for (const r of a.records) {
      expect(r.steps).toBeGreaterThan(0);
      expect(r.flops).toBeGreaterThan(0);
    }
    expect(a.records.find((r) => r.arm === 'smooth')?.regularizerFlops).toBeGreaterThan(0);
  });
});

describe('parallel experiment', () => {
  it('sweeps workers, intervals and shard kinds, and counts bytes exchanged', async () => {
    const records = await runParallelExperiment({
      base: { dataset: 'iris', hidden: [8], lr: 0.1, batchSize: 8, epochs: 3, evaluateEvery: 1 },
      target: 1.01, // unreachable: every run spends its whole budget
      workers: [1, 2],
      intervals: [1, 2],
      shards: ['iid', 'label-skewed'],
      seeds: [1],
      runner: () => createInProcessRunner(),
    });
    const rows = summarizeParallel(records);
    expect(rows).toHaveLength(8);
    const one = rows.find((r) => r.workers === 1 && r.updateInterval === 1 && r.shards === 'iid');
    const two = rows.find((r) => r.workers === 2 && r.updateInterval === 1 && r.shards === 'iid');
    // 120 training examples: 15 rounds of 8 per epoch with one worker, 8 rounds of 2 × 8 with two.
    expect(one?.medianRounds).toBe(3 * 15);
    expect(two?.medianRounds).toBe(3 * 8);
    expect(one?.reached).toBe(0);
    // Every shard costs a state each way: the same shards per epoch exchange the same bytes, and
    // two local steps per round (interval 2) halve the states exchanged.
    expect(two?.medianBytes).toBe(one?.medianBytes);
    const local = rows.find((r) => r.workers === 2 && r.updateInterval === 2 && r.shards === 'iid');
    expect(local?.medianBytes).toBeLessThan(0.8 * (two?.medianBytes ?? 0));
  });
});

describe('experiment arguments', () => {
  it('parses and rejects with the flag named', () => {
    expect(parseRegularizerArgs(['--seeds', '10', '--json', 'out.json'])).toMatchObject({
      seeds: 10,
      json: 'out.json',
      tuningSeeds: 2,
    });
    expect(parseRegularizerArgs(['--arms', 'none,smooth']).arms).toEqual(['none', 'smooth']);
    expect(() => parseRegularizerArgs(['--arms', 'smooth'])).toThrow(/include none/);
    expect(() => parseRegularizerArgs(['--tasks', 'cifar'])).toThrow(
      /--tasks must be one of iris, spirals, regression1d, modadd/,
    );
    expect(() => parseRegularizerArgs(['--seeds', 'ten'])).toThrow(/--seeds/);
    expect(parseParallelArgs(['--workers', '1,3', '--in-process'])).toMatchObject({
      workers: [1, 3],
      inProcess: true,
    });
    expect(() => parseParallelArgs(['--shards', 'iid,random'])).toThrow(
      /--shards must be one of iid, label-skewed/,
    );
    expect(() => splitSubcommand(['scheduler'], ['regularizer', 'parallel'])).toThrow(UsageError);
    expect(() => splitSubcommand([], ['regularizer', 'parallel'])).toThrow(
      /missing subcommand; valid: regularizer, parallel/,
    );
  });
});
