import { describe, expect, it } from 'vitest';
import { createCpuEngine, type Engine } from '../engine';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../io/config';
import { WorkloadError } from '../workloads';
import { checkQuantum, createQuantumSim, quantumSetup } from './quantum-sim';

const SMALL: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  kind: 'quantum',
  n: 256,
  dx: 0.1,
  x0: -4,
  k0: 3,
  packetSigma: 1,
  dt: 0.005,
  stepsPerFrame: 10,
};

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}

describe('quantum sim: one frame after another', () => {
  it('advances time by steps·dt per frame, feeding each frame ψ from the one before', async () => {
    const cpu = createCpuEngine();
    const sim = createQuantumSim();
    const f1 = await sim.frame(cpu, SMALL, true);
    expect(f1.t).toBeCloseTo(0.05, 15);
    expect(f1.steps).toBe(10);
    const f2 = await sim.frame(cpu, SMALL, true);
    expect(f2.t).toBeCloseTo(0.1, 15);
    expect(f2.steps).toBe(20);
    // Two frames of 10 steps are one run of 20 steps from ψ at t = 0.
    const { psi0, potential, shape } = quantumSetup(SMALL);
    const once = await cpu.propagate(psi0, {
      shape,
      batch: 1,
      dt: 0.005,
      steps: 20,
      potential,
      dx: 0.1,
    });
    expect(maxDiff(f2.psi, once.data)).toBeLessThan(1e-12);
    expect(maxDiff(f2.psi, f1.psi)).toBeGreaterThan(1e-3);
  });

  it('keeps the norm and ⟨H⟩ of a packet, starting from k₀²/2 + 1/(8σ²)', async () => {
    const cpu = createCpuEngine();
    const sim = createQuantumSim();
    const free: PlaygroundConfig = { ...SMALL, potential: 'free' };
    const first = await sim.frame(cpu, free, false);
    expect(first.t).toBe(0);
    expect(first.timing).toBeNull();
    expect(first.norm).toBeCloseTo(1, 12);
    expect(first.energy.total).toBeCloseTo(3 ** 2 / 2 + 1 / 8, 6);
    let last = first;
    for (let i = 0; i < 5; i++) last = await sim.frame(cpu, free, true);
    expect(last.norm).toBeCloseTo(1, 12);
    expect(last.energy.total).toBeCloseTo(first.energy.total, 10);
    expect(last.timing?.method).toBe('wall');
  });

  it('does not advance a frame that only measures, and restarts at t = 0 after reset', async () => {
    const cpu = createCpuEngine();
    const sim = createQuantumSim();
    await sim.frame(cpu, SMALL, true);
    const moved = await sim.frame(cpu, SMALL, true);
    const held = await sim.frame(cpu, SMALL, false);
    expect(held.t).toBe(moved.t);
    expect(held.psi).toBe(moved.psi);
    sim.reset();
    const again = await sim.frame(cpu, SMALL, false);
    expect(again.t).toBe(0);
    expect(again.steps).toBe(0);
    expect(maxDiff(again.psi, quantumSetup(SMALL).psi0)).toBe(0);
    expect((await sim.frame(cpu, SMALL, true)).t).toBeCloseTo(0.05, 15);
  });

  it('goes on after a change of dt or steps, and restarts after a change of the problem', async () => {
    const cpu = createCpuEngine();
    const sim = createQuantumSim();
    await sim.frame(cpu, SMALL, true);
    const finer = await sim.frame(cpu, { ...SMALL, dt: 0.001, stepsPerFrame: 5 }, true);
    expect(finer.t).toBeCloseTo(0.05 + 0.005, 15);
    const moved = await sim.frame(cpu, { ...SMALL, x0: -3 }, true);
    expect(moved.t).toBeCloseTo(0.05, 15);
  });

  it('keeps ψ and t when a frame fails, and goes on from them on the next', async () => {
    const cpu = createCpuEngine();
    let fail = false;
    const flaky: Engine = {
      ...cpu,
      propagate: (psi, options) =>
        fail ? Promise.reject(new Error('device lost')) : cpu.propagate(psi, options),
    };
    const sim = createQuantumSim();
    const before = await sim.frame(flaky, SMALL, true);
    fail = true;
    await expect(sim.frame(flaky, SMALL, true)).rejects.toThrow('device lost');
    fail = false;
    const after = await sim.frame(flaky, SMALL, true);
    expect(after.t).toBeCloseTo(before.t + 0.05, 15);
  });
});

describe('quantum sim: the problem', () => {
  it('names the field a single input could not check', () => {
    expect(() => checkQuantum({ ...SMALL, n: 16 })).toThrow(WorkloadError);
    try {
      checkQuantum({ ...SMALL, n: 16 });
    } catch (e) {
      expect(e).toBeInstanceOf(WorkloadError);
      expect((e as WorkloadError).field).toBe('x0');
      expect((e as WorkloadError).message).toMatch(/^x₀ must lie inside the grid/);
    }
    expect(() => checkQuantum({ ...SMALL, potential: 'double-slit' })).toThrow(/needs a 2D grid/);
  });

  it('builds a 2D double slit with the packet left of the wall', () => {
    const setup = quantumSetup({
      ...SMALL,
      dims: 2,
      ny: 64,
      nx: 64,
      dx: 0.2,
      potential: 'double-slit',
    });
    expect(setup.shape).toEqual([64, 64]);
    expect(setup.potential).toHaveLength(64 * 64);
    expect(Math.max(...setup.potential)).toBe(DEFAULT_CONFIG.wallHeight);
    expect(setup.psi0).toHaveLength(2 * 64 * 64);
    expect(setup.barrier).toBeNull();
  });

  it('the default barrier splits the packet: part tunnels, part is reflected', async () => {
    const config: PlaygroundConfig = { ...DEFAULT_CONFIG, kind: 'quantum', stepsPerFrame: 500 };
    const cpu = createCpuEngine();
    const sim = createQuantumSim();
    let view = await sim.frame(cpu, config, false);
    expect(view.transmission?.measured).toBeLessThan(1e-6);
    for (let i = 0; i < 3; i++) view = await sim.frame(cpu, config, true);
    const t = view.transmission;
    expect(t?.measured).toBeGreaterThan(0.2);
    expect(t?.measured).toBeLessThan(0.8);
    expect(Math.abs((t?.measured ?? 0) - (t?.packet ?? 0))).toBeLessThan(0.05);
    expect(view.norm).toBeCloseTo(1, 10);
  });
});
