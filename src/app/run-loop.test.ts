import { describe, expect, it } from 'vitest';
import { createCpuEngine, GpuLimitError, type Engine, type ResolventOptions } from '../engine';
import { DEFAULT_CONFIG } from '../io/config';
import { startRunLoop } from './run-loop';
import { createAppStore } from './store';
import { startTestLoop, until } from './testing/run-loop-harness';
import { createWorkloadSource } from './workload-source';

const SMALL = { ...DEFAULT_CONFIG, n: 64, batch: 4 };

/** The CPU engine, wrapped to count calls, track concurrency and fail on demand. */
function instrumented() {
  const cpu = createCpuEngine();
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0 };
  let failWhen: (o: ResolventOptions) => Error | null = () => null;
  const engine: Engine = {
    ...cpu,
    backend: 'webgpu',
    async resolvent(data, options) {
      stats.calls += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        await Promise.resolve();
        const error = failWhen(options);
        if (error) throw error;
        return await cpu.resolvent(data, options);
      } finally {
        stats.inFlight -= 1;
      }
    },
    destroy: () => undefined,
  };
  return { engine, stats, fail: (f: typeof failWhen) => (failWhen = f) };
}

const start = startTestLoop;

/** A loop on `engine` whose paints (`nextFrame`) and clock the test controls. */
function loopWith(
  store: ReturnType<typeof createAppStore>,
  engine: Engine,
  timing: Pick<Parameters<typeof startRunLoop>[0], 'nextFrame' | 'now'>,
) {
  return startRunLoop({
    store,
    session: {
      ready: () => Promise.resolve({ engine, epoch: 1, lost: null }),
      reportLost: () => undefined,
      dispose: () => undefined,
    },
    workloads: createWorkloadSource(),
    ...timing,
  });
}

describe('run loop', () => {
  it('publishes frames with the engine numbers and never overlaps GPU work', async () => {
    const store = createAppStore(SMALL);
    const { engine, stats } = instrumented();
    const loop = start(store, engine);
    await until(store, () => (store.getState().frame?.seq ?? 0) >= 6);
    loop.stop();
    const { frame, history, signal } = store.getState();
    expect(stats.maxInFlight).toBe(1);
    expect(frame?.batch).toBe(4);
    expect(frame?.batchCoherence).toBeGreaterThan(0);
    expect(frame?.batchCoherence).toBeLessThanOrEqual(1);
    expect(signal?.original).toHaveLength(64);
    expect(signal?.coherence).toHaveLength(4);
    expect(history.length).toBeGreaterThan(0);
    expect(history.length).toBeLessThanOrEqual(300);
  });

  it('keeps the last good configuration when a new one exceeds a limit', async () => {
    const store = createAppStore(SMALL);
    const { engine, fail } = instrumented();
    fail((o) =>
      o.batch > 100 ? new GpuLimitError('maxBufferSize', 100, 'batch 128 does not fit') : null,
    );
    const loop = start(store, engine);
    await until(store, () => store.getState().frame !== null);
    store.getState().setConfig({ ...SMALL, batch: 128 });
    await until(store, () => store.getState().notices.some((n) => n.id === 'limit'));
    await until(store, () => store.getState().config.batch === 4);
    const seq = store.getState().frame?.seq ?? 0;
    await until(store, () => (store.getState().frame?.seq ?? 0) > seq + 2);
    loop.stop();
    const notice = store.getState().notices.find((n) => n.id === 'limit');
    expect(notice?.lines.join(' ')).toContain('maxBufferSize');
    expect(notice?.lines.join(' ')).toContain('100');
    expect(store.getState().frame?.batch).toBe(4);
  });

  it('a pause between frames shows the last frame computed, not the last one published', async () => {
    const store = createAppStore(SMALL);
    const { engine, stats } = instrumented();
    let t = 0;
    // The user pauses between frames 2 and 3; frame 2 came 10 ms after frame 1, inside the
    // publish throttle, so it was held back.
    const loop = loopWith(store, engine, {
      nextFrame: async () => {
        if (stats.calls === 2) store.getState().setRunning(false);
        await new Promise((r) => setTimeout(r, 0));
      },
      now: () => (t += 10),
    });
    await until(store, () => store.getState().idle && stats.calls === 2);
    loop.stop();
    expect(store.getState().frame?.seq).toBe(2);
  });

  it('a change that wakes a paused loop gets a paint before the frame on it is computed', async () => {
    const store = createAppStore(SMALL);
    const { engine, stats } = instrumented();
    store.getState().setRunning(false);
    const log: string[] = [];
    const loop = loopWith(store, engine, {
      nextFrame: async () => {
        log.push(`paint (${stats.calls} frames computed)`);
        await new Promise((r) => setTimeout(r, 0));
      },
      now: () => 0,
    });
    await until(store, () => store.getState().idle && stats.calls === 1);
    log.length = 0;
    store.getState().setConfig({ ...SMALL, batch: 2 });
    await until(store, () => store.getState().frame?.batch === 2);
    await until(store, () => store.getState().idle);
    loop.stop();
    // The paint comes while one frame (the first) has been computed, not two.
    expect(log[0]).toBe('paint (1 frames computed)');
    expect(stats.calls).toBe(2);
  });

  it('while paused, a step computes exactly one frame', async () => {
    const store = createAppStore(SMALL);
    const { engine, stats } = instrumented();
    store.getState().setRunning(false);
    const loop = start(store, engine);
    // Paused from the start: the first frame still comes (new inputs), then the loop parks.
    await until(store, () => store.getState().idle && store.getState().frame !== null);
    const calls = stats.calls;
    store.getState().step();
    await until(store, () => store.getState().frame?.seq === 2);
    await until(store, () => store.getState().idle);
    loop.stop();
    expect(stats.calls).toBe(calls + 1);
  });

  it('reset clears the history and restarts the frame count, also while paused', async () => {
    const store = createAppStore(SMALL);
    const { engine } = instrumented();
    const loop = start(store, engine);
    await until(store, () => store.getState().history.length >= 2);
    store.getState().setRunning(false);
    await until(store, () => store.getState().idle);
    store.getState().reset();
    expect(store.getState().history).toEqual([]);
    await until(store, () => store.getState().frame !== null);
    await until(store, () => store.getState().idle);
    loop.stop();
    expect(store.getState().frame?.seq).toBe(1);
    expect(store.getState().history.map((p) => p.frame)).toEqual([1]);
  });
});
