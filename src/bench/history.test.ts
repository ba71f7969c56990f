import { describe, expect, it } from 'vitest';
import {
  addToHistory,
  compareRuns,
  HISTORY_CAP,
  HISTORY_KEY,
  HISTORY_MAX_CHARS,
  loadHistory,
  saveHistory,
} from './history';
import { sampleRun } from './testing/sample-run';

function memoryStorage(limit = Infinity) {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new Error('QuotaExceededError');
      map.set(k, v);
    },
  };
}

describe('run history', () => {
  it('saves and loads runs, newest first, without duplicates', () => {
    const s = memoryStorage();
    let runs = addToHistory([], sampleRun(1));
    runs = addToHistory(runs, sampleRun(2));
    runs = addToHistory(runs, sampleRun(1));
    expect(saveHistory(s, runs, []).problem).toBeNull();
    expect(loadHistory(s).map((r) => r.id)).toEqual(['sample-1', 'sample-2']);
  });
  it('keeps at most HISTORY_CAP runs', () => {
    let runs = [sampleRun()];
    for (let i = 0; i < HISTORY_CAP + 5; i++)
      runs = addToHistory(runs, { ...sampleRun(), id: `r${i}` });
    expect(runs).toHaveLength(HISTORY_CAP);
    expect(runs[0]?.id).toBe(`r${HISTORY_CAP + 4}`);
  });
  it('a write that does not fit is refused whole, naming the size, and the old history stays', () => {
    const one = JSON.stringify([sampleRun()]).length;
    const s = memoryStorage(one * 2 + 10);
    const two = [1, 2].map((i) => ({ ...sampleRun(), id: `r${i}` }));
    expect(saveHistory(s, two, []).problem).toBeNull();
    const four = [3, 4, ...two.map((_, i) => i + 1)].map((i) => ({ ...sampleRun(), id: `r${i}` }));
    const outcome = saveHistory(s, four, two);
    expect(outcome.runs.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(outcome.problem).toMatch(/4 runs.*the browser refused \d+\.\d KiB.*2 runs kept before/);
    expect(loadHistory(s).map((r) => r.id)).toEqual(['r1', 'r2']);
  });
  it('an imported run over the history budget never reaches storage', () => {
    const s = memoryStorage();
    const kept = [sampleRun(1), sampleRun(2)];
    saveHistory(s, kept, []);
    const huge = { ...sampleRun(3), userAgent: 'x'.repeat(HISTORY_MAX_CHARS) };
    const outcome = saveHistory(s, addToHistory(kept, huge), kept);
    expect(outcome.problem).toMatch(/the largest 4\.0 MiB.*over this app's 4\.0 MiB limit/);
    expect(outcome.runs).toEqual(kept);
    expect(loadHistory(s)).toEqual(kept);
  });
  it('ignores damaged storage and drops runs that no longer fit the schema', () => {
    const s = memoryStorage();
    s.setItem(HISTORY_KEY, '{not json');
    expect(loadHistory(s)).toEqual([]);
    s.setItem(HISTORY_KEY, JSON.stringify([sampleRun(), { id: 'old format' }]));
    expect(loadHistory(s).map((r) => r.id)).toEqual(['sample-1']);
  });
});

describe('compareRuns', () => {
  it('matches cases by op, shape and batch and gives a ÷ b', () => {
    const deltas = compareRuns(sampleRun(2), sampleRun(1));
    const fft = deltas.find((d) => d.key === 'fft 1024 ×16');
    expect(fft?.speedup).toBeCloseTo(2, 12);
    const fftjs = deltas.find((d) => d.op === 'fftjs');
    expect(fftjs?.speedup).toBeCloseTo(1, 12);
  });
  it('keeps cases present in only one run, with no speed-up', () => {
    const b = sampleRun(1);
    const a = { ...sampleRun(1), cases: b.cases.filter((c) => c.op !== 'copy') };
    const copy = compareRuns(a, b).find((d) => d.op === 'copy');
    expect(copy).toMatchObject({ aMs: null, speedup: null });
    expect(copy?.bMs).toBeGreaterThan(0);
  });
});

describe('compareRuns on large runs', () => {
  it('is linear: 20k × 20k cases compare in a few seconds at most, not half a minute', () => {
    const base = sampleRun(1).cases[0];
    if (!base) throw new Error('sample run has no cases');
    const many = (offset: number) => ({
      ...sampleRun(1),
      cases: Array.from({ length: 20_000 }, (_, i) => ({ ...base, batch: i + 1 + offset })),
    });
    const t0 = performance.now();
    const deltas = compareRuns(many(0), many(10_000));
    const ms = performance.now() - t0;
    expect(deltas).toHaveLength(30_000);
    expect(deltas.filter((d) => d.speedup !== null)).toHaveLength(10_000);
    // The quadratic version took 7 s for 10k × 10k (28 s at this size); linear takes about
    // 0.3 s here, so the bound leaves room for a loaded CI machine.
    expect(ms).toBeLessThan(5000);
  });
});
