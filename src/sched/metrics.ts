/**
 * The metrics of a finished simulation, from the schedule and the outcomes alone. Dropped work
 * is reported as lost, never as a saving: the lower bound counts every submitted task, so a
 * policy that drops work can finish "below" it, and that is a warning sign, not a result.
 */
import { mean, quantile } from '../measure/summary';
import type { Metrics, RunEntry, ScoredTask, TaskOutcome } from './types';

/** max(Σ work ÷ Σ speed, max work ÷ max speed): no schedule of these tasks can finish sooner. */
export function makespanLowerBound(
  tasks: readonly Pick<ScoredTask, 'work'>[],
  speeds: readonly number[],
): number {
  if (tasks.length === 0) return 0;
  const totalWork = tasks.reduce((a, t) => a + t.work, 0);
  const totalSpeed = speeds.reduce((a, s) => a + s, 0);
  const maxWork = Math.max(...tasks.map((t) => t.work));
  return Math.max(totalWork / totalSpeed, maxWork / Math.max(...speeds));
}

export interface MetricInputs {
  tasks: readonly ScoredTask[];
  speeds: readonly number[];
  schedule: readonly RunEntry[];
  outcomes: readonly TaskOutcome[];
  /** Per core: when it failed (Infinity if never). */
  failedAt: readonly number[];
  counts: {
    switches: number;
    misses: number;
    migrations: number;
    reruns: number;
    steals: number;
    overhead: number;
  };
}

export function computeMetrics(m: MetricInputs): Metrics {
  const responses: number[] = [];
  let makespan = 0;
  let deadlineMisses = 0;
  let dropped = 0;
  let droppedWork = 0;
  m.outcomes.forEach((o, i) => {
    const t = m.tasks[i];
    if (!t) return;
    if (o.dropped) {
      dropped++;
      droppedWork += t.work;
      if (t.deadline !== undefined) deadlineMisses++;
      return;
    }
    if (o.completion === null) return;
    makespan = Math.max(makespan, o.completion);
    responses.push(o.completion - t.arrival);
    if (t.deadline !== undefined && o.completion > t.deadline) deadlineMisses++;
  });
  const busy = m.schedule.reduce((a, r) => a + (r.end - r.start), 0);
  const available = m.failedAt.reduce((a, f) => a + Math.min(f, makespan), 0);
  return {
    makespan,
    lowerBound: makespanLowerBound(m.tasks, m.speeds),
    meanResponse: responses.length ? mean(responses) : 0,
    p99Response: responses.length ? quantile(responses, 0.99) : 0,
    deadlineMisses,
    dropped,
    droppedWork,
    contextSwitches: m.counts.switches,
    cacheMisses: m.counts.misses,
    migrations: m.counts.migrations,
    utilization: available > 0 ? busy / available : 0,
    completed: responses.length,
    reruns: m.counts.reruns,
    overheadTime: m.counts.overhead,
    steals: m.counts.steals,
  };
}
