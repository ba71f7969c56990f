/**
 * Checks that a schedule is one the machine could have run: each completed task's runs add up
 * to its work ÷ speed for every attempt, no two runs (with their setup time) overlap on a core,
 * nothing runs before its arrival or on a core after it failed, and every task is either
 * completed or dropped. Returns the problems found (empty when valid), at most `limit`.
 */
import type { CoreFailure, ScoredTask, SimResult } from './types';

const REL_TOL = 1e-9;

export function scheduleProblems(
  tasks: readonly ScoredTask[],
  result: SimResult,
  failures: readonly CoreFailure[] = [],
  limit = 10,
): string[] {
  const problems: string[] = [];
  const say = (s: string) => {
    if (problems.length < limit) problems.push(s);
  };
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const done = new Map<string, number>();
  const failAt = new Map(failures.map((f) => [f.core, f.at]));
  const perCore = new Map<number, { from: number; to: number; task: string }[]>();

  for (const r of result.schedule) {
    const t = byId.get(r.task);
    if (!t) {
      say(`run of unknown task ${r.task}`);
      continue;
    }
    const speed = result.speeds[r.core];
    if (speed === undefined) {
      say(`task ${r.task} runs on core ${r.core}, which does not exist`);
      continue;
    }
    if (!(r.end > r.start)) say(`task ${r.task} has an empty run [${r.start}, ${r.end}]`);
    if (r.start - r.overhead < t.arrival - REL_TOL * Math.max(1, t.arrival)) {
      say(`task ${r.task} starts at ${r.start - r.overhead}, before its arrival ${t.arrival}`);
    }
    const dead = failAt.get(r.core);
    if (dead !== undefined && r.end > dead * (1 + REL_TOL)) {
      say(`task ${r.task} runs on core ${r.core} until ${r.end}, after it failed at ${dead}`);
    }
    done.set(r.task, (done.get(r.task) ?? 0) + (r.end - r.start) * speed);
    const list = perCore.get(r.core) ?? [];
    list.push({ from: r.start - r.overhead, to: r.end, task: r.task });
    perCore.set(r.core, list);
  }

  for (const [core, list] of perCore) {
    list.sort((a, b) => a.from - b.from);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (a && b && b.from < a.to - REL_TOL * Math.max(1, a.to)) {
        say(`core ${core}: task ${b.task} at ${b.from} overlaps task ${a.task} until ${a.to}`);
      }
    }
  }

  result.outcomes.forEach((o, i) => {
    const t = tasks[i];
    if (!t) return;
    const work = done.get(t.id) ?? 0;
    if (o.dropped) {
      if (work > 0) say(`task ${t.id} was dropped but ran for ${work} work`);
      return;
    }
    if (o.completion === null) {
      say(`task ${t.id} neither completed nor was dropped`);
      return;
    }
    const want = t.work * o.attempts;
    if (Math.abs(work - want) > REL_TOL * want * 10) {
      say(`task ${t.id}: runs add up to ${work} work, expected ${want} (${o.attempts} attempts)`);
    }
  });
  return problems;
}
