/**
 * Work stealing with one deque per core (Blumofe and Leiserson 1999; Cilk, Rayon, Tokio). New
 * tasks are dealt to the live cores in turn; a core takes its newest task (LIFO, for locality),
 * and a core whose deque is empty steals the oldest task of another core, visiting victims in a
 * seeded random order. Tasks run to completion.
 */
import type { Policy, PolicyContext, TaskState } from '../policy';

export function workStealingPolicy(ctx: PolicyContext): Policy {
  const cores = ctx.speeds.length;
  const deques: TaskState[][] = Array.from({ length: cores }, () => []);
  let nextCore = 0;
  const dequeOf = (c: number) => deques[c] as TaskState[];

  function owner(): number {
    for (let i = 0; i < cores; i++) {
      const c = (nextCore + i) % cores;
      if (ctx.alive(c)) {
        nextCore = (c + 1) % cores;
        return c;
      }
    }
    throw new Error('work stealing: no live core to give a task to');
  }

  return {
    preemption: 'none',
    add: (t) => void dequeOf(owner()).push(t),
    take(core) {
      const own = dequeOf(core).pop();
      if (own) return own;
      const victims: number[] = [];
      for (let c = 0; c < cores; c++) if (c !== core && dequeOf(c).length > 0) victims.push(c);
      if (victims.length === 0) return null;
      const victim = victims[ctx.rng.int(victims.length)] as number;
      ctx.steal();
      return dequeOf(victim).shift() ?? null;
    },
    release(core) {
      const out = dequeOf(core);
      deques[core] = [];
      return out;
    },
  };
}
