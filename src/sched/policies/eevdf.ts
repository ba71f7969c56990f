/**
 * Earliest eligible virtual deadline first, in the manner of Linux's EEVDF (Stoica and
 * Abdel-Wahab 1995; Linux 6.6). Every task has weight 1 here (nice 0). Virtual time V advances
 * by the service delivered ÷ the number of tasks in the system; a task joins with eligible time
 * ve = V and requests one quantum, so its virtual deadline is vd = ve + quantum. After a slice
 * of service s, ve += s. A task is eligible when ve ≤ V (it is owed service, lag ≥ 0); among
 * eligible tasks the earliest vd runs. When none is eligible the smallest ve runs, so no core
 * idles while work waits (work-conserving, as Linux's multi-core EEVDF behaves).
 */
import type { Policy, PolicyContext, TaskState } from '../policy';

const EPS = 1e-12;

export function eevdfPolicy(ctx: PolicyContext): Policy {
  const ready: TaskState[] = [];
  const inSystem = new Set<number>();
  let virtualTime = 0;

  function better(a: TaskState, b: TaskState): boolean {
    return a.vd < b.vd || (a.vd === b.vd && a.index < b.index);
  }

  return {
    preemption: 'quantum',
    add(t) {
      if (!inSystem.has(t.index)) {
        inSystem.add(t.index);
        t.ve = virtualTime;
        t.vd = virtualTime + ctx.quantum;
      }
      ready.push(t);
    },
    take() {
      let pick = -1;
      let fallback = -1;
      for (let i = 0; i < ready.length; i++) {
        const t = ready[i] as TaskState;
        if (t.ve <= virtualTime + EPS) {
          if (pick < 0 || better(t, ready[pick] as TaskState)) pick = i;
        } else {
          const f = ready[fallback];
          if (!f || t.ve < f.ve || (t.ve === f.ve && t.index < f.index)) fallback = i;
        }
      }
      const at = pick >= 0 ? pick : fallback;
      if (at < 0) return null;
      const t = ready[at] as TaskState;
      ready[at] = ready[ready.length - 1] as TaskState;
      ready.pop();
      return t;
    },
    charge(t, work) {
      if (inSystem.size > 0) virtualTime += work / inSystem.size;
      t.ve += work;
      t.vd = t.ve + ctx.quantum;
    },
    complete(t) {
      inSystem.delete(t.index);
    },
  };
}
