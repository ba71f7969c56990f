import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../parallel/pool';
import { testWorkerScript } from '../../parallel/testing/node-script';
import { SchedError, type ScoredTask } from '../types';
import {
  CancelledError,
  describeExecutors,
  executeMode,
  executorsFor,
  MODES,
  planChains,
  predict,
  quantize,
  type Executor,
  type ModeRun,
} from './execute';
import { createCpuEngine } from '../../engine/cpu-engine';
import { gpuCalls, poolExecutors } from './executors';
import { formatRealSummary, summarizeRepeats } from './format';
import { batchOf, resolventJob, resolventOn, SIGNALS_PER_UNIT } from './job';
import { measuredProblems } from './measured-schedule';
import type { SchedTasks } from './worker';

const tasks: ScoredTask[] = quantize(
  [0.3, 1.2, 0.5, 2, 0.1, 0.8].map((work, i) => ({ id: `t${i}`, arrival: i, work })),
);
const slow = { secondsPerUnit: 0.002, overheadSeconds: 0.0001 };
const fast = { secondsPerUnit: 0.0005, overheadSeconds: 0.0003 };
const inProcess = (label: string, kind: Executor['kind'] = 'cpu'): Executor => ({
  label,
  kind,
  run: resolventJob,
});
const two = [inProcess('CPU 1'), inProcess('CPU 2')];
const options = { chains: 2, faultRate: 0, seed: 3, calibrations: [slow, slow] };

