import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../parallel/pool';
import { testWorkerScript } from '../../parallel/testing/node-script';
import type { ScoredTask } from '../types';
import { executeMode, MODES, planChains, predict, quantize, type JobRunner } from './execute';
import { batchOf, resolventJob, SIGNALS_PER_UNIT } from './job';
import type { SchedTasks } from './worker';

const tasks: ScoredTask[] = quantize(
  [0.3, 1.2, 0.5, 2, 0.1, 0.8].map((work, i) => ({ id: `t${i}`, arrival: i, work })),
);
const calibration = { secondsPerUnit: 0.002, overheadSeconds: 0.0001 };
const options = { executors: 2, chains: 2, faultRate: 0, seed: 3, calibration };
const inProcess: JobRunner = (job) => resolventJob(job);

describe('real execution', () => {
  it('quantizes work to whole signals and starts every task at 0', () => {
    for (const t of tasks) {
      expect(t.arrival).toBe(0);
      expect(t.work * SIGNALS_PER_UNIT).toBe(batchOf(t.work));
    }
  });

  it('plans hybrid chains that hold every task once, balanced by LPT', () => {
    const chains = planChains(tasks, 2);
    expect(chains.flat().sort()).toEqual(tasks.map((t) => t.id).sort());
    const load = chains.map((c) =>
      c.reduce((a, id) => a + (tasks.find((t) => t.id === id)?.work ?? 0), 0),
    );
    const total = load.reduce((a, b) => a + b, 0);
    expect(Math.max(...load)).toBeLessThanOrEqual((total / 2) * (4 / 3));
  });

  it('predicts sequential as Σ work × seconds per unit plus the round trips', () => {
    const work = tasks.reduce((a, t) => a + t.work, 0);
    const seq = predict(tasks, 'sequential', 2, 2, calibration);
    expect(seq).toBeCloseTo(work * 0.002 + (tasks.length - 1) * 0.0001, 12);
    expect(predict(tasks, 'parallel', 2, 2, calibration)).toBeLessThan(seq);
  });

  it('gives the same merged result in every mode, and re-runs jobs whose check fails', async () => {
    const merged: number[] = [];
    for (const mode of MODES) {
      const r = await executeMode(tasks, mode, inProcess, options);
      expect(r.reruns).toBe(0);
      merged.push(r.merged);
    }
    for (const m of merged) expect(m).toBeCloseTo(merged[0] ?? NaN, 9);
    const faulty = await executeMode(tasks, 'parallel', inProcess, { ...options, faultRate: 0.5 });
    expect(faulty.reruns).toBeGreaterThan(0);
    expect(faulty.merged).toBeCloseTo(merged[0] ?? NaN, 9);
  });
});

describe('real execution on the worker pool', () => {
  const pool = createWorkerPool<SchedTasks>({
    maxWorkers: 2,
    ...testWorkerScript(new URL('./worker.ts', import.meta.url)),
  });
  afterAll(() => pool.terminate());
  const onPool: JobRunner = async (job) => (await pool.exec('resolventJob', [job]).result).value;

  it('runs the three modes on worker threads with the same merged result', async () => {
    await pool.warm(2);
    const local = await executeMode(tasks, 'sequential', inProcess, options);
    for (const mode of MODES) {
      const r = await executeMode(tasks, mode, onPool, options);
      expect(r.merged).toBeCloseTo(local.merged, 9);
      expect(r.measuredSeconds).toBeGreaterThan(0);
    }
  }, 60_000);
});
