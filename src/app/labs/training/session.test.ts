import { describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../../train/runner';
import { DEFAULT_TRAINING_CONFIG, trainingConfigFromSearch, trainingSearchOf } from './lab-config';
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
    expect(trainingConfigFromSearch('')).toBeNull();
  });
});
