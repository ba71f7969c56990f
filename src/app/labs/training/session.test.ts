import { describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../../train/runner';
import {
  DEFAULT_TRAINING_CONFIG,
  MAX_WORKERS,
  trainingConfigFromSearch,
  trainingSearchOf,
} from './lab-config';
import { createTrainingLab } from './session';

const inProcess = () => ({ runner: createInProcessRunner() });

describe('training lab session', () => {
  it('runs a configuration to the end and keeps what the views draw', async () => {
    const lab = createTrainingLab(inProcess, { ...DEFAULT_TRAINING_CONFIG, epochs: 3, workers: 3 });
    await lab.start();
    const s = lab.store.getState();
    expect(s.running).toBe(false);
    expect(s.error).toBeNull();
    expect(s.epochs).toHaveLength(3);
    expect(s.report?.epochs).toHaveLength(3);
    expect(new Set(s.batches.map((b) => b.slot))).toEqual(new Set([1, 2, 3]));
    expect(s.progress).toMatchObject({ epoch: 3, epochs: 3 });
    expect(s.log.some((l) => l.startsWith('Batch 1: processed'))).toBe(true);
    expect(s.latest?.sizes).toEqual([4, 16, 3]);
    expect(s.dataset?.count).toBe(150);
    expect(JSON.parse(lab.exportJson())).toMatchObject({ config: { dataset: 'iris', workers: 3 } });
  });

  it('kills a worker on request: the restart is recorded and the run ends as without it', async () => {
    const config = { ...DEFAULT_TRAINING_CONFIG, epochs: 4, workers: 2 };
    const clean = createTrainingLab(inProcess, config);
    await clean.start();
    const faulty = createTrainingLab(inProcess, config);
    expect(faulty.killWorker()).toBe(false); // no run yet
    let killed = false;
    const unsubscribe = faulty.store.subscribe((s) => {
      if (!killed && s.batches.length > 0) killed = faulty.killWorker();
    });
    await faulty.start();
    unsubscribe();
    expect(killed).toBe(true);
    expect(faulty.store.getState().workers.restarted).toBe(1);
    expect(faulty.store.getState().batches.filter((b) => b.restarted)).toHaveLength(1);
    expect(faulty.store.getState().report?.finalState).toEqual(
      clean.store.getState().report?.finalState,
    );
  });

  it('cancels a run between rounds', async () => {
    const lab = createTrainingLab(inProcess, { ...DEFAULT_TRAINING_CONFIG, epochs: 200 });
    const done = lab.start();
    lab.cancel();
    await done;
    expect(lab.store.getState()).toMatchObject({ running: false, cancelled: true });
    expect(lab.store.getState().epochs.length).toBeLessThan(200);
  });

  it("reports where the spectral step ran, and each worker's local state per epoch", async () => {
    const lab = createTrainingLab(inProcess, {
      ...DEFAULT_TRAINING_CONFIG,
      epochs: 2,
      workers: 2,
      regularizer: 'smooth',
    });
    await lab.start();
    const s = lab.store.getState();
    expect(s.spectral).toMatchObject({ backend: 'cpu' });
    expect(s.spectralShards.cpu).toBe(s.batches.length);
    expect(s.spectralShards.gpu).toBe(0);
    for (const e of s.epochs) {
      expect(e.workers?.map((w) => w.slot)).toEqual([1, 2]);
      for (const w of e.workers ?? []) expect(w.valAccuracy).toBeGreaterThanOrEqual(0);
    }
    // Each worker's local state differs from the merged one, so its figures are its own.
    const last = s.epochs[s.epochs.length - 1];
    expect(last?.workers?.some((w) => w.valLoss !== last.valLoss)).toBe(true);
    expect(s.batches.every((b) => b.accuracy >= 0 && b.accuracy <= 1)).toBe(true);
  });

  it('follows a memory budget changed mid-run, and logs each batch-size decision', async () => {
    // The budget is lifted from inside the 20th shard, so the change lands at a known round.
    let shards = 0;
    const lab = createTrainingLab(
      () => {
        const inner = createInProcessRunner();
        return {
          runner: {
            ...inner,
            run: (input, o) => {
              if (++shards === 20) lab.setConfig({ memoryBudgetKb: null });
              return inner.run(input, o);
            },
          },
        };
      },
      { ...DEFAULT_TRAINING_CONFIG, workers: 1, epochs: 6, memoryBudgetKb: 6 },
    );
    await lab.start();
    const d = lab.store.getState().decisions;
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ kind: 'batch-size', round: 1, from: 16, to: 8 });
    expect(d[0]?.kind === 'batch-size' && d[0].memoryBytes).toBeLessThanOrEqual(6 * 1024);
    expect(d[1]).toMatchObject({ kind: 'batch-size', round: 21, from: 8, to: 16 });
    expect(lab.store.getState().log.some((l) => l.startsWith('Batch size 16 → 8'))).toBe(true);
  });

  it('runs the adaptive worker count on a pool sized for its maximum', async () => {
    const sizes: number[] = [];
    const lab = createTrainingLab(
      (n) => {
        sizes.push(n);
        return inProcess();
      },
      { ...DEFAULT_TRAINING_CONFIG, epochs: 8, adaptive: true },
    );
    await lab.start();
    expect(sizes).toEqual([MAX_WORKERS]);
    const d = lab.store.getState().decisions;
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]).toMatchObject({ kind: 'workers', from: DEFAULT_TRAINING_CONFIG.workers });
    expect(lab.store.getState().log.some((l) => /^Workers \d+ → \d+/.test(l))).toBe(true);
  });

  it('round-trips the permalink and rejects a bad one', () => {
    const c = {
      ...DEFAULT_TRAINING_CONFIG,
      dataset: 'spirals' as const,
      hidden: [8, 8],
      regularizer: 'smooth' as const,
    };
    expect(trainingConfigFromSearch(trainingSearchOf(c))).toEqual(c);
    expect(
      trainingConfigFromSearch(
        '?train=' + encodeURIComponent(JSON.stringify({ ...c, workers: 0 })),
      ),
    ).toBeNull();
    expect(trainingConfigFromSearch('?train=%7Bnot-json')).toBeNull();
    // A link from before the run controls existed opens with their defaults.
    const added = new Set(['weightDecay', 'spectral', 'adaptive', 'memoryBudgetKb']);
    const old = Object.fromEntries(Object.entries(c).filter(([k]) => !added.has(k)));
    const oldLink = `?train=${encodeURIComponent(JSON.stringify(old))}`;
    expect(trainingConfigFromSearch(oldLink)).toEqual({
      ...c,
      weightDecay: 0,
      spectral: 'auto',
      adaptive: false,
      memoryBudgetKb: null,
    });
    expect(trainingConfigFromSearch('')).toBeNull();
  });
});
