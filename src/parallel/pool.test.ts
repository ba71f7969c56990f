import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerLostError } from './pool';
import { testWorkerScript } from './testing/node-script';
import type { TestTasks } from './testing/test-worker';

// Real worker threads (each loads its TypeScript through tsx): one pool for the whole file.
const pool = createWorkerPool<TestTasks>({
  maxWorkers: 2,
  ...testWorkerScript(new URL('./testing/test-worker.ts', import.meta.url)),
});
afterAll(() => pool.terminate());

describe('worker pool (Node worker threads)', () => {
  it('starts workers ahead of work, runs typed tasks on distinct workers, returns typed arrays', async () => {
    await pool.warm(2);
    expect(pool.counts().started).toBe(2);
    const a = pool.exec('sum', [Float64Array.from([1, 2, 3.5])]);
    const b = pool.exec('double', [Float64Array.from([1, -2])]);
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect(ra.value).toBe(6.5);
    expect(Array.from(rb.value)).toEqual([2, -4]);
    expect(rb.value).toBeInstanceOf(Float64Array);
    expect(new Set([ra.workerId, rb.workerId]).size).toBe(2);
  }, 30_000);

  it('kills a busy worker, reports it lost, and serves later tasks on a fresh one', async () => {
    const before = pool.counts();
    const t = pool.exec('spin', [3000]);
    const id = await t.started;
    expect(pool.busy()).toContain(id);
    expect(pool.killWorker(id)).toBe(true);
    await expect(t.result).rejects.toBeInstanceOf(WorkerLostError);
    expect(pool.counts().restarted).toBe(before.restarted + 1);
    const next = await pool.exec('sum', [Float64Array.from([4])]).result;
    expect(next.value).toBe(4);
    expect(next.workerId).not.toBe(id);
    expect(pool.killWorker(9999)).toBe(false);
  }, 30_000);

  it('reports a worker that crashes on its own as lost', async () => {
    const before = pool.counts();
    await expect(pool.exec('crash', []).result).rejects.toBeInstanceOf(WorkerLostError);
    expect(pool.counts().restarted).toBe(before.restarted + 1);
    expect((await pool.exec('sum', [Float64Array.from([1, 1])]).result).value).toBe(2);
  }, 30_000);
});
