/**
 * Longest processing time first, as a load balancer that minimizes the maximum load. Tasks that
 * become ready at the same time are placed longest first, each on the core where it would
 * finish earliest: (time the core is busy + queued work + this work) ÷ speed. On identical
 * cores that is the least-loaded core, Graham's LPT (within 4/3 − 1/(3m) of the optimum when
 * all tasks are present at time 0); on heterogeneous cores it splits work in proportion to
 * speed. Each core then runs its own queue longest first, to completion. A failed core's
 * queue is placed again by the same rule.
 */
import TinyQueue from 'tinyqueue';
import type { Policy, PolicyContext, TaskState } from '../policy';

const longestFirst = (a: TaskState, b: TaskState) =>
  b.remaining - a.remaining || a.task.arrival - b.task.arrival || a.index - b.index;

export function lptPolicy(ctx: PolicyContext): Policy {
  const cores = ctx.speeds.length;
  const queues = Array.from({ length: cores }, () => new TinyQueue<TaskState>([], longestFirst));
  const queuedWork = new Float64Array(cores);
  let pending: TaskState[] = [];
  const queueOf = (c: number) => queues[c] as TinyQueue<TaskState>;

  function place(t: TaskState, now: number): void {
    let best = -1;
    let bestFinish = Infinity;
    for (let c = 0; c < cores; c++) {
      if (!ctx.alive(c)) continue;
      const speed = ctx.speeds[c] ?? 1;
      const finish =
        Math.max(now, ctx.busyUntil(c, now)) + ((queuedWork[c] ?? 0) + t.remaining) / speed;
      if (finish < bestFinish) {
        bestFinish = finish;
        best = c;
      }
    }
    if (best < 0) throw new Error('LPT: no live core to place a task on');
    queueOf(best).push(t);
    queuedWork[best] = (queuedWork[best] ?? 0) + t.remaining;
  }

  return {
    preemption: 'none',
    add: (t) => void pending.push(t),
    flush(now) {
      if (pending.length === 0) return;
      const batch = pending.sort(longestFirst);
      pending = [];
      for (const t of batch) place(t, now);
    },
    take(core) {
      const t = queueOf(core).pop();
      if (!t) return null;
      queuedWork[core] = Math.max(0, (queuedWork[core] ?? 0) - t.remaining);
      return t;
    },
    release(core) {
      const out: TaskState[] = [];
      const q = queueOf(core);
      for (let t = q.pop(); t; t = q.pop()) out.push(t);
      queuedWork[core] = 0;
      return out;
    },
  };
}
