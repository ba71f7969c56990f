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
}

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
