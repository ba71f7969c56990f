/**
 * The discrete-event simulator. Time jumps from event to event (arrivals, ends of runs, core
 * failures); after all events of one instant the policy fills the idle cores. Every cost of the
 * model is paid here, once, as setup time on the core before a run:
 *   switch    — the core runs a task other than the one it ran last;
 *   miss      — the task's kind differs from the working set the core holds (a cold core misses);
 *   migration — the task has started in this attempt and last ran on another core.
 * Deterministic: one seeded generator, forked per use, and total orders everywhere.
 */
import TinyQueue from 'tinyqueue';
import { createRng } from '../measure/rng';
import { checkConfig, checkTasks } from './check';
import { computeMetrics } from './metrics';
import { ADAPTIVE_ARMS, createPolicy } from './policies';
import type { PolicyContext, TaskState } from './policy';
import type { RunEntry, ScoredTask, SimConfig, SimResult, TaskOutcome } from './types';

const END = 0;
const FAIL = 1;
const ARRIVAL = 2;

interface SimEvent {
  time: number;
  type: typeof END | typeof FAIL | typeof ARRIVAL;
  seq: number;
  /** Task index (arrival) or core (end, failure). */
  target: number;
  /** Which dispatch an END belongs to; a preempted run's END is stale. */
  token: number;
}

interface Running {
  task: TaskState;
  dispatchedAt: number;
  runStart: number;
  end: number;
  remainingAtStart: number;
  completes: boolean;
  token: number;
  overhead: number;
  switched: boolean;
  missed: boolean;
  migrated: boolean;
}

interface Core {
  speed: number;
  alive: boolean;
  failedAt: number;
  running: Running | null;
  lastTask: number;
  lastKind: string | null;
  token: number;
}

const DEFAULT_KIND = '';
/** Work below this fraction of a task's work is rounding, not work left. */
const WORK_EPS = 1e-12;

