import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../parallel/pool';
import { testWorkerScript } from '../parallel/testing/node-script';
import type { FftTasks } from './fft-task';
import { runWorkerSweep, type SweepProgress } from './worker-sweep';

// Real worker threads of the shared pool, each loading the FFT task through tsx.
const pool = createWorkerPool<FftTasks>({
  maxWorkers: 2,
  ...testWorkerScript(new URL('./fft-task-worker.ts', import.meta.url)),
});
afterAll(() => pool.terminate());

describe('runWorkerSweep', () => {
  it('measures one point per worker count on the shared pool, reporting progress', async () => {
    const seen: SweepProgress[] = [];
    const sweep = await runWorkerSweep(
      pool,
      { counts: [1, 2], size: 64, signals: 8, repeats: 4, warmup: 0, rounds: 2, seed: 1 },
      (p) => seen.push(p),
    );
    expect(sweep.points.map((p) => p.x)).toEqual([1, 2]);
    // The repeats are calibrated (at least the plan's 4) so one worker's span outlasts a coarse
    // clock; every point uses the same repeats, and the method says how many.
    const repeats = sweep.points.map((p) => (p.y * p.medianMs) / (8 * 1e3));
    for (const [i, p] of sweep.points.entries()) {
      expect(p.y).toBeGreaterThan(0);
      expect(p.spansMs).toHaveLength(2);
      expect(repeats[i]).toBeCloseTo(Math.round(repeats[0] ?? 0), 6);
    }
    const r = Math.round(repeats[0] ?? 0);
    expect(r).toBeGreaterThanOrEqual(4);
    expect(sweep.method).toContain(`× ${r} per span`);
    expect(sweep.method).toMatch(/src\/parallel/);
    expect(seen.at(-1)).toMatchObject({ done: 2, total: 2 });
    expect(pool.counts().started).toBe(2);
  }, 60_000);
});
