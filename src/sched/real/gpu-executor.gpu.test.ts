/**
 * The GPU queue as an executor of real execution, on real WebGPU (Dawn; SwiftShader without a
 * GPU): every task's result against the float64 CPU engine running the same job, and the
 * measured schedules of the three modes, GPU alone and GPU beside a CPU worker of the pool.
 * Tolerance: batch coherence and batch energy within 1e-5 relative (float32 FFTs of 1024
 * points and float32 sums over at most 64 signals; the engine's own resolvent test uses the
 * same bound for its metrics).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { gpuFixture } from '../../engine/testing/gpu-fixture';
import { createWorkerPool } from '../../parallel/pool';
import { testWorkerScript } from '../../parallel/testing/node-script';
import { generateTasks } from '../generate';
import {
  calibrateExecutors,
  executeMode,
  MODES,
  planChains,
  quantize,
  type ModeRun,
} from './execute';
import { gpuExecutor, poolExecutors } from './executors';
import { batchOf, resolventJob } from './job';
import { measuredProblems } from './measured-schedule';
import type { SchedTasks } from './worker';

const gpu = gpuFixture();
const TOL = 1e-5;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
// Eight generated tasks (lognormal work, mean one unit), rounded to whole signals.
const tasks = quantize(generateTasks({ workload: 'mixed', count: 8, seed: 4 }));

describe('the GPU executor', () => {
  const pool = createWorkerPool<SchedTasks>({
    maxWorkers: 1,
    ...testWorkerScript(new URL('./worker.ts', import.meta.url)),
  });
  afterAll(() => pool.terminate());

  it('computes each task as the float64 CPU engine does', async () => {
    const ex = gpuExecutor(gpu.engine);
    expect(ex.kind).toBe('gpu');
    for (const [i, t] of tasks.entries()) {
      const job = { task: t.id, batch: batchOf(t.work), seed: 100 + i, corrupt: false };
      const [g, c] = await Promise.all([ex.run(job), resolventJob(job)]);
      expect(g.task).toBe(t.id);
      expect(rel(g.coherence, c.coherence), `${t.id} coherence`).toBeLessThan(TOL);
      expect(rel(g.energy, c.energy), `${t.id} energy`).toBeLessThan(TOL);
      // Not a constant: white noise keeps a share of its energy that depends on the draw.
      expect(c.coherence).toBeGreaterThan(0.2);
      expect(c.coherence).toBeLessThan(0.5);
    }
    const corrupted = await ex.run({ task: 'x', batch: 2, seed: 1, corrupt: true });
    expect(Number.isNaN(corrupted.coherence)).toBe(true);
  });

  it('runs one job at a time even when asked for two at once', async () => {
    const ex = gpuExecutor(gpu.engine);
    const spans: [number, number][] = [];
    const timed = async (seed: number) => {
      const r = await ex.run({ task: `s${seed}`, batch: 32, seed, corrupt: false });
      spans.push([performance.now() - r.ms, performance.now()]);
    };
    await Promise.all([timed(1), timed(2), timed(3)]);
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual((spans[i - 1]?.[1] ?? 0) - 1);
    }
  });

  it('runs the three modes on the GPU queue and a CPU worker, with valid measured schedules', async () => {
    await pool.warm(1);
    const executors = [gpuExecutor(gpu.engine), ...poolExecutors(pool, 1)];
    const calibrations = await calibrateExecutors(executors, 2);
    for (const c of calibrations) {
      expect(c.secondsPerUnit).toBeGreaterThan(0);
      expect(Number.isFinite(c.overheadSeconds)).toBe(true);
    }
    const reference = await executeMode(
      tasks,
      'sequential',
      [{ label: 'CPU', kind: 'cpu', run: resolventJob }],
      { chains: 1, faultRate: 0, seed: 1, calibrations: calibrations.slice(1) },
    );
    const options = { chains: 2, faultRate: 0.2, seed: 1, calibrations };
    const runs: ModeRun[] = [];
    for (const mode of MODES) {
      const r = await executeMode(tasks, mode, executors, options);
      const chains = mode === 'hybrid' ? planChains(tasks, calibrations, 2) : null;
      expect(measuredProblems(tasks, r, chains), mode).toEqual([]);
      expect(rel(r.merged, reference.merged), `${mode} merged`).toBeLessThan(TOL);
      expect(r.predictedSeconds).toBeGreaterThan(0);
      expect(r.measuredSeconds).toBeGreaterThan(0);
      runs.push(r);
    }
    // Parallel puts work on both executors (each takes a task at the start).
    expect(new Set(runs[1]?.runs.map((x) => x.executor)).size).toBe(2);
    expect(runs[2]?.used).toHaveLength(2);
    expect(runs.reduce((a, r) => a + r.reruns, 0)).toBeGreaterThan(0);
  });
});
