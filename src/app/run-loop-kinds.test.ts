import { describe, expect, it } from 'vitest';
import { createCpuEngine, GpuLimitError, type Engine } from '../engine';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../io/config';
import { createAppStore, type AppStore } from './store';
import { startTestLoop, until } from './testing/run-loop-harness';

const QUANTUM: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  kind: 'quantum',
  n: 256,
  dx: 0.1,
  x0: -4,
  packetSigma: 1,
  dt: 0.005,
  stepsPerFrame: 4,
};

function start(store: AppStore, engine: Engine = createCpuEngine()) {
  return startTestLoop(store, engine);
}

describe('run loop: the quantum kind', () => {
  it('advances time by steps·dt every frame while running', async () => {
    const store = createAppStore(QUANTUM);
    const loop = start(store);
    await until(store, () => (store.getState().quantum?.seq ?? 0) >= 6);
    loop.stop();
    const view = store.getState().quantum;
    // Every frame advanced, published or not: frame k shows k·steps steps.
    expect(view?.steps).toBe((view?.seq ?? 0) * 4);
    expect(view?.t).toBeCloseTo((view?.seq ?? 0) * 4 * 0.005, 12);
    expect(view?.norm).toBeCloseTo(1, 10);
    const times = store.getState().quantumHistory.map((p) => p.t);
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('paused: a step advances once, a change of dt does not advance, reset goes to t = 0', async () => {
    const store = createAppStore(QUANTUM);
    store.getState().setRunning(false);
    const loop = start(store);
    await until(store, () => store.getState().idle && store.getState().quantum !== null);
    expect(store.getState().quantum?.t).toBe(0);
    store.getState().step();
    await until(store, () => store.getState().quantum?.seq === 2 && store.getState().idle);
    expect(store.getState().quantum?.t).toBeCloseTo(0.02, 12);
    store.getState().setConfig({ ...QUANTUM, dt: 0.01 });
    await until(store, () => store.getState().quantum?.seq === 3 && store.getState().idle);
    expect(store.getState().quantum?.t).toBeCloseTo(0.02, 12);
    store.getState().step();
    await until(store, () => store.getState().quantum?.seq === 4 && store.getState().idle);
    expect(store.getState().quantum?.t).toBeCloseTo(0.06, 12);
    store.getState().reset();
    expect(store.getState().quantum).toBeNull();
    await until(store, () => store.getState().quantum !== null && store.getState().idle);
    loop.stop();
    expect(store.getState().quantum?.t).toBe(0);
    expect(store.getState().quantumHistory.map((p) => p.t)).toEqual([0]);
  });

  it('a packet outside its grid is refused by name, and the last good configuration runs on', async () => {
    const store = createAppStore(QUANTUM);
    const loop = start(store);
    await until(store, () => store.getState().quantum !== null);
    store.getState().setConfig({ ...QUANTUM, x0: -40 });
    await until(store, () => store.getState().notices.some((n) => n.id === 'limit'));
    await until(store, () => store.getState().config.x0 === -4);
    const seq = store.getState().quantum?.seq ?? 0;
    await until(store, () => (store.getState().quantum?.seq ?? 0) > seq + 1);
    loop.stop();
    const notice = store.getState().notices.find((n) => n.id === 'limit');
    expect(notice?.lines.join(' ')).toMatch(/^x₀ must lie inside the grid/);
    expect(store.getState().running).toBe(true);
  });

  it('a GPU limit keeps the last good configuration, and the packet goes on from where it was', async () => {
    const cpu = createCpuEngine();
    const engine: Engine = {
      ...cpu,
      backend: 'webgpu',
      propagate: (psi, options) =>
        options.steps > 100
          ? Promise.reject(new GpuLimitError('maxComputeWorkgroupsPerDimension', 100, 'too many'))
          : cpu.propagate(psi, options),
    };
    const store = createAppStore(QUANTUM);
    const loop = start(store, engine);
    await until(store, () => (store.getState().quantum?.seq ?? 0) >= 2);
    const before = store.getState().quantum?.steps ?? 0;
    store.getState().setConfig({ ...QUANTUM, stepsPerFrame: 200 });
    await until(store, () => store.getState().notices.some((n) => n.id === 'limit'));
    await until(store, () => store.getState().config.stepsPerFrame === 4);
    const seq = store.getState().quantum?.seq ?? 0;
    await until(store, () => (store.getState().quantum?.seq ?? 0) > seq + 1);
    loop.stop();
    const view = store.getState().quantum;
    // No restart: the steps kept counting from before the refused configuration.
    expect(view?.steps).toBeGreaterThan(before);
    expect(view?.steps).toBe((view?.seq ?? 0) * 4);
  });
});

describe('run loop: switching kinds', () => {
  it('starts a new run: frame count, clock and histories from zero', async () => {
    const store = createAppStore({ ...QUANTUM, kind: 'resolvent', batch: 2 });
    const loop = start(store);
    await until(store, () => (store.getState().frame?.seq ?? 0) >= 3);
    store.getState().setConfig({ ...QUANTUM, batch: 2 });
    await until(store, () => store.getState().quantum !== null);
    const first = store.getState().quantum;
    expect(store.getState().frame).toBeNull();
    expect(store.getState().history).toEqual([]);
    await until(store, () => (store.getState().quantum?.seq ?? 0) >= 3);
    loop.stop();
    expect(first?.seq).toBeLessThanOrEqual(2);
    expect(first?.steps).toBe((first?.seq ?? 0) * 4);
  });
});

describe('run loop: the Walsh–Hadamard kind', () => {
  it('publishes both spectra of the shown signal with the coefficient counts', async () => {
    const config: PlaygroundConfig = {
      ...DEFAULT_CONFIG,
      kind: 'walsh',
      generator: 'square-aligned',
      f0: 1 / 32,
      n: 256,
      batch: 4,
    };
    const store = createAppStore(config);
    store.getState().selectSignal(2);
    const loop = start(store);
    await until(store, () => store.getState().walsh !== null);
    loop.stop();
    const view = store.getState().walsh;
    expect(view?.index).toBe(2);
    expect(view?.walsh).toHaveLength(256);
    expect(view?.walshCount).toBe(1);
    expect(view?.fourierCount).toBeGreaterThan(4);
    expect(view?.backend).toBe('cpu');
    expect(store.getState().frame).toBeNull();
  });
});