describe('real execution', () => {
  it('quantizes work to whole signals and starts every task at 0', () => {
    for (const t of tasks) {
      expect(t.arrival).toBe(0);
      expect(t.work * SIGNALS_PER_UNIT).toBe(batchOf(t.work));
    }
  });

  it('plans hybrid chains that hold every task once, balanced by LPT, in proportion to speed', () => {
    const chains = planChains(tasks, [slow, slow], 2);
    expect(chains.flat().sort()).toEqual(tasks.map((t) => t.id).sort());
    const workOf = (c: string[]) =>
      c.reduce((a, id) => a + (tasks.find((t) => t.id === id)?.work ?? 0), 0);
    const total = tasks.reduce((a, t) => a + t.work, 0);
    expect(Math.max(...chains.map(workOf))).toBeLessThanOrEqual((total / 2) * (4 / 3));
    // A 4× faster executor first in the plan takes the larger share of the work.
    const [onFast, onSlow] = planChains(tasks, [slow, fast], 2);
    expect(workOf(onFast ?? [])).toBeGreaterThan(2 * workOf(onSlow ?? []));
  });

  it('runs sequential on the fastest executor and refuses more chains than executors', () => {
    expect(executorsFor('sequential', [slow, fast, slow], 1)).toEqual([1]);
    expect(executorsFor('parallel', [slow, fast, slow], 1)).toEqual([1, 0, 2]);
    expect(executorsFor('hybrid', [slow, fast, slow], 2)).toEqual([1, 0]);
    expect(() => executorsFor('hybrid', [slow, fast], 3)).toThrow(SchedError);
    expect(() => executorsFor('hybrid', [slow, fast], 3)).toThrow(/chains must be .* \(2\); got 3/);
  });

  it('predicts sequential as Σ work × seconds per unit plus the round trips', () => {
    const work = tasks.reduce((a, t) => a + t.work, 0);
    const seq = predict(tasks, 'sequential', [slow, slow], 2);
    expect(seq).toBeCloseTo(work * 0.002 + (tasks.length - 1) * 0.0001, 12);
    expect(predict(tasks, 'parallel', [slow, slow], 2)).toBeLessThan(seq);
    // On the faster executor, with its own round trip.
    expect(predict(tasks, 'sequential', [slow, fast], 2)).toBeCloseTo(
      work * 0.0005 + (tasks.length - 1) * 0.0003,
      12,
    );
  });

  it('gives the same merged result in every mode on valid schedules, and re-runs failed jobs', async () => {
    const merged: number[] = [];
    for (const mode of MODES) {
      const r = await executeMode(tasks, mode, two, options);
      expect(r.reruns).toBe(0);
      const chains = mode === 'hybrid' ? planChains(tasks, options.calibrations, 2) : null;
      expect(measuredProblems(tasks, r, chains)).toEqual([]);
      merged.push(r.merged);
    }
    for (const m of merged) expect(m).toBeCloseTo(merged[0] ?? NaN, 9);
    const faulty = await executeMode(tasks, 'parallel', two, { ...options, faultRate: 0.5 });
    expect(faulty.reruns).toBeGreaterThan(0);
    expect(faulty.runs).toHaveLength(tasks.length + faulty.reruns);
    expect(measuredProblems(tasks, faulty)).toEqual([]);
    expect(faulty.merged).toBeCloseTo(merged[0] ?? NaN, 9);
  });

  it('reports progress and stops handing out tasks when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = executeMode(tasks, 'sequential', two, {
      ...options,
      signal: controller.signal,
      onTask: (done) => {
        seen.push(done);
        if (done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual([1, 2]);
  });

  it('finds overlapping runs, lost tasks and broken chains in a measured schedule', () => {
    const bad: ModeRun = {
      mode: 'hybrid',
      used: [0, 1],
      executors: ['GPU', 'CPU 1'],
      measuredSeconds: 1,
      predictedSeconds: 1,
      reruns: 0,
      merged: 0,
      runs: [
        { task: 't0', executor: 0, start: 0, end: 0.5, attempt: 0, ok: true },
        { task: 't1', executor: 0, start: 0.4, end: 0.9, attempt: 0, ok: true },
        { task: 't2', executor: 2, start: 0, end: 0.2, attempt: 0, ok: true },
      ],
    };
    const problems = measuredProblems(tasks.slice(0, 4), bad, [
      ['t1', 't0'],
      ['t2', 't3'],
    ]);
    expect(problems.join('\n')).toMatch(/executor 0: task t1 at 0.4 overlaps task t0/);
    expect(problems.join('\n')).toMatch(/task t2 ran on executor 2, not used/);
    expect(problems.join('\n')).toMatch(/task t3 finished 0 times/);
    expect(problems.join('\n')).toMatch(/chain 0 on executor 0 ran t0,t1, planned t1,t0/);
    expect(describeExecutors(['GPU', 'CPU 1', 'CPU 2'])).toBe('GPU + 2 CPU');
  });
});

describe("the GPU queue's calls", () => {
  it('covers a batch with calls of 32 and one padded call of 8, 16 or 32', () => {
    expect(gpuCalls(1)).toEqual([8]);
    expect(gpuCalls(9)).toEqual([16]);
    expect(gpuCalls(32)).toEqual([32]);
    expect(gpuCalls(70)).toEqual([32, 32, 8]);
    expect(gpuCalls(95)).toEqual([32, 32, 32]);
    for (let b = 1; b < 200; b++) {
      const total = gpuCalls(b).reduce((a, x) => a + x, 0);
      expect(total).toBeGreaterThanOrEqual(b);
      expect(total - b).toBeLessThan(Math.max(8, b % 32));
    }
  });

  it('gives the result of one call when split into padded calls', async () => {
    const job = { task: 'x', batch: 70, seed: 5, corrupt: false };
    const whole = await resolventOn(createCpuEngine(), job);
    const split = await resolventOn(createCpuEngine(), job, gpuCalls(70));
    expect(split.coherence).toBeCloseTo(whole.coherence, 12);
    expect(split.energy / whole.energy).toBeCloseTo(1, 12);
    await expect(resolventOn(createCpuEngine(), job, [32, 32])).rejects.toThrow(/do not cover/);
  });
});

describe('real execution summarized', () => {
  it('takes medians over repeats, each prediction from its own calibration', async () => {
    const repeats = [];
    for (const calibrations of [
      [slow, slow],
      [fast, fast],
      [slow, fast],
    ]) {
      const runs = [];
      for (const mode of MODES)
        runs.push(await executeMode(tasks, mode, two, { ...options, calibrations }));
      repeats.push({ calibrations, runs });
    }
    const s = summarizeRepeats('two in-process executors', tasks, two, repeats);
    expect(s.modes.map((m) => m.mode)).toEqual([...MODES]);
    const seq = s.modes[0];
    const predicted = repeats.map((r) => r.runs[0]?.predictedSeconds ?? NaN).sort((a, b) => a - b);
    expect(seq?.predicted).toBe(predicted[1]);
    expect(seq?.measuredMin).toBeLessThanOrEqual(seq?.measured ?? NaN);
    // Labels count executors by kind: the third repeat ran on the other CPU, still "CPU".
    expect(seq?.executors).toBe('CPU');
    expect(s.calibrations).toEqual([
      { kind: 'cpu', secondsPerUnit: 0.002, overheadSeconds: 0.0001 },
    ]);
    expect(formatRealSummary(s)).toMatch(/\| hybrid \| 2 CPU \| /);
  });
});

describe('real execution on the worker pool', () => {
  const pool = createWorkerPool<SchedTasks>({
    maxWorkers: 2,
    ...testWorkerScript(new URL('./worker.ts', import.meta.url)),
  });
  afterAll(() => pool.terminate());

  it('runs the three modes on worker threads beside a second kind of executor', async () => {
    await pool.warm(2);
    const local = await executeMode(tasks, 'sequential', two, options);
    const cpus = poolExecutors(pool, 2);
    for (const mode of MODES) {
      const r = await executeMode(tasks, mode, cpus, options);
      expect(r.merged).toBeCloseTo(local.merged, 9);
      expect(r.measuredSeconds).toBeGreaterThan(0);
      expect(measuredProblems(tasks, r)).toEqual([]);
    }
    // Heterogeneous: an in-process executor standing in for the GPU queue, calibrated 4× faster,
    // beside one pool worker; parallel uses both, sequential only the fast one.
    const mixed = [inProcess('GPU', 'gpu'), ...poolExecutors(pool, 1)];
    const calibrations = [fast, slow];
    const par = await executeMode(tasks, 'parallel', mixed, { ...options, calibrations });
    expect(par.executors).toEqual(['GPU', 'CPU 1']);
    expect(new Set(par.runs.map((r) => r.executor))).toEqual(new Set([0, 1]));
    expect(measuredProblems(tasks, par)).toEqual([]);
    const seq = await executeMode(tasks, 'sequential', mixed, { ...options, calibrations });
    expect(seq.executors).toEqual(['GPU']);
    expect(seq.merged).toBeCloseTo(local.merged, 9);
  }, 60_000);
});
