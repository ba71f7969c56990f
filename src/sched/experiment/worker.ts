/**
 * The worker script of the Scheduler tab's claim experiment: task sets generated, scored on
 * the float64 CPU engine and simulated under every policy, and the paired comparisons with
 * their bootstrap intervals, all off the page's main thread. Imports the CPU engine's module
 * directly (a Node worker thread has no Vite for the GPU side's `?raw` WGSL).
 */
import { createCpuEngine } from '../../engine/cpu-engine';
import { serveTasks } from '../../parallel/serve';
import { resolventScorer } from '../coherence-score';
import { runClaimSet, type ClaimRuns, type ClaimSetSpec } from './claim';
import { compareRuns, verdicts } from './compare';

const scorer = resolventScorer(createCpuEngine());

export const claimTasks = {
  claimSet: (spec: ClaimSetSpec) => runClaimSet(scorer, spec),
  analyzeClaim: (runs: ClaimRuns) => ({ comparisons: compareRuns(runs), verdicts: verdicts(runs) }),
};
export type ClaimTasks = typeof claimTasks;

serveTasks(claimTasks);
