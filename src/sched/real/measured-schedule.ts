/**
 * Checks that a measured run is a schedule the executors could have run: every run on an
 * executor the mode used, inside [0, makespan], no two runs overlapping on one executor, each
 * task finished exactly once by its last attempt (re-runs counted), sequential on one executor,
 * and hybrid chains run as planned. Returns the problems found (empty when valid), at most
 * `limit`.
 */
import type { ScoredTask } from '../types';
import type { MeasuredRun, ModeRun } from './execute';

export function measuredProblems(
  tasks: readonly ScoredTask[],
  run: ModeRun,
  chains: readonly (readonly string[])[] | null = null,
  limit = 10,
): string[] {
  const problems: string[] = [];
  const say = (s: string) => {
    if (problems.length < limit) problems.push(s);
  };
  const used = new Set(run.used);
  const perExecutor = new Map<number, MeasuredRun[]>();
  const perTask = new Map<string, MeasuredRun[]>();
  for (const r of run.runs) {
    if (!used.has(r.executor))
      say(`task ${r.task} ran on executor ${r.executor}, not used by ${run.mode}`);
    if (!(r.start >= 0 && r.end >= r.start && r.end <= run.measuredSeconds)) {
      say(`task ${r.task} runs [${r.start}, ${r.end}] outside [0, ${run.measuredSeconds}]`);
    }
    perExecutor.set(r.executor, [...(perExecutor.get(r.executor) ?? []), r]);
    perTask.set(r.task, [...(perTask.get(r.task) ?? []), r]);
  }
  for (const [executor, list] of perExecutor) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (a && b && b.start < a.end) {
        say(
          `executor ${executor}: task ${b.task} at ${b.start} overlaps task ${a.task} until ${a.end}`,
        );
      }
    }
  }
  let attempts = 0;
  for (const t of tasks) {
    const list = perTask.get(t.id) ?? [];
    attempts += list.length;
    const ok = list.filter((r) => r.ok);
    if (ok.length !== 1) say(`task ${t.id} finished ${ok.length} times, expected once`);
    list.forEach((r, k) => {
      if (r.attempt !== k) say(`task ${t.id}: attempt ${r.attempt} recorded as its run ${k}`);
    });
    const last = list[list.length - 1];
    if (last && !last.ok) say(`task ${t.id}: its last attempt failed its check`);
  }
  if (attempts !== run.runs.length) say(`${run.runs.length - attempts} runs of unknown tasks`);
  if (run.reruns !== run.runs.length - tasks.length) {
    say(`${run.reruns} re-runs reported, ${run.runs.length - tasks.length} recorded`);
  }
  if (run.mode === 'sequential' && perExecutor.size > 1) {
    say(`sequential ran on ${perExecutor.size} executors`);
  }
  if (run.mode === 'hybrid' && chains) {
    run.used.forEach((executor, k) => {
      const order = (perExecutor.get(executor) ?? []).filter((r) => r.ok).map((r) => r.task);
      const plan = chains[k] ?? [];
      if (order.join('\u0000') !== plan.join('\u0000')) {
        say(`chain ${k} on executor ${executor} ran ${order.join(',')}, planned ${plan.join(',')}`);
      }
    });
  }
  return problems;
}
