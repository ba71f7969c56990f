/**
 * Policies with one ready queue shared by every core: FIFO, SJF, SRPT, EDF, round robin and the
 * documents' coherence scheduler. An idle core takes the head; the simulator offers idle cores
 * fastest first, so heterogeneous executors share the load in proportion to speed.
 */
import TinyQueue from 'tinyqueue';
import type { Policy, PolicyContext, Preemption, TaskState } from '../policy';
import {
  coherenceOrder,
  deadlineOrder,
  fifoOrder,
  shortestOrder,
  type Ordering,
} from './orderings';

function queuePolicy(order: Ordering, preemption: Preemption): Policy {
  const queue = new TinyQueue<TaskState>([], order);
  return {
    preemption,
    add: (t) => queue.push(t),
    take: () => queue.pop() ?? null,
    compare: order,
    peek: () => queue.peek(),
  };
}

export const fifoPolicy = (): Policy => queuePolicy(fifoOrder, 'none');
export const sjfPolicy = (): Policy => queuePolicy(shortestOrder, 'none');
/** Preemptive: an arrival with less work left than a running task takes its core. */
export const srptPolicy = (): Policy => queuePolicy(shortestOrder, 'arrival');
/** Preemptive: an arrival with an earlier deadline than a running task takes its core. */
export const edfPolicy = (): Policy => queuePolicy(deadlineOrder, 'arrival');

/** Round robin: a FIFO queue; a task whose quantum ends goes to the back. */
export function rrPolicy(): Policy {
  const queue: TaskState[] = [];
  let head = 0;
  return {
    preemption: 'quantum',
    add: (t) => void queue.push(t),
    take() {
      if (head >= queue.length) return null;
      const t = queue[head++] ?? null;
      // Compact now and then so a long run does not keep every task ever queued.
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      return t;
    },
  };
}

/**
 * The coherence scheduler exactly as the documents write it: every task with coherence below
 * the threshold (0.3) is dropped on arrival; the rest run highest coherence first, then highest
 * urgency, each to completion (the documents describe no preemption).
 */
export function coherencePolicy(ctx: PolicyContext): Policy {
  const inner = queuePolicy(coherenceOrder, 'none');
  return {
    ...inner,
    add(t, now) {
      if ((t.task.coherence ?? NaN) < ctx.coherenceThreshold) ctx.drop(t, now);
      else inner.add(t, now);
    },
  };
}
