import { describe, expect, it } from 'vitest';
import { createRng } from '../measure';
import { twoSpirals, regression1d } from './datasets';
import { REGULARIZER_DEFAULTS, type RegularizerKind, type TrainParams } from './local-steps';
import { initNetwork, maxParameterDifference, type OptimizerKind } from './network';
import { OPTIMIZER_DEFAULTS } from './optim';
import { ParallelBatchProcessor, type RunInput } from './processor';
import { createInProcessRunner } from './runner';

function params(optimizer: OptimizerKind = 'sgd', kind: RegularizerKind = 'none'): TrainParams {
  return {
    loss: 'ce',
    optimizer: { ...OPTIMIZER_DEFAULTS, lr: optimizer === 'adam' ? 0.01 : 0.1 },
    regularizer: { ...REGULARIZER_DEFAULTS, kind, lambda: kind === 'grokfast' ? 0.5 : 0.01 },
  };
}

const data = twoSpirals(120, 1);

function input(
  extra: Partial<RunInput> = {},
  optimizer: OptimizerKind = 'sgd',
  kind: RegularizerKind = 'none',
): RunInput {
  const state = initNetwork(
    { sizes: [2, 12, 10, 2], activation: 'tanh', optimizer, gradientEma: kind === 'grokfast' },
    createRng(5),
  );
  return {
    examples: data.x,
    labels: data.y,
    initialState: state,
    params: params(optimizer, kind),
    epochs: 3,
    seed: 9,
    ...extra,
  };
}

async function train(
  options: { numProcesses: number; batchSize: number; updateInterval: number },
  run: RunInput,
) {
  return new ParallelBatchProcessor(options, createInProcessRunner()).runParallel(run);
}

