import { describe, expect, it } from 'vitest';
import { pushCapped, ThroughputWindow } from './history';

describe('pushCapped', () => {
  it('appends until the cap, then drops the oldest', () => {
    let items: number[] = [];
    for (let i = 0; i < 5; i++) items = pushCapped(items, i, 3);
    expect(items).toEqual([2, 3, 4]);
  });

  it('returns a new array and leaves the input alone', () => {
    const before = [1, 2];
    const after = pushCapped(before, 3, 10);
    expect(after).toEqual([1, 2, 3]);
    expect(before).toEqual([1, 2]);
  });
});

describe('ThroughputWindow', () => {
  it('averages rates over the frames since the last take', () => {
    const w = new ThroughputWindow();
    w.add(10, 2e9, 4e9, 500);
    w.add(30, 6e9, 12e9, 1500);
    // 40 signals, 8 GFLOP and 16 GB in 2 s.
    expect(w.take()).toEqual({ signalsPerSecond: 20, gflops: 4, gbps: 8 });
    expect(w.take()).toBeNull();
  });
});