export function simulate(tasks: readonly ScoredTask[], config: SimConfig): SimResult {
  checkConfig(config);
  checkTasks(tasks, config);
  const rng = createRng(config.seed);
  const checkRng = rng.fork(2);
  const maxSpeed = Math.max(...config.speeds);
  const cores: Core[] = config.speeds.map((speed) => ({
    speed,
    alive: true,
    failedAt: Infinity,
    running: null,
    lastTask: -1,
    lastKind: null,
    token: 0,
  }));
  const states: TaskState[] = tasks.map((task, index) => ({
    index,
    task,
    kind: task.kind ?? DEFAULT_KIND,
    remaining: task.work,
    started: false,
    lastCore: -1,
    attempt: 0,
    ve: 0,
    vd: 0,
    arm: -1,
    armP: 1,
  }));
  const outcomes: TaskOutcome[] = tasks.map((t) => ({
    id: t.id,
    completion: null,
    dropped: false,
    attempts: 1,
  }));
  const schedule: RunEntry[] = [];
  const lastEntry: (RunEntry | null)[] = cores.map(() => null);
  const counts = { switches: 0, misses: 0, migrations: 0, reruns: 0, steals: 0, overhead: 0 };
  let open = tasks.length;

  const events = new TinyQueue<SimEvent>(
    [],
    (a, b) => a.time - b.time || a.type - b.type || a.seq - b.seq,
  );
  let seq = 0;
  const push = (e: Omit<SimEvent, 'seq'>) => events.push({ ...e, seq: seq++ });
  tasks.forEach((t, i) => push({ time: t.arrival, type: ARRIVAL, target: i, token: 0 }));
  config.failures.forEach((f) => push({ time: f.at, type: FAIL, target: f.core, token: 0 }));

  const ctx: PolicyContext = {
    speeds: config.speeds,
    rng: rng.fork(1),
    quantum: config.quantum,
    coherenceThreshold: config.coherenceThreshold,
    alive: (c) => cores[c]?.alive ?? false,
    busyUntil: (c, now) => cores[c]?.running?.end ?? now,
    drop(t) {
      const o = outcomes[t.index];
      if (o && !o.dropped) {
        o.dropped = true;
        open--;
      }
    },
    steal: () => void counts.steals++,
  };
  const policy = createPolicy(config.policy, ctx);

  function record(c: number, r: Running, until: number): void {
    counts.overhead += Math.min(r.overhead, until - r.dispatchedAt);
    if (until <= r.runStart) return;
    const prev = lastEntry[c];
    const t = r.task;
    if (
      prev &&
      r.overhead === 0 &&
      prev.task === t.task.id &&
      prev.attempt === t.attempt &&
      prev.end === r.runStart
    ) {
      prev.end = until;
      return;
    }
    const entry: RunEntry = {
      task: t.task.id,
      core: c,
      start: r.runStart,
      end: until,
      overhead: r.overhead,
      switched: r.switched,
      missed: r.missed,
      migrated: r.migrated,
      attempt: t.attempt,
    };
    schedule.push(entry);
    lastEntry[c] = entry;
  }

  function dispatch(t: TaskState, c: number, now: number): void {
    const core = cores[c] as Core;
    const switched = core.lastTask >= 0 && core.lastTask !== t.index;
    const missed = core.lastKind !== t.kind;
    const migrated = t.started && t.lastCore !== c;
    const overhead =
      (switched ? (config.switchCosts?.[c] ?? config.switchCost) : 0) +
      (missed ? config.missCost : 0) +
      (migrated ? config.migrationCost : 0);
    if (switched) counts.switches++;
    if (missed) counts.misses++;
    if (migrated) counts.migrations++;
    core.lastTask = t.index;
    core.lastKind = t.kind;
    const runStart = now + overhead;
    const full = t.remaining / core.speed;
    const sliced = policy.preemption === 'quantum' && full > config.quantum;
    const end = runStart + (sliced ? config.quantum : full);
    core.token++;
    core.running = {
      task: t,
      dispatchedAt: now,
      runStart,
      end,
      remainingAtStart: t.remaining,
      completes: !sliced,
      token: core.token,
      overhead,
      switched,
      missed,
      migrated,
    };
    push({ time: end, type: END, target: c, token: core.token });
  }

  /** Stops the core's run at `now`; returns the task with its remaining work updated. */
  function stop(c: number, now: number): TaskState | null {
    const core = cores[c] as Core;
    const r = core.running;
    if (!r) return null;
    core.running = null;
    record(c, r, now);
    const t = r.task;
    const done = Math.max(0, now - r.runStart) * core.speed;
    t.remaining = Math.max(0, r.remainingAtStart - done);
    if (done > 0) {
      t.started = true;
      t.lastCore = c;
    }
    policy.charge?.(t, Math.min(done, r.remainingAtStart));
    return t;
  }

  function finish(t: TaskState, now: number): void {
    if (checkRng.next() < config.checkFailRate) {
      // The result failed its check: detected, discarded and run again from the start.
      counts.reruns++;
      t.attempt++;
      t.remaining = t.task.work;
      t.started = false;
      const o = outcomes[t.index];
      if (o) o.attempts++;
      policy.add(t, now);
      return;
    }
    const o = outcomes[t.index];
    if (o) o.completion = now;
    open--;
    const response = now - t.task.arrival;
    const late = t.task.deadline !== undefined && now > t.task.deadline;
    const ideal = t.task.work / maxSpeed;
    policy.complete?.(t, now, late ? 1 : response > 0 ? 1 - Math.min(1, ideal / response) : 0);
  }

  function onEnd(c: number, now: number): void {
    const r = cores[c]?.running;
    if (!r) return;
    const t = stop(c, now) as TaskState;
    if (r.completes || t.remaining <= WORK_EPS * t.task.work) {
      t.remaining = 0;
      finish(t, now);
    } else policy.add(t, now);
  }

  function onFail(c: number, now: number): void {
    const core = cores[c] as Core;
    const t = core.running ? stop(c, now) : null;
    core.alive = false;
    core.failedAt = now;
    core.token++;
    // The suspended task and the core's queue move to live cores; the started task pays the
    // migration when it runs again elsewhere.
    if (t) policy.add(t, now);
    for (const q of policy.release?.(c) ?? []) policy.add(q, now);
  }

  const coreOrder = cores
    .map((_, c) => c)
    .sort((a, b) => (cores[b]?.speed ?? 0) - (cores[a]?.speed ?? 0) || a - b);

  function fill(now: number): void {
    policy.flush?.(now);
    for (const c of coreOrder) {
      const core = cores[c] as Core;
      if (!core.alive || core.running) continue;
      const t = policy.take(c, now);
      if (t) dispatch(t, c, now);
    }
    if (policy.preemption !== 'arrival' || !policy.compare || !policy.peek) return;
    for (;;) {
      const best = policy.peek();
      if (!best) return;
      let victim = -1;
      for (const c of coreOrder) {
        const r = cores[c]?.running;
        if (!r) continue;
        r.task.remaining =
          r.remainingAtStart - Math.max(0, now - r.runStart) * (cores[c]?.speed ?? 1);
        const v = cores[victim]?.running;
        if (!v || policy.compare(r.task, v.task) > 0) victim = c;
      }
      const v = cores[victim]?.running;
      if (!v || policy.compare(best, v.task) >= 0) return;
      const preempted = stop(victim, now);
      if (preempted) policy.add(preempted, now);
      const next = policy.take(victim, now);
      if (next) dispatch(next, victim, now);
    }
  }

  while (open > 0) {
    const first = events.pop();
    if (!first) throw new Error(`simulation stalled with ${open} tasks unfinished`);
    const now = first.time;
    for (let e: SimEvent | undefined = first; e;) {
      if (e.type === ARRIVAL) {
        const t = states[e.target];
        if (t) policy.add(t, now);
      } else if (e.type === FAIL) onFail(e.target, now);
      else if (cores[e.target]?.token === e.token) onEnd(e.target, now);
      const peek = events.peek();
      e = peek && peek.time === now ? events.pop() : undefined;
    }
    fill(now);
  }

  const adaptive =
    'samples' in policy
      ? { arms: ADAPTIVE_ARMS.map((a) => a.name), samples: policy.samples }
      : undefined;
  const result: SimResult = {
    policy: config.policy,
    cores: cores.length,
    speeds: [...config.speeds],
    metrics: computeMetrics({
      tasks,
      speeds: config.speeds,
      schedule,
      outcomes,
      failedAt: cores.map((c) => c.failedAt),
      counts,
    }),
    schedule,
    outcomes,
  };
  if (adaptive) result.adaptive = adaptive;
  return result;
}
