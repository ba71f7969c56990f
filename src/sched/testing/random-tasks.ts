/** Small seeded task sets for the simulator's property tests. */
import { createRng } from '../../measure/rng';
import type { ScoredTask } from '../types';

export function randomTasks(seed: number, count: number, integer = false): ScoredTask[] {
  const rng = createRng(seed);
  const value = (lo: number, hi: number) =>
    integer ? lo + rng.int(hi - lo + 1) : lo + (hi - lo) * rng.next();
  return Array.from({ length: count }, (_, i) => {
    const arrival = value(0, 10);
    const work = integer ? value(1, 5) : value(0.05, 4);
    return {
      id: `t${i}`,
      arrival,
      work,
      deadline: arrival + work * value(1, 6),
      urgency: rng.next(),
      kind: ['a', 'b', 'c'][rng.int(3)] ?? 'a',
      coherence: rng.next(),
    };
  });
}

/**
 * A single-core set that some non-preemptive order meets every deadline of (built from that
 * order), so it is feasible and EDF, optimal on one core, must meet them all.
 */
export function feasibleSingleCore(seed: number, count: number): ScoredTask[] {
  const rng = createRng(seed);
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const tasks: ScoredTask[] = [];
  let t = 0;
  for (const i of order) {
    const arrival = Math.max(0, t - rng.int(4));
    const work = 1 + rng.int(4);
    const start = Math.max(t, arrival);
    t = start + work;
    tasks.push({ id: `t${i}`, arrival, work, deadline: t + rng.int(3) });
  }
  return tasks;
}

/** The optimal makespan of tasks all present at time 0 on m identical cores, by enumeration. */
export function bruteForceMakespan(works: readonly number[], m: number): number {
  const loads = new Float64Array(m);
  let best = Infinity;
  const go = (i: number): void => {
    if (i === works.length) {
      best = Math.min(best, Math.max(...loads));
      return;
    }
    const w = works[i] ?? 0;
    for (let c = 0; c < m; c++) {
      loads[c] = (loads[c] ?? 0) + w;
      if ((loads[c] ?? 0) < best) go(i + 1);
      loads[c] = (loads[c] ?? 0) - w;
      // Empty cores are interchangeable: trying one of them is enough.
      if (loads[c] === 0) break;
    }
  };
  go(0);
  return best;
}
