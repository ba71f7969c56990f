/**
 * The orderings of the global-queue policies. Each is a total order (ties fall to arrival, then
 * input position) so a schedule depends on the seed alone, never on heap internals.
 */
import type { TaskState } from '../policy';

export type Ordering = (a: TaskState, b: TaskState) => number;

const byArrival: Ordering = (a, b) => a.task.arrival - b.task.arrival || a.index - b.index;

export const fifoOrder: Ordering = byArrival;

/** Shortest job first, by the work left (the full work for a task not yet started). */
export const shortestOrder: Ordering = (a, b) => a.remaining - b.remaining || byArrival(a, b);

/** Earliest deadline first; a task without a deadline comes after every task with one. */
export const deadlineOrder: Ordering = (a, b) => {
  const da = a.task.deadline ?? Infinity;
  const db = b.task.deadline ?? Infinity;
  return da === db ? byArrival(a, b) : da < db ? -1 : 1;
};

/** The documents' order: coherence, then urgency, highest first. */
export const coherenceOrder: Ordering = (a, b) =>
  (b.task.coherence ?? 0) - (a.task.coherence ?? 0) ||
  (b.task.urgency ?? 0) - (a.task.urgency ?? 0) ||
  byArrival(a, b);
