/**
 * Fuzzing the benchmark's boundaries: imported run JSON, the stored history and the `#bench=`
 * link. A run is either refused with a message naming the field path (or the size / JSON
 * problem), or accepted as a value the schema accepts again; comparing accepted runs and
 * computing chart ticks never throws; nothing takes over CASE_MS.
 */
import { describe, expect, it } from 'vitest';
import { anyValue, fuzz, int, mutateText, pick } from '../io/testing/fuzz';
import { finiteExtent, pow2Ticks } from '../ui/bench/chart-data';
import { compareRuns, HISTORY_KEY, loadHistory } from './history';
import { readBenchHash } from './permalink';
import { BenchRunSchema, parseBenchRun, type BenchRun } from './schema';
import { sampleRun } from './testing/sample-run';

const CASE_MS = 250;
const REFUSAL =
  /^(Not JSON: |Not a benchmark run: (\(root\)|[\w.]+): |Not a benchmark run: [\d.]+ MiB)/;

/** A random leaf or array of the run's JSON replaced by any JSON-able value or a long array. */
function damage(rng: Parameters<typeof mutateText>[0], run: BenchRun): unknown {
  const doc = JSON.parse(JSON.stringify(run)) as Record<string, unknown>;
  let node: unknown = doc;
  for (let depth = int(rng, 0, 4); depth > 0; depth--) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = pick(rng, keys);
    const child = (node as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null || rng.next() < 0.3) {
      const value =
        rng.next() < 0.2 && Array.isArray(child)
          ? new Array<unknown>(pick(rng, [0, 1, 2, 50, 1001, 4097, 6000])).fill(child[0] ?? 0)
          : anyValue(rng, 1);
      (node as Record<string, unknown>)[key] = typeof value === 'bigint' ? String(value) : value;
      break;
    }
    node = child;
  }
  return doc;
}

function refusedOrValid(text: string): BenchRun | null {
  try {
    const run = parseBenchRun(text);
    expect(BenchRunSchema.safeParse(JSON.parse(JSON.stringify(run))).success).toBe(true);
    return run;
  } catch (e) {
    if (!(e instanceof Error) || e.constructor !== Error) throw e;
    expect(e.message).toMatch(REFUSAL);
    return null;
  }
}

describe('fuzz: benchmark run JSON', () => {
  const base = sampleRun(1);
  const baseText = JSON.stringify(base);

  it('structural damage: refused naming the path, or accepted and comparable', () => {
    let accepted = 0;
    const report = fuzz(
      { seed: 1520, cases: 1500, totalMs: 3000, caseMs: CASE_MS },
      (rng) => {
        try {
          return JSON.stringify(damage(rng, base));
        } catch {
          return baseText;
        }
      },
      (text) => {
        const run = refusedOrValid(text);
        if (!run) return;
        accepted += 1;
        expect(compareRuns(base, run).length).toBeGreaterThan(0);
        for (const x of run.crossovers) pow2Ticks(x.points.map((p) => Math.log2(p.batch)));
      },
    );
    expect(report.cases).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(0);
  });

  it('text damage: never an untyped exception', () => {
    fuzz(
      { seed: 1521, cases: 1500, totalMs: 2000, caseMs: CASE_MS },
      (rng) => mutateText(rng, baseText, int(rng, 1, 6)),
      (text) => void refusedOrValid(text),
    );
  });

  it('the array caps name themselves', () => {
    const big = { ...base, cases: new Array(5000).fill(base.cases[0]) };
    expect(() => parseBenchRun(JSON.stringify(big))).toThrow(
      'Not a benchmark run: cases: at most 4096 cases are accepted (RUN_LIMITS); this file has 5000',
    );
    const points = new Array(5000).fill({
      batch: 1,
      gpuMs: 1,
      gpuRoundTripMs: null,
      cpuMs: 1,
      maxRelError: 0,
    });
    const crossed = {
      ...base,
      crossovers: [{ shape: [1024], points, batch: null, batchRoundTrip: null }],
    };
    expect(() => parseBenchRun(JSON.stringify(crossed))).toThrow(
      /crossovers\.0\.points: at most 4096 crossover points are accepted \(RUN_LIMITS\); this file has 5000/,
    );
    // 130k points (the crossover that crashed the chart) are 9 MiB: refused by size first.
    const huge = {
      ...crossed,
      crossovers: [{ ...crossed.crossovers[0], points: new Array(130_000).fill(points[0]) }],
    };
    expect(() => parseBenchRun(JSON.stringify(huge))).toThrow(
      /8\.\d MiB of text; the limit is 8 MiB/,
    );
    expect(() => parseBenchRun(' '.repeat(8 * 2 ** 20 + 1))).toThrow(
      'Not a benchmark run: 8.0 MiB of text; the limit is 8 MiB (RUN_LIMITS.fileBytes)',
    );
    expect(finiteExtent(points.map((p: { batch: number }) => p.batch))).toEqual({ lo: 1, hi: 1 });
  });
});

describe('fuzz: stored history and the bench link', () => {
  it('loadHistory never throws and returns only valid runs', () => {
    const stored = JSON.stringify([sampleRun(1), sampleRun(2)]);
    fuzz(
      { seed: 1522, cases: 600, totalMs: 2000, caseMs: CASE_MS },
      (rng) => mutateText(rng, stored, int(rng, 1, 5)),
      (text) => {
        const runs = loadHistory({ getItem: (k) => (k === HISTORY_KEY ? text : null) });
        for (const r of runs) expect(BenchRunSchema.safeParse(r).success).toBe(true);
      },
    );
  });

  it('readBenchHash never throws; a bench= without a suite always says why', () => {
    fuzz(
      { seed: 1523, cases: 3000, totalMs: 1500, caseMs: CASE_MS },
      (rng) => mutateText(rng, '#bench=quick&autorun', int(rng, 1, 6)),
      (hash) => {
        const { link, problem } = readBenchHash(hash);
        const hasBench = new URLSearchParams(hash.replace(/^#/, '')).has('bench');
        expect(link !== null || problem !== null).toBe(hasBench);
        if (problem) expect(problem).toMatch(/known suites: tiny, quick, full/);
      },
    );
  });
});
