/**
 * The Scheduler tab's configuration and its permalink form (`?sched=` + JSON). The link is
 * untrusted input: it goes through one zod schema, and anything out of range falls back to the
 * defaults instead of reaching the simulator.
 */
import { z } from 'zod';
import { WORKLOADS, type WorkloadName } from '../../../sched/generate';
import { POLICY_NAMES, type PolicyName } from '../../../sched/types';

export interface SchedLabConfig {
  workload: WorkloadName;
  count: number;
  seed: number;
  speeds: number[];
  quantum: number;
  switchCost: number;
  missCost: number;
  migrationCost: number;
  policyA: PolicyName;
  policyB: PolicyName;
  failure: { core: number; at: number } | null;
  /** Real execution: the first `tasks` tasks of the set on the GPU queue and CPU workers. */
  real: RealConfig;
}

export interface RealConfig {
  tasks: number;
  cpuWorkers: number;
  gpu: boolean;
  /** Hybrid chains I, at most the number of executors. */
  chains: number;
}

export const DEFAULT_REAL_CONFIG: RealConfig = { tasks: 24, cpuWorkers: 2, gpu: true, chains: 2 };
/** Real execution's largest task set: jobs are real work on this machine. */
export const MAX_REAL_TASKS = 200;

export const DEFAULT_LAB_CONFIG: SchedLabConfig = {
  workload: 'mixed',
  count: 60,
  seed: 1,
  speeds: [1, 1, 1, 1],
  quantum: 1,
  switchCost: 0.01,
  missCost: 0.05,
  migrationCost: 0.1,
  policyA: 'eevdf',
  policyB: 'coherence',
  failure: null,
  real: DEFAULT_REAL_CONFIG,
};

const cost = z.number().min(0).max(100);
export const labConfigSchema = z
  .object({
    workload: z.enum(WORKLOADS),
    count: z.number().int().min(1).max(5000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31),
    speeds: z.array(z.number().gt(0).max(1000)).min(1).max(16),
    quantum: z.number().gt(0).max(1000),
    switchCost: cost,
    missCost: cost,
    migrationCost: cost,
    policyA: z.enum(POLICY_NAMES),
    policyB: z.enum(POLICY_NAMES),
    failure: z.object({ core: z.number().int().min(0), at: z.number().min(0) }).nullable(),
    // Links made before real execution existed carry no `real`: they get the defaults.
    real: z
      .object({
        tasks: z.number().int().min(1).max(MAX_REAL_TASKS),
        cpuWorkers: z.number().int().min(0).max(16),
        gpu: z.boolean(),
        chains: z.number().int().min(1).max(17),
      })
      .refine((r) => r.cpuWorkers + (r.gpu ? 1 : 0) >= 1, {
        message: 'real execution needs at least one executor',
      })
      .default(DEFAULT_REAL_CONFIG),
  })
  .refine((c) => !c.failure || (c.failure.core < c.speeds.length && c.speeds.length > 1), {
    message: 'the failing core must exist and another must stay alive',
  });

export const LINK_PARAM = 'sched';

/** The configuration in a link's query, or null when the link has none or a bad one. */
export function configFromSearch(search: string): SchedLabConfig | null {
  const raw = new URLSearchParams(search).get(LINK_PARAM);
  if (!raw) return null;
  try {
    const r = labConfigSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function searchOf(c: SchedLabConfig): string {
  return `?${new URLSearchParams({ [LINK_PARAM]: JSON.stringify(c) }).toString()}`;
}
