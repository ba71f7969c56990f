import { describe, expect, it } from 'vitest';
import {
  addToHistory,
  compareRuns,
  HISTORY_CAP,
  HISTORY_KEY,
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
    saveHistory(s, runs);
    expect(loadHistory(s).map((r) => r.id)).toEqual(['sample-1', 'sample-2']);
  });
  it('keeps at most HISTORY_CAP runs', () => {
    let runs = [sampleRun()];
    for (let i = 0; i < HISTORY_CAP + 5; i++)
      runs = addToHistory(runs, { ...sampleRun(), id: `r${i}` });
    expect(runs).toHaveLength(HISTORY_CAP);
    expect(runs[0]?.id).toBe(`r${HISTORY_CAP + 4}`);
  });
  it('drops the oldest runs when storage is full', () => {
    const one = JSON.stringify([sampleRun()]).length;
    const s = memoryStorage(one * 2 + 10);
    const runs = [1, 2, 3, 4].map((i) => ({ ...sampleRun(), id: `r${i}` }));
    expect(saveHistory(s, runs).map((r) => r.id)).toEqual(['r1', 'r2']);
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
