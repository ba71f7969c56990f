/**
 * The scheduler lab's vocabulary: tasks, executors, costs, the schedule and its metrics. Times and
 * work share one unit: an executor of speed s does s units of work per unit of time.
 */

export const POLICY_NAMES = [
  'fifo',
  'rr',
  'sjf',
  'srpt',
  'edf',
  'lpt',
  'ws',
  'eevdf',
  'coherence',
  'adaptive',
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export interface Task {
  id: string;
  /** Time the task becomes ready; ≥ 0. */
  arrival: number;
  /** Work in units; > 0. A task takes work ÷ speed time on an executor. */
  work: number;
  /** Absolute time by which it should complete. */
  deadline?: number;
  /** Higher is more urgent; the coherence policy's second key. 0 when absent. */
  urgency?: number;
  /** Working-set class: running a task of another kind first costs a cache miss. */
  kind?: string;
  /** The documents' score in [0, 1]: the share of spectral energy the φ-resolvent keeps. */
  coherence?: number;
  /** Samples whose coherence the engine computes when `coherence` is absent. */
  signal?: readonly number[] | Float64Array;
}

/** A task whose coherence is settled (from the file or from the engine). */
export type ScoredTask = Omit<Task, 'signal'>;

export interface CoreFailure {
  core: number;
  at: number;
}

export interface SimConfig {
  policy: PolicyName;
  /** One speed per executor (their count is the number of cores); each > 0. */
  speeds: readonly number[];
  /** Time slice of the quantum policies (rr, eevdf). */
  quantum: number;
  /** Time a core spends before running a task other than the one it ran last. */
  switchCost: number;
  /**
   * Per-core switch costs, one per core, overriding `switchCost` (real executors differ: a job's
   * round trip to the GPU queue is not a worker's message round trip).
   */
  switchCosts?: readonly number[];
  /** Time to load another kind's working set (also the cold start of a core). */
  missCost: number;
  /** Time to move a started task to another core. */
  migrationCost: number;
  seed: number;
  failures: readonly CoreFailure[];
  /** Probability that a completed run fails its result check and is re-run from scratch. */
  checkFailRate: number;
  /** Tasks with coherence below this are dropped by the coherence policy (the documents' 0.3). */
  coherenceThreshold: number;
}

export const DEFAULT_CONFIG: Omit<SimConfig, 'policy' | 'speeds'> = {
  quantum: 1,
  switchCost: 0,
  missCost: 0,
  migrationCost: 0,
  seed: 1,
  failures: [],
  checkFailRate: 0,
  coherenceThreshold: 0.3,
};

/** One contiguous run of a task on a core; a preempted or migrated task has several. */
export interface RunEntry {
  task: string;
  core: number;
  start: number;
  end: number;
  /** Setup time paid just before `start` on this core (switch + miss + migration). */
  overhead: number;
  switched: boolean;
  missed: boolean;
  migrated: boolean;
  /** 0 for the first execution; n for the n-th re-run after a failed check. */
  attempt: number;
}

export interface Metrics {
  makespan: number;
  /** max(Σ work ÷ Σ speed, max work ÷ max speed) over every submitted task. */
  lowerBound: number;
  meanResponse: number;
  p99Response: number;
  /** Completed after their deadline, plus dropped tasks that had one. */
  deadlineMisses: number;
  dropped: number;
  droppedWork: number;
  contextSwitches: number;
  cacheMisses: number;
  migrations: number;
  /** Time spent running tasks ÷ time the live cores were available up to the makespan. */
  utilization: number;
  completed: number;
  reruns: number;
  /** Switch, miss and migration time summed over cores. */
  overheadTime: number;
  steals: number;
}

export interface TaskOutcome {
  id: string;
  completion: number | null;
  dropped: boolean;
  attempts: number;
}

export interface AdaptiveSample {
  t: number;
  /** Probability of each arm, in the order of `arms`. */
  p: number[];
}

export interface SimResult {
  policy: PolicyName;
  cores: number;
  speeds: number[];
  metrics: Metrics;
  schedule: RunEntry[];
  outcomes: TaskOutcome[];
  /** The adaptive policy's arms and the trajectory of their probabilities. */
  adaptive?: { arms: string[]; samples: AdaptiveSample[] };
}

/** A bad configuration or task: names the field so a CLI can report it and exit 2. */
export class SchedError extends Error {
  override readonly name = 'SchedError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
