import { describe, expect, it } from 'vitest';
import type { BatchMetrics, EpochMetrics } from '../../../train/processor';
import { epochRows, roundRows, timelineOf } from './chart-data';

const m = (
  batch: number,
  slot: number,
  ms: number,
  syncMs: number,
  loss = 1,
  restarted = false,
  accuracy = 0.5,
): BatchMetrics => ({
  batch,
  epoch: 1,
  worker: slot,
  slot,
  ms,
  syncMs,
  examples: 10,
  loss,
  accuracy,
  memoryBytes: 1,
  bytesExchanged: 1,
  restarted,
});

describe('training charts', () => {
  it('lays rounds end to end: compute bars, then the sync after the slowest shard', () => {
    const t = timelineOf([m(1, 1, 5, 2), m(1, 2, 3, 2), m(2, 1, 4, 1), m(2, 2, 6, 1, 1, true)], 10);
    expect(t.slots).toBe(2);
    expect(t.syncs).toEqual([
      { batch: 1, start: 5, ms: 2 },
      { batch: 2, start: 13, ms: 1 },
    ]);
    expect(t.bars.find((b) => b.batch === 2 && b.slot === 2)).toMatchObject({
      start: 7,
      ms: 6,
      restarted: true,
    });
    expect(t.total).toBe(14);
    expect(timelineOf([m(1, 1, 5, 2), m(2, 1, 4, 1)], 1).bars).toEqual([
      { slot: 1, worker: 1, batch: 2, start: 0, ms: 4, restarted: false },
    ]);
  });

  it('gives per-worker and merged losses and accuracies per round, thinned to a maximum', () => {
    const two = [m(1, 1, 1, 0, 2, false, 0.25), m(1, 2, 1, 0, 4, false, 0.75)];
    expect(roundRows(two, 'loss', 10)).toEqual([{ batch: 1, w1: 2, w2: 4, merged: 3 }]);
    expect(roundRows(two, 'accuracy', 10)).toEqual([{ batch: 1, w1: 0.25, w2: 0.75, merged: 0.5 }]);
    const many = Array.from({ length: 100 }, (_, i) => m(i + 1, 1, 1, 0));
    const thin = roundRows(many, 'loss', 10);
    expect(thin.length).toBeLessThanOrEqual(11);
    expect(thin[thin.length - 1]?.batch).toBe(100);
  });

  it("puts each worker's local validation accuracy beside the merged state's per epoch", () => {
    const e: EpochMetrics = {
      epoch: 3,
      loss: 0.5,
      accuracy: 0.8,
      valLoss: 0.6,
      valAccuracy: 0.7,
      ms: 1,
      workers: [
        { slot: 1, worker: 1, valLoss: 0.7, valAccuracy: 0.65 },
        { slot: 2, worker: 4, valLoss: 0.5, valAccuracy: 0.75 },
      ],
    };
    expect(epochRows([e])).toEqual([
      { epoch: 3, accuracy: 0.8, valAccuracy: 0.7, w1: 0.65, w2: 0.75 },
    ]);
  });
});
