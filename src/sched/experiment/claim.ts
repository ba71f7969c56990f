/**
 * The claim experiment: every policy on the same seeded task sets (paired seeds), for each
 * workload. One task set per (workload, seed) is generated and scored once, then every policy
 * simulates it, so the differences between policies are not differences between task sets.
 */
import { scoreTasks, type CoherenceScorer } from '../coherence-score';
import { generateTasks, WORKLOADS, type WorkloadName } from '../generate';
import { simulate } from '../simulate';
import {
  DEFAULT_CONFIG,
  POLICY_NAMES,
  type Metrics,
  type PolicyName,
  type SimConfig,
} from '../types';

/** The figures compared; `switchesPerTask` separates fewer switches from fewer tasks run. */
export const CLAIM_METRICS = [
  'contextSwitches',
  'switchesPerTask',
  'cacheMisses',
  'overheadTime',
  'makespan',
  'meanResponse',
  'p99Response',
  'deadlineMisses',
  'dropped',
  'droppedWork',
  'migrations',
  'utilization',
] as const;
export type ClaimMetric = (typeof CLAIM_METRICS)[number];

export type Machine = Omit<SimConfig, 'policy' | 'seed'>;

export interface ClaimOptions {
  seeds: number;
  /** Tasks per set. */
  count: number;
  machine: Machine;
  workloads?: readonly WorkloadName[];
  policies?: readonly PolicyName[];
  /** Offered load of the generated sets (÷ the machine's Σ speed). */
  load?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ClaimRuns {
  machine: Machine;
  seeds: number;
  count: number;
  load: number;
  workloads: WorkloadName[];
  policies: PolicyName[];
  /** values[workload][policy][metric][seed index] */
  values: Record<string, Record<string, Record<ClaimMetric, number[]>>>;
  /** Σ work of each task set: totalWork[workload][seed index]. */
  totalWork: Record<string, number[]>;
}

export const CLAIM_MACHINE: Machine = {
  ...DEFAULT_CONFIG,
  speeds: [1, 1, 1, 1],
  quantum: 1,
  switchCost: 0.01,
  missCost: 0.05,
  migrationCost: 0.1,
};

function pick(m: Metrics, key: ClaimMetric): number {
  if (key === 'switchesPerTask') return m.completed > 0 ? m.contextSwitches / m.completed : 0;
  return m[key];
}

export interface ClaimSetSpec {
  workload: WorkloadName;
  seed: number;
  count: number;
  load: number;
  machine: Machine;
  policies: readonly PolicyName[];
}

/** Every policy on one task set: one value per policy and metric, and the set's Σ work. */
export interface ClaimSetResult {
  work: number;
  values: Record<string, Record<ClaimMetric, number>>;
}

/** Runs one task set: where it runs (this thread, a worker of the pool) is the caller's choice. */
export type ClaimSetRunner = (spec: ClaimSetSpec) => Promise<ClaimSetResult>;

export async function runClaimSet(
  scorer: CoherenceScorer,
  spec: ClaimSetSpec,
): Promise<ClaimSetResult> {
  const capacity = spec.machine.speeds.reduce((a, s) => a + s, 0);
  const raw = generateTasks({
    workload: spec.workload,
    count: spec.count,
    seed: spec.seed,
    capacity,
    load: spec.load,
  });
  const tasks = await scoreTasks(raw, scorer);
  const values: ClaimSetResult['values'] = {};
  for (const policy of spec.policies) {
    const r = simulate(tasks, { ...spec.machine, policy, seed: spec.seed });
    values[policy] = Object.fromEntries(
      CLAIM_METRICS.map((k) => [k, pick(r.metrics, k)]),
    ) as Record<ClaimMetric, number>;
  }
  return { work: tasks.reduce((a, t) => a + t.work, 0), values };
}

export interface ClaimSetsOptions extends ClaimOptions {
  /** Task sets run at once (the workers of a pool); 1 runs them one after another. */
  concurrency?: number;
}

/**
 * The experiment on any set runner, `concurrency` sets at a time. Results are placed by
 * (workload, seed), so the report does not depend on which set finished first.
 */
export async function runClaimSets(
  runSet: ClaimSetRunner,
  o: ClaimSetsOptions,
): Promise<ClaimRuns> {
  const workloads = [...(o.workloads ?? WORKLOADS)];
  const policies = [...(o.policies ?? POLICY_NAMES)];
  const load = o.load ?? 0.85;
  const specs: ClaimSetSpec[] = workloads.flatMap((workload) =>
    Array.from({ length: o.seeds }, (_, s) => ({
      workload,
      seed: s + 1,
      count: o.count,
      load,
      machine: o.machine,
      policies,
    })),
  );
  const results: (ClaimSetResult | undefined)[] = new Array(specs.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (let i = next++; i < specs.length; i = next++) {
      if (o.signal?.aborted) throw new Error('experiment cancelled');
      results[i] = await runSet(specs[i] as ClaimSetSpec);
      o.onProgress?.(++done, specs.length);
    }
  };
  const lanes = Math.max(1, Math.min(o.concurrency ?? 1, specs.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (o.signal?.aborted) throw new Error('experiment cancelled');

  const values: ClaimRuns['values'] = {};
  const totalWork: ClaimRuns['totalWork'] = {};
  specs.forEach((spec, i) => {
    const r = results[i];
    if (!r) throw new Error(`task set ${spec.workload} seed ${spec.seed} has no result`);
    const perPolicy = (values[spec.workload] ??= {});
    for (const policy of policies) {
      const row = (perPolicy[policy] ??= Object.fromEntries(
        CLAIM_METRICS.map((k) => [k, [] as number[]]),
      ) as Record<ClaimMetric, number[]>);
      for (const k of CLAIM_METRICS) row[k].push(r.values[policy]?.[k] ?? NaN);
    }
    (totalWork[spec.workload] ??= []).push(r.work);
  });
  return {
    machine: o.machine,
    seeds: o.seeds,
    count: o.count,
    load,
    workloads,
    policies,
    values,
    totalWork,
  };
}

/** The experiment on this thread, one set after another. */
export function runClaimExperiment(scorer: CoherenceScorer, o: ClaimOptions): Promise<ClaimRuns> {
  return runClaimSets((spec) => runClaimSet(scorer, spec), o);
}
