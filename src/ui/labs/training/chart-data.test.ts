import { describe, expect, it } from 'vitest';
import type { BatchMetrics } from '../../../train/processor';
import { lossRows, timelineOf } from './chart-data';

const m = (
  batch: number,
  slot: number,
  ms: number,
  syncMs: number,
  loss = 1,
  restarted = false,
): BatchMetrics => ({
  batch,
  epoch: 1,
  worker: slot,
  slot,
  ms,
  syncMs,
  examples: 10,
  loss,
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

  it('gives per-worker and merged losses per round, thinned to a maximum', () => {
    const rows = lossRows([m(1, 1, 1, 0, 2), m(1, 2, 1, 0, 4)], 10);
    expect(rows).toEqual([{ batch: 1, w1: 2, w2: 4, merged: 3 }]);
    const many = Array.from({ length: 100 }, (_, i) => m(i + 1, 1, 1, 0));
    const thin = lossRows(many, 10);
    expect(thin.length).toBeLessThanOrEqual(11);
    expect(thin[thin.length - 1]?.batch).toBe(100);
  });
});
