import { afterAll, describe, expect, it } from 'vitest';
import { createCpuEngine } from '../../engine/cpu-engine';
import { createWorkerPool } from '../../parallel/pool';
import { testWorkerScript } from '../../parallel/testing/node-script';
import { resolventScorer } from '../coherence-score';
import { CLAIM_MACHINE, runClaimExperiment, runClaimSet, runClaimSets } from './claim';
import { compareRuns } from './compare';
import type { ClaimTasks } from './worker';

const scorer = resolventScorer(createCpuEngine());
const options = {
  seeds: 3,
  count: 20,
  machine: CLAIM_MACHINE,
  workloads: ['mixed', 'bursty'] as const,
};

describe('the claim experiment off the main thread', () => {
  const pool = createWorkerPool<ClaimTasks>({
    maxWorkers: 2,
    ...testWorkerScript(new URL('./worker.ts', import.meta.url)),
  });
  afterAll(() => pool.terminate());

  it('gives the same runs whichever order its sets finish in, on this thread or on workers', async () => {
    const serial = await runClaimExperiment(scorer, options);
    // Sets finishing out of order: later sets answer first.
    const shuffled = await runClaimSets(
      async (spec) => {
        await new Promise((r) => setTimeout(r, (5 - spec.seed) * 5));
        return runClaimSet(scorer, spec);
      },
      { ...options, concurrency: 4 },
    );
    expect(shuffled).toEqual(serial);
    const progress: number[] = [];
    const onWorkers = await runClaimSets(
      async (spec) => (await pool.exec('claimSet', [spec]).result).value,
      { ...options, concurrency: 2, onProgress: (done) => progress.push(done) },
    );
    expect(onWorkers).toEqual(serial);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    const { value } = await pool.exec('analyzeClaim', [serial]).result;
    expect(value.comparisons).toEqual(compareRuns(serial));
    expect(value.verdicts.length).toBeGreaterThan(0);
  }, 120_000);

  it('stops handing out sets when cancelled', async () => {
    const controller = new AbortController();
    let ran = 0;
    const run = runClaimSets(
      async (spec) => {
        if (++ran === 2) controller.abort();
        return runClaimSet(scorer, spec);
      },
      { ...options, signal: controller.signal },
    );
    await expect(run).rejects.toThrow('experiment cancelled');
    expect(ran).toBe(2);
  });
});
