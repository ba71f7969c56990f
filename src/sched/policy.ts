/**
 * What a scheduling policy is to the simulator: a ready set it fills (`add`) and drains for a
 * core (`take`), and when it preempts. The simulator owns time, cores and costs; a policy only
 * orders work, so each policy file stays small and the cost model is written once.
 */
import type { Rng } from '../measure/rng';
import type { ScoredTask } from './types';

/** The simulator's record of one task; policies read it and may keep their own keys in it. */
export interface TaskState {
  /** Position in the input: the last tie-break of every ordering, for determinism. */
  readonly index: number;
  readonly task: ScoredTask;
  readonly kind: string;
  /** Work still to do in the current attempt. */
  remaining: number;
  /** Received service in the current attempt (moving it now is a migration). */
  started: boolean;
  /** Core it last ran on; −1 before its first run. */
  lastCore: number;
  attempt: number;
  /** EEVDF: virtual eligible time and virtual deadline. */
  ve: number;
  vd: number;
  /** Adaptive: the arm that dispatched it and that arm's probability then. */
  arm: number;
  armP: number;
}

/**
 * 'none': a task runs to completion once started. 'quantum': runs last at most one quantum,
 * then the policy chooses again. 'arrival': a newly ready task that `compare`s strictly better
 * than a running one preempts it (SRPT, EDF).
 */
export type Preemption = 'none' | 'quantum' | 'arrival';

export interface PolicyContext {
  readonly speeds: readonly number[];
  readonly rng: Rng;
  readonly quantum: number;
  readonly coherenceThreshold: number;
  alive(core: number): boolean;
  /** Time at which the core's current run ends (now when idle). */
  busyUntil(core: number, now: number): number;
  /** The task leaves unrun (the coherence policy's drop). */
  drop(task: TaskState, now: number): void;
  /** Counts a steal (work stealing). */
  steal(): void;
}

export interface Policy {
  readonly preemption: Preemption;
  add(task: TaskState, now: number): void;
  take(core: number, now: number): TaskState | null;
  /** Arrival preemption: negative when a should run before b. */
  compare?(a: TaskState, b: TaskState): number;
  peek?(): TaskState | undefined;
  /** Called once per event time before cores are filled (batched assignment). */
  flush?(now: number): void;
  /** Tasks queued for a core that has failed, to be added again elsewhere. */
  release?(core: number): TaskState[];
  /** Service delivered to a task in its last run (EEVDF's virtual time). */
  charge?(task: TaskState, work: number): void;
  /** The task is finished for good; `loss` in [0, 1] rates how it went (adaptive feedback). */
  complete?(task: TaskState, now: number, loss: number): void;
}
