/**
 * Paired comparison of an arm with its control, and the verdict on the documents' claim
 * ("15–30% reduction in training energy and faster convergence"). A browser cannot measure
 * energy, so the verdict reads wall time and FLOPs to the target, each with paired seeds.
 */
import { median, pairedPermutationTest, pairedRatioCI, type Interval } from '../../measure';

/** One training run of the experiment: how far it got to the target, and at what cost. */
export interface RunRecord {
  task: string;
  arm: string;
  seed: number;
  reached: boolean;
  /** Optimizer steps (rounds) to the target; the whole budget when not reached. */
  steps: number;
  ms: number;
  flops: number;
  regularizerFlops: number;
  finalValAccuracy: number;
}

export interface ArmComparison {
  task: string;
  arm: string;
  runs: number;
  reached: number;
  medianSteps: number;
  medianMs: number;
  medianFlops: number;
  /** Median per-seed ratio arm ÷ control with a bootstrap 95% interval. */
  stepsRatio: Interval;
  timeRatio: Interval;
  flopsRatio: Interval;
  /** Two-sided paired permutation p-values of the differences. */
  stepsP: number;
  timeP: number;
  verdict: Verdict;
}

export type Verdict = 'supported' | 'contradicted' | 'inconclusive' | 'control';

/** The claim's lower end: at least 15% less. */
export const CLAIMED_SAVING = 0.15;

/**
 * "supported": the cost ratio's interval lies below 1 − 15% for both time and FLOPs (the claim's
 * saving, shown with confidence); "contradicted": for time or FLOPs the interval lies above
 * 1 − 15% (the saving is smaller than claimed, or a loss); otherwise "inconclusive".
 */
export function verdictOf(time: Interval, flops: Interval): Exclude<Verdict, 'control'> {
  const bar = 1 - CLAIMED_SAVING;
  if (time.hi < bar && flops.hi < bar) return 'supported';
  if (time.lo > bar || flops.lo > bar) return 'contradicted';
  return 'inconclusive';
}

function bySeed(records: readonly RunRecord[]): Map<number, RunRecord> {
  return new Map(records.map((r) => [r.seed, r]));
}

/** Compares each arm with `control` on the seeds both ran. */
export function compareArms(
  records: readonly RunRecord[],
  control: string,
  seed: number,
): ArmComparison[] {
  const out: ArmComparison[] = [];
  const tasks = [...new Set(records.map((r) => r.task))];
  for (const task of tasks) {
    const ofTask = records.filter((r) => r.task === task);
    const base = bySeed(ofTask.filter((r) => r.arm === control));
    for (const arm of [...new Set(ofTask.map((r) => r.arm))]) {
      const mine = ofTask.filter((r) => r.arm === arm && base.has(r.seed));
      if (mine.length === 0) continue;
      const ctl = mine.map((r) => base.get(r.seed) as RunRecord);
      const pick = (rs: RunRecord[], f: (r: RunRecord) => number) => rs.map(f);
      const o = { seed };
      const stepsRatio = pairedRatioCI(
        pick(mine, (r) => r.steps),
        pick(ctl, (r) => r.steps),
        o,
      );
      const timeRatio = pairedRatioCI(
        pick(mine, (r) => r.ms),
        pick(ctl, (r) => r.ms),
        o,
      );
      const flopsRatio = pairedRatioCI(
        pick(mine, (r) => r.flops),
        pick(ctl, (r) => r.flops),
        o,
      );
      out.push({
        task,
        arm,
        runs: mine.length,
        reached: mine.filter((r) => r.reached).length,
        medianSteps: median(pick(mine, (r) => r.steps)),
        medianMs: median(pick(mine, (r) => r.ms)),
        medianFlops: median(pick(mine, (r) => r.flops)),
        stepsRatio,
        timeRatio,
        flopsRatio,
        stepsP: pairedPermutationTest(
          pick(mine, (r) => r.steps),
          pick(ctl, (r) => r.steps),
          o,
        ),
        timeP: pairedPermutationTest(
          pick(mine, (r) => r.ms),
          pick(ctl, (r) => r.ms),
          o,
        ),
        verdict: arm === control ? 'control' : verdictOf(timeRatio, flopsRatio),
      });
    }
  }
  return out;
}

/** One line on the claim across every task and arm. */
export function claimVerdictLine(rows: readonly ArmComparison[]): string {
  const arms = rows.filter((r) => r.verdict !== 'control');
  const count = (v: Verdict) => arms.filter((r) => r.verdict === v).length;
  const supported = arms
    .filter((r) => r.verdict === 'supported')
    .map((r) => `${r.arm} on ${r.task}`);
  return (
    `Claim "15–30% less training energy and faster convergence" (read as wall time and FLOPs to the ` +
    `target; a browser cannot measure energy): supported in ${count('supported')} of ${arms.length} ` +
    `task×arm comparisons${supported.length ? ` (${supported.join(', ')})` : ''}, contradicted in ` +
    `${count('contradicted')}, inconclusive in ${count('inconclusive')}.`
  );
}
