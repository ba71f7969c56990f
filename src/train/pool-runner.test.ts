import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import { createWorkerPool } from '../parallel/pool';
import { testWorkerScript } from '../parallel/testing/node-script';
import { twoSpirals } from './datasets';
import { REGULARIZER_DEFAULTS } from './local-steps';
import { initNetwork, maxParameterDifference } from './network';
import { OPTIMIZER_DEFAULTS } from './optim';
import { createPoolRunner, type TrainTaskRegistry } from './pool-runner';
import { ParallelBatchProcessor, type RunInput } from './processor';
import { createInProcessRunner } from './runner';

const pool = createWorkerPool<TrainTaskRegistry>({
  maxWorkers: 3,
  ...testWorkerScript(new URL('./worker.ts', import.meta.url)),
});
afterAll(() => pool.terminate());

const data = twoSpirals(96, 3);
const input = (extra: Partial<RunInput> = {}): RunInput => ({
  examples: data.x,
  labels: data.y,
  initialState: initNetwork(
    { sizes: [2, 10, 2], activation: 'tanh', optimizer: 'adam' },
    createRng(2),
  ),
  params: {
    loss: 'ce',
    optimizer: { ...OPTIMIZER_DEFAULTS, lr: 0.02 },
    regularizer: { ...REGULARIZER_DEFAULTS, kind: 'smooth' },
  },
  epochs: 2,
  seed: 4,
  ...extra,
});
const options = { numProcesses: 3, batchSize: 8, updateInterval: 2 };

describe('training on real worker threads', () => {
  it('gives the in-process result exactly, and survives a killed worker with the same final state', async () => {
    const local = await new ParallelBatchProcessor(options, createInProcessRunner()).runParallel(
      input(),
    );
    const threaded = await new ParallelBatchProcessor(options, createPoolRunner(pool)).runParallel(
      input({ faults: [{ worker: 2, atBatch: 2 }] }),
    );
    expect(maxParameterDifference(local.finalState, threaded.finalState)).toBe(0);
    expect(threaded.results.workers.restarted).toBe(1);
    const restarted = threaded.results.batches.filter((m) => m.restarted);
    expect(restarted.map((m) => [m.batch, m.slot])).toEqual([[2, 2]]);
    // Three workers took part, numbered by the pool, plus the one that replaced the killed one.
    expect(new Set(threaded.results.batches.map((m) => m.worker)).size).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
