import { describe, expect, it } from 'vitest';
import { parseClaimArgs } from './args';
import { CLAIM_MACHINE, CLAIM_METRICS, runClaimExperiment, type ClaimRuns } from './claim';
import { claimLabel, compareRuns, verdicts } from './compare';
import { formatClaimReport } from './format';
import { CliError } from '../cli-args';

describe('claimLabel', () => {
  it('places a reduction and its interval against the claimed 20–40%', () => {
    expect(claimLabel({ estimate: 0.3, lo: 0.25, hi: 0.35 })).toBe('within the claimed 20–40%');
    expect(claimLabel({ estimate: 0.05, lo: 0.02, hi: 0.08 })).toMatch(/less than the claimed 20%/);
    expect(claimLabel({ estimate: 0.6, lo: 0.5, hi: 0.7 })).toMatch(/more than the claimed 40%/);
    expect(claimLabel({ estimate: 0.01, lo: -0.02, hi: 0.05 })).toBe('no clear change');
    expect(claimLabel({ estimate: -0.3, lo: -0.4, hi: -0.2 })).toMatch(/more switches/);
  });
});

/** Runs whose coherence policy switches 30% less than FIFO but only by dropping 30% of tasks. */
function fakeRuns(seeds: number): ClaimRuns {
  const row = (scale: number, dropped: number) =>
    Object.fromEntries(
      CLAIM_METRICS.map((k) => [
        k,
        Array.from({ length: seeds }, (_, i) => {
          if (k === 'dropped') return dropped;
          if (k === 'droppedWork') return dropped;
          if (k === 'switchesPerTask') return 1;
          return (100 + i) * (k === 'contextSwitches' ? scale : 1);
        }),
      ]),
    ) as ClaimRuns['values'][string][string];
  return {
    machine: CLAIM_MACHINE,
    seeds,
    count: 100,
    load: 0.85,
    workloads: ['mixed'],
    policies: ['fifo', 'eevdf', 'coherence'],
    values: { mixed: { fifo: row(1, 0), eevdf: row(1.5, 0), coherence: row(0.7, 30) } },
    totalWork: { mixed: new Array<number>(seeds).fill(100) },
  };
}

describe('compareRuns and verdicts', () => {
  it('reports the ratio, the per-task ratio and what was dropped', () => {
    const runs = fakeRuns(10);
    const v = verdicts(runs).find((x) => x.baseline === 'fifo');
    expect(v?.reduction.estimate).toBeCloseTo(0.3, 12);
    expect(v?.label).toBe('within the claimed 20–40%');
    expect(v?.reductionPerTask.estimate).toBeCloseTo(0, 12);
    expect(v?.costs.droppedShare).toBeCloseTo(0.3, 12);
    const c = compareRuns(runs).find(
      (x) => x.policy === 'coherence' && x.baseline === 'fifo' && x.metric === 'dropped',
    );
    // FIFO drops nothing: no ratio, the difference instead.
    expect(c?.ratio).toBeNull();
    expect(c?.difference.estimate).toBe(30);
    const vs = verdicts(runs).find((x) => x.baseline === 'eevdf');
    expect(vs?.fifoReduction?.estimate).toBeCloseTo(1 - 1 / 1.5, 12);
    expect(formatClaimReport(runs, compareRuns(runs), verdicts(runs))).toMatch(/30\.0% fewer/);
  });

  it('runs every policy on paired seeds with a given scorer', async () => {
    const runs = await runClaimExperiment(async (s) => s.map((_, i) => (i % 4) / 4), {
      seeds: 2,
      count: 20,
      machine: CLAIM_MACHINE,
      workloads: ['mixed'],
    });
    expect(Object.keys(runs.values.mixed ?? {})).toHaveLength(10);
    // Scores 0 and 0.25 fall under 0.3: half of the 20 tasks.
    expect(runs.values.mixed?.coherence?.dropped).toEqual([10, 10]);
    expect(runs.values.mixed?.fifo?.dropped).toEqual([0, 0]);
  });
});

describe('parseClaimArgs', () => {
  it('reads the issue command and names bad flags', () => {
    expect(parseClaimArgs(['scheduler', '--seeds', '20', '--json', 'out.json'])).toMatchObject({
      seeds: 20,
      json: 'out.json',
      real: true,
    });
    expect(parseClaimArgs(['--no-real', '--count', '50'])).toMatchObject({
      real: false,
      count: 50,
    });
    expect(
      parseClaimArgs(['--real-only', '--no-gpu', '--executors', '3', '--chains', '2']),
    ).toMatchObject({
      realOnly: true,
      gpu: false,
      executors: 3,
      chains: 2,
    });
    for (const [argv, flag] of [
      [['--seeds', '1'], '--seeds'],
      [['--seeds', 'x'], '--seeds'],
      [['--count'], '--count'],
      [['--k-unit', 'hz'], '--k-unit'],
      [['--json'], '--json'],
      [['--bogus'], '--bogus'],
      [['--executors', '2', '--chains', '3'], '--chains'],
      [['--no-real', '--real-only'], '--real-only'],
    ] as const) {
      try {
        parseClaimArgs(argv);
        expect.unreachable(flag);
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        expect((e as CliError).flag).toBe(flag);
      }
    }
  });
});
