import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../engine';
import { DEFAULT_CONFIG, MAX_PHI, workloadOf, type PlaygroundConfig } from '../io/config';
import { generate } from '../workloads';
import {
  createLiveClock,
  framePhi,
  frameWorkload,
  hopOf,
  sweepRange,
  SWEEP_PERIOD_FRAMES,
} from './live';
import { createAppStore } from './store';
import { startTestLoop, until } from './testing/run-loop-harness';
import { createWorkloadSource } from './workload-source';

const LIVE: PlaygroundConfig = { ...DEFAULT_CONFIG, n: 256, batch: 4, live: true };

describe('frameWorkload', () => {
  it('is the still workload when live mode is off, at any frame', () => {
    const still = { ...LIVE, live: false };
    for (const frame of [0, 1, 57]) expect(frameWorkload(still, frame)).toEqual(workloadOf(still));
  });

  it('starts live runs at the still workload (frame 0)', () => {
    expect(frameWorkload(LIVE, 0)).toEqual(workloadOf(LIVE));
  });

  it('gives the same samples for the same seed and frame, new ones for the next frame', () => {
    const five = generate(frameWorkload(LIVE, 5));
    expect(generate(frameWorkload({ ...LIVE }, 5))).toEqual(five);
    expect(generate(frameWorkload(LIVE, 6))).not.toEqual(five);
    expect(generate(frameWorkload({ ...LIVE, seed: 2 }, 5))).not.toEqual(five);
  });

  it('moves the window by a hop per frame and draws the noise afresh', () => {
    const spec = frameWorkload(LIVE, 3);
    expect(spec.t0).toBe(3 * hopOf(LIVE));
    expect(spec.noiseDraw).toBe(3);
    expect(hopOf(LIVE)).toBe(2);
    expect(hopOf({ dims: 2, n: 1024, nx: 64 })).toBe(1);
  });

  it('moves every generator: consecutive frames differ for each of them', () => {
    const cases: Partial<PlaygroundConfig>[] = [
      { generator: 'coherent' },
      { generator: 'chirp' },
      { generator: 'square' },
      { generator: 'impulse' },
      { generator: 'noise' },
      { generator: 'blob', dims: 2, ny: 16, nx: 16 },
      { generator: 'checkerboard', dims: 2, ny: 16, nx: 16, cell: 4 },
    ];
    for (const change of cases) {
      const config = { ...LIVE, ...change };
      const a = generate(frameWorkload(config, 10));
      expect(generate(frameWorkload(config, 11)), JSON.stringify(change)).not.toEqual(a);
    }
  });

  it('refuses a frame index that is not a whole number ≥ 0', () => {
    expect(() => frameWorkload(LIVE, -1)).toThrow(/whole number ≥ 0; got -1/);
    expect(() => framePhi(LIVE, 1.5)).toThrow(RangeError);
  });
});

describe('framePhi', () => {
  const sweeping = { ...LIVE, phi: 2, sweep: true };

  it('is the configured φ unless live mode sweeps it', () => {
    expect(framePhi({ ...sweeping, live: false }, 30)).toBe(2);
    expect(framePhi({ ...sweeping, sweep: false }, 30)).toBe(2);
  });

  it('swings from φ/10 to 10·φ and back over one period, starting at φ', () => {
    const q = SWEEP_PERIOD_FRAMES / 4;
    expect(framePhi(sweeping, 0)).toBe(2);
    expect(framePhi(sweeping, q)).toBeCloseTo(20, 9);
    expect(framePhi(sweeping, 3 * q)).toBeCloseTo(0.2, 9);
    expect(framePhi(sweeping, 7 + SWEEP_PERIOD_FRAMES)).toBe(framePhi(sweeping, 7));
    const [lo, hi] = sweepRange(sweeping);
    for (let f = 0; f < SWEEP_PERIOD_FRAMES; f++) {
      const phi = framePhi(sweeping, f);
      expect(phi).toBeGreaterThanOrEqual(lo * (1 - 1e-12));
      expect(phi).toBeLessThanOrEqual(hi * (1 + 1e-12));
    }
  });

  it('stays inside the rule for φ near its maximum', () => {
    const top = { ...sweeping, phi: MAX_PHI };
    expect(framePhi(top, SWEEP_PERIOD_FRAMES / 4)).toBe(MAX_PHI);
    expect(sweepRange(top)[1]).toBe(MAX_PHI);
  });
});

describe('createLiveClock', () => {
  it('moves on only while live mode is on and time advances, and resets to 0', () => {
    const clock = createLiveClock();
    expect(clock.next(LIVE, false)).toBe(0);
    expect(clock.next(LIVE, true)).toBe(1);
    expect(clock.next({ live: false }, true)).toBe(1);
    expect(clock.next(LIVE, true)).toBe(2);
    clock.reset();
    expect(clock.next(LIVE, false)).toBe(0);
  });
});

describe('the workload source in live mode', () => {
  it('makes a new streaming workload per frame, and keeps a still one cached', () => {
    const source = createWorkloadSource();
    const state = { config: LIVE, imported: null, audio: null };
    const one = source.get(state, 1);
    const two = source.get(state, 2);
    expect(one.key).not.toBe(two.key);
    expect(one.streaming).toBe(true);
    expect(two.data).not.toEqual(one.data);
    const still = { ...state, config: { ...LIVE, live: false } };
    const a = source.get(still, 1);
    expect(source.get(still, 2)).toBe(a);
    expect(a.streaming).toBeUndefined();
  });
});

describe('a live run loop', () => {
  it('publishes frames whose high-k energy changes, with the swept φ', async () => {
    const store = createAppStore({ ...LIVE, sweep: true });
    const loop = startTestLoop(store, createCpuEngine());
    const seen = new Set<number>();
    const phis = new Set<number>();
    await until(store, () => {
      const frame = store.getState().frame;
      if (frame) {
        seen.add(frame.batchHighKEnergy);
        phis.add(frame.phi);
      }
      return seen.size >= 4 && phis.size >= 4;
    });
    loop.stop();
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('repeats the same numbers frame after frame when live mode is off', async () => {
    const store = createAppStore({ ...LIVE, live: false });
    const loop = startTestLoop(store, createCpuEngine());
    await until(store, () => (store.getState().frame?.seq ?? 0) >= 4);
    const first = store.getState().frame?.batchHighKEnergy;
    await until(store, () => (store.getState().frame?.seq ?? 0) >= 8);
    loop.stop();
    expect(store.getState().frame?.batchHighKEnergy).toBe(first);
    expect(store.getState().frame?.phi).toBe(LIVE.phi);
  });
});
