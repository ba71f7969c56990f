import { describe, expect, it } from 'vitest';
import { createCpuEngine, type Engine } from '../engine';
import { resolventScorer, SCHED_SCORE_DEFAULTS, scoreTasks } from './coherence-score';
import { generateTasks } from './generate';

function counting(engine: Engine): { engine: Pick<Engine, 'resolvent'>; calls: () => number } {
  let calls = 0;
  return {
    engine: {
      resolvent: (data, options) => {
        calls++;
        return engine.resolvent(data, options);
      },
    },
    calls: () => calls,
  };
}

describe('coherence from signals', () => {
  it("is the engine's per-signal coherence, computed in one batched call", async () => {
    const cpu = createCpuEngine();
    const tasks = generateTasks({ workload: 'mixed', count: 24, seed: 6 });
    const spy = counting(cpu);
    const scored = await scoreTasks(tasks, resolventScorer(spy.engine));
    expect(spy.calls()).toBe(1);
    for (let i = 0; i < 3; i++) {
      const signal = tasks[i]?.signal ?? [];
      const one = await cpu.resolvent(Float64Array.from(signal), {
        shape: [signal.length],
        batch: 1,
        real: true,
        ...SCHED_SCORE_DEFAULTS,
      });
      expect(scored[i]?.coherence).toBeCloseTo(one.coherence[0] ?? NaN, 12);
      expect(scored[i]).not.toHaveProperty('signal');
    }
  });

  it('scores golden tones high and white noise near the 0.3 threshold (radians)', async () => {
    const tasks = generateTasks({ workload: 'mixed', count: 120, seed: 2 });
    const scored = await scoreTasks(tasks, resolventScorer(createCpuEngine()));
    const of = (kind: string) =>
      scored.filter((t) => t.kind === kind).map((t) => t.coherence ?? NaN);
    expect(Math.min(...of('coherent'))).toBeGreaterThan(0.6);
    expect(Math.min(...of('blended'))).toBeGreaterThan(0.3);
    const noise = of('noise');
    expect(Math.min(...noise)).toBeLessThan(0.3);
    expect(Math.max(...noise)).toBeGreaterThan(0.3);
    expect(Math.max(...noise)).toBeLessThan(0.45);
  });

  it('in the playground unit (cycles) never falls below 1/(1 + φ/4), so 0.3 drops nothing', async () => {
    const tasks = generateTasks({ workload: 'mixed', count: 60, seed: 2 });
    const options = { ...SCHED_SCORE_DEFAULTS, kUnit: 'cycles' as const };
    const scored = await scoreTasks(tasks, resolventScorer(createCpuEngine(), options));
    const floor = 1 / (1 + options.phi / 4);
    for (const t of scored) expect(t.coherence).toBeGreaterThanOrEqual(floor);
  });

  it('keeps a coherence given in the file and makes one call per signal length', async () => {
    const spy = counting(createCpuEngine());
    const scored = await scoreTasks(
      [
        { id: 'given', arrival: 0, work: 1, coherence: 0.42, signal: [1, 0] },
        { id: 'short', arrival: 0, work: 1, signal: [1, 1, 1, 1] },
        { id: 'long', arrival: 0, work: 1, signal: [1, -1, 1, -1, 1, -1, 1, -1] },
        { id: 'none', arrival: 0, work: 1 },
      ],
      resolventScorer(spy.engine),
    );
    expect(spy.calls()).toBe(2);
    expect(scored[0]?.coherence).toBe(0.42);
    expect(scored[1]?.coherence).toBeCloseTo(1, 12);
    expect(scored[2]?.coherence).toBeLessThan(0.2);
    expect(scored[3]?.coherence).toBeUndefined();
  });
});
