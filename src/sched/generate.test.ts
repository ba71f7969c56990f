import { describe, expect, it } from 'vitest';
import { FAMILIES, generateTasks, parseGenerateSpec, WORKLOADS } from './generate';

describe('generateTasks', () => {
  it('is a pure function of its options', () => {
    for (const workload of WORKLOADS) {
      const a = generateTasks({ workload, count: 30, seed: 4 });
      const b = generateTasks({ workload, count: 30, seed: 4 });
      expect(a).toEqual(b);
      expect(generateTasks({ workload, count: 30, seed: 5 })).not.toEqual(a);
    }
  });

  it('makes valid tasks with signals, arrivals in order and the offered load asked for', () => {
    for (const workload of WORKLOADS) {
      const tasks = generateTasks({ workload, count: 600, seed: 1, capacity: 4, load: 0.8 });
      let prev = 0;
      for (const t of tasks) {
        expect(t.arrival).toBeGreaterThanOrEqual(prev);
        prev = t.arrival;
        expect(t.work).toBeGreaterThan(0);
        expect(t.signal).toHaveLength(256);
        expect(FAMILIES).toContain(t.kind);
        if (t.deadline !== undefined) expect(t.deadline).toBeGreaterThan(t.arrival + t.work);
      }
      const work = tasks.reduce((a, t) => a + t.work, 0);
      const span = tasks[tasks.length - 1]?.arrival ?? 1;
      expect(work / span / 4).toBeGreaterThan(0.65);
      expect(work / span / 4).toBeLessThan(0.95);
    }
  });

  it('gives every task a deadline in the deadline workload, some in the others', () => {
    const all = (w: (typeof WORKLOADS)[number]) =>
      generateTasks({ workload: w, count: 200, seed: 2 }).filter((t) => t.deadline !== undefined)
        .length;
    expect(all('deadline')).toBe(200);
    expect(all('mixed')).toBeGreaterThan(30);
    expect(all('mixed')).toBeLessThan(100);
  });

  it('bursty arrivals come in groups of 20 within a short window', () => {
    const tasks = generateTasks({ workload: 'bursty', count: 60, seed: 3 });
    const first = tasks.slice(0, 20).map((t) => t.arrival);
    expect(Math.max(...first) - Math.min(...first)).toBeLessThan(0.05);
    expect((tasks[20]?.arrival ?? 0) - (tasks[19]?.arrival ?? 0)).toBeGreaterThan(0);
  });
});

describe('parseGenerateSpec', () => {
  it('reads WORKLOAD:COUNT and rejects anything else', () => {
    expect(parseGenerateSpec('bursty:12')).toEqual({ workload: 'bursty', count: 12 });
    for (const bad of ['mixed', 'mixed:', 'mixed:-1', 'steady:5', 'mixed:1e3', 'mixed:0']) {
      expect(() => parseGenerateSpec(bad), bad).toThrow(/WORKLOAD:COUNT/);
    }
  });
});
