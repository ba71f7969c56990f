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

export async function runClaimExperiment(
  scorer: CoherenceScorer,
  o: ClaimOptions,
): Promise<ClaimRuns> {
  const workloads = [...(o.workloads ?? WORKLOADS)];
  const policies = [...(o.policies ?? POLICY_NAMES)];
  const load = o.load ?? 0.85;
  const capacity = o.machine.speeds.reduce((a, s) => a + s, 0);
  const values: ClaimRuns['values'] = {};
  const totalWork: ClaimRuns['totalWork'] = {};
  const total = workloads.length * o.seeds;
  let done = 0;
  for (const workload of workloads) {
    const perPolicy: Record<string, Record<ClaimMetric, number[]>> = {};
    for (const p of policies) {
      perPolicy[p] = Object.fromEntries(CLAIM_METRICS.map((k) => [k, [] as number[]])) as Record<
        ClaimMetric,
        number[]
      >;
    }
    const setWork: number[] = [];
    for (let s = 1; s <= o.seeds; s++) {
      if (o.signal?.aborted) throw new Error('experiment cancelled');
      const raw = generateTasks({ workload, count: o.count, seed: s, capacity, load });
      const tasks = await scoreTasks(raw, scorer);
      setWork.push(tasks.reduce((a, t) => a + t.work, 0));
      for (const policy of policies) {
        const r = simulate(tasks, { ...o.machine, policy, seed: s });
        const row = perPolicy[policy];
        if (row) for (const k of CLAIM_METRICS) row[k].push(pick(r.metrics, k));
      }
      o.onProgress?.(++done, total);
    }
    values[workload] = perPolicy;
    totalWork[workload] = setWork;
  }
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