describe('ParallelBatchProcessor', () => {
  it('K workers × batch B equal 1 worker × batch K·B with plain SGD and updateInterval 1', async () => {
    for (const [k, b] of [
      [4, 8],
      [3, 7], // 120 is not a multiple of 21: the epochs end in a short, unevenly split round
    ] as const) {
      const parallel = await train({ numProcesses: k, batchSize: b, updateInterval: 1 }, input());
      const single = await train({ numProcesses: 1, batchSize: k * b, updateInterval: 1 }, input());
      expect(parallel.results.rounds).toBe(single.results.rounds);
      expect(maxParameterDifference(parallel.finalState, single.finalState)).toBeLessThan(1e-12);
      // …and training moved the weights (the property is not about a state that stood still).
      expect(maxParameterDifference(parallel.finalState, input().initialState)).toBeGreaterThan(
        1e-3,
      );
    }
  });

  it('local steps (updateInterval > 1) are not the same as one big batch', async () => {
    const local = await train({ numProcesses: 4, batchSize: 8, updateInterval: 3 }, input());
    const single = await train({ numProcesses: 1, batchSize: 32, updateInterval: 1 }, input());
    expect(maxParameterDifference(local.finalState, single.finalState)).toBeGreaterThan(1e-6);
  });

  it('is deterministic per seed, for every optimizer and regularizer', async () => {
    for (const [opt, kind] of [
      ['sgd', 'none'],
      ['adam', 'smooth'],
      ['sgd', 'penalty'],
      ['adam', 'grokfast'],
    ] as const) {
      const o = { numProcesses: 3, batchSize: 8, updateInterval: 2 };
      const a = await train(o, input({}, opt, kind));
      const b = await train(o, input({}, opt, kind));
      expect(maxParameterDifference(a.finalState, b.finalState)).toBe(0);
      const other = await train(o, input({ seed: 10 }, opt, kind));
      expect(maxParameterDifference(a.finalState, other.finalState)).toBeGreaterThan(0);
    }
  });

  it('restarts a killed worker, reprocesses its batch, and ends in the fault-free state', async () => {
    const o = { numProcesses: 3, batchSize: 8, updateInterval: 2 };
    const clean = await train(o, input({}, 'adam'));
    const faulty = await train(o, input({ faults: [{ worker: 2, atBatch: 3 }] }, 'adam'));
    expect(maxParameterDifference(clean.finalState, faulty.finalState)).toBe(0);
    expect(faulty.results.workers).toEqual({ started: 4, restarted: 1 });
    expect(clean.results.workers).toEqual({ started: 3, restarted: 0 });
    const restarted = faulty.results.batches.filter((m) => m.restarted);
    expect(restarted).toHaveLength(1);
    expect(restarted[0]).toMatchObject({ batch: 3, slot: 2, worker: 4 });
    expect(faulty.results.log).toContain(
      'Worker 2: died during batch 3; restarted as worker 4, batch reprocessed',
    );
  });

  it("records per-batch metrics and the documents' log lines", async () => {
    const { results } = await train(
      { numProcesses: 2, batchSize: 10, updateInterval: 1 },
      input({ epochs: 1 }),
    );
    expect(results.rounds).toBe(6);
    expect(results.batches).toHaveLength(12);
    expect(results.batches.reduce((n, m) => n + m.examples, 0)).toBe(120);
    const m = results.batches[0];
    expect(m).toMatchObject({
      batch: 1,
      epoch: 1,
      worker: 1,
      slot: 1,
      examples: 10,
      restarted: false,
    });
    expect(m?.memoryBytes).toBeGreaterThan(0);
    expect(m?.bytesExchanged).toBeGreaterThan(0);
    expect(results.log).toContain('Batch 1: processed 20 examples');
    expect(results.log.some((l) => /^Worker 2: memory \d+(\.\d)? kB$/.test(l))).toBe(true);
  });

  it('shrinks the batch under a tight memory budget and grows it back when the budget relaxes', async () => {
    let budget = 1e9;
    const run = input({
      epochs: 2,
      memoryBudget: () => budget,
      onBatch: (m) => {
        if (m.batch === 2) budget = 6_000;
        if (m.batch === 6) budget = 1e9;
      },
    });
    const { results } = await train({ numProcesses: 2, batchSize: 16, updateInterval: 1 }, run);
    const d = results.batchDecisions;
    expect(d.length).toBeGreaterThanOrEqual(2);
    expect(d[0]?.to).toBeLessThan(16);
    expect(d[0]?.memoryBytes).toBeLessThanOrEqual(6_000);
    expect(d[d.length - 1]?.to).toBe(16);
    expect(results.log.some((l) => l.startsWith('Batch size 16 → '))).toBe(true);
  });

  it('stops at the target validation accuracy and reports where it was reached', async () => {
    const reg = regression1d(128, 2);
    const state = initNetwork(
      { sizes: [1, 16, 1], activation: 'tanh', optimizer: 'adam' },
      createRng(1),
    );
    const p = new ParallelBatchProcessor(
      { numProcesses: 2, batchSize: 16, updateInterval: 1 },
      createInProcessRunner(),
    );
    const { results } = await p.runParallel({
      examples: reg.x,
      labels: reg.y,
      initialState: state,
      params: { ...params('adam'), loss: 'mse' },
      epochs: 200,
      seed: 1,
      validation: { examples: reg.x, labels: reg.y },
      evaluateEvery: 2,
      stopAtValAccuracy: 0.3,
    });
    expect(results.reached).not.toBeNull();
    expect(results.reached?.valAccuracy).toBeGreaterThanOrEqual(0.3);
    expect(results.checkpoints[results.checkpoints.length - 1]).toBe(results.reached);
  });

  it('adapts the worker count from measured throughput and logs each decision', async () => {
    const { results } = await train(
      { numProcesses: 2, batchSize: 8, updateInterval: 1 },
      input({ epochs: 2, adaptive: { min: 1, max: 3, minGain: 0.05, everyRounds: 2 } }),
    );
    const first = results.workerDecisions[0];
    expect(first).toMatchObject({ from: 2, to: 3 });
    expect(results.log).toContain(
      `Workers 2 → 3: ${first?.throughput.toFixed(0)} examples/s (first measurement; trying 3)`,
    );
    // After the change, rounds run with the new count (3 shards of 8).
    const after = results.batches.filter((m) => m.batch === 3);
    expect(after).toHaveLength(3);
  });

  it('honours an abort signal between rounds', async () => {
    const ac = new AbortController();
    const { results } = await train(
      { numProcesses: 2, batchSize: 8, updateInterval: 1 },
      input({ signal: ac.signal, onBatch: (m) => m.batch === 2 && ac.abort() }),
    );
    expect(results.cancelled).toBe(true);
    expect(results.rounds).toBe(2);
  });
});
