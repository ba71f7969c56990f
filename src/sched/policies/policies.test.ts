import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { randomTasks } from '../testing/random-tasks';
import { DEFAULT_CONFIG, type PolicyName, type ScoredTask } from '../types';

const run = (policy: PolicyName, tasks: ScoredTask[], speeds = [1], quantum = 1) =>
  simulate(tasks, { ...DEFAULT_CONFIG, policy, speeds, quantum });
const completion = (r: ReturnType<typeof run>, id: string) =>
  r.outcomes.find((o) => o.id === id)?.completion ?? NaN;

describe('EEVDF', () => {
  it('serves a late arrival within about a quantum, where FIFO makes it wait for the long task', () => {
    const tasks = [
      { id: 'long', arrival: 0, work: 10 },
      { id: 'late', arrival: 5, work: 1 },
    ];
    expect(completion(run('fifo', tasks), 'late')).toBe(11);
    expect(completion(run('eevdf', tasks), 'late')).toBeLessThanOrEqual(7);
  });

  it('shares one core fairly between equal tasks (they finish within a quantum of each other)', () => {
    const tasks = ['a', 'b', 'c'].map((id) => ({ id, arrival: 0, work: 4 }));
    const r = run('eevdf', tasks, [1], 0.5);
    const ends = tasks.map((t) => completion(r, t.id));
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual(1 + 1e-9);
    expect(Math.max(...ends)).toBeCloseTo(12, 12);
  });
});

describe('SRPT', () => {
  it('preempts a running task for an arrival with less work left', () => {
    const tasks = [
      { id: 'long', arrival: 0, work: 10 },
      { id: 'short', arrival: 2, work: 1 },
    ];
    const r = run('srpt', tasks);
    expect(completion(r, 'short')).toBe(3);
    expect(r.schedule.map((e) => e.task)).toEqual(['long', 'short', 'long']);
  });
});

describe('work stealing', () => {
  it('idle cores steal from the busy deque', () => {
    // All tasks arrive at once and are dealt in turn; core 0 gets the long ones.
    const tasks = Array.from({ length: 12 }, (_, i) => ({
      id: `t${i}`,
      arrival: 0,
      work: i % 3 === 0 ? 5 : 0.5,
    }));
    const r = run('ws', tasks, [1, 1, 1]);
    expect(r.metrics.steals).toBeGreaterThan(0);
  });
});

describe('adaptive', () => {
  it('keeps probabilities summing to 1 with every arm explored, and moves them with feedback', () => {
    const r = run('adaptive', randomTasks(4, 200), [1, 1]);
    const samples = r.adaptive?.samples ?? [];
    expect(r.adaptive?.arms).toEqual(['fifo', 'sjf', 'edf', 'coherence']);
    expect(samples.length).toBe(201);
    for (const s of samples) {
      expect(s.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const p of s.p) expect(p).toBeGreaterThanOrEqual(0.1 / 4 - 1e-12);
    }
    expect(samples[samples.length - 1]?.p).not.toEqual(samples[0]?.p);
    expect(r.metrics.dropped).toBe(0);
  });
});
