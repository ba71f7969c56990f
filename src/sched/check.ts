/**
 * Checks a configuration and a task list before simulating, so a bad value fails once with the
 * field it came from instead of producing NaN times or an endless run.
 */
import { NEEDS_COHERENCE } from './policies';
import { POLICY_NAMES, SchedError, type ScoredTask, type SimConfig } from './types';

const MAX_CORES = 256;
const MAX_CHECK_FAIL_RATE = 0.9;

function finiteAtLeast(field: string, v: number, min: number, strict = false): void {
  const ok = Number.isFinite(v) && (strict ? v > min : v >= min);
  if (!ok)
    throw new SchedError(
      field,
      `${field} must be a finite number ${strict ? '>' : '≥'} ${min}; got ${v}`,
    );
}

export function checkConfig(c: SimConfig): void {
  if (!POLICY_NAMES.includes(c.policy)) {
    throw new SchedError(
      'policy',
      `policy must be one of ${POLICY_NAMES.join(', ')}; got ${String(c.policy)}`,
    );
  }
  const m = c.speeds.length;
  if (m < 1 || m > MAX_CORES) {
    throw new SchedError('cores', `cores must be a whole number from 1 to ${MAX_CORES}; got ${m}`);
  }
  c.speeds.forEach((s) => finiteAtLeast('speeds', s, 0, true));
  finiteAtLeast('quantum', c.quantum, 0, true);
  finiteAtLeast('switchCost', c.switchCost, 0);
  if (c.switchCosts) {
    if (c.switchCosts.length !== m) {
      throw new SchedError(
        'switchCosts',
        `switchCosts must have one value per core (${m}); got ${c.switchCosts.length}`,
      );
    }
    c.switchCosts.forEach((v) => finiteAtLeast('switchCosts', v, 0));
  }
  finiteAtLeast('missCost', c.missCost, 0);
  finiteAtLeast('migrationCost', c.migrationCost, 0);
  if (!Number.isSafeInteger(c.seed))
    throw new SchedError('seed', `seed must be a safe integer; got ${c.seed}`);
  if (!(c.checkFailRate >= 0 && c.checkFailRate <= MAX_CHECK_FAIL_RATE)) {
    throw new SchedError(
      'checkFailRate',
      `checkFailRate must be from 0 to ${MAX_CHECK_FAIL_RATE}; got ${c.checkFailRate}`,
    );
  }
  finiteAtLeast('coherenceThreshold', c.coherenceThreshold, 0);
  const failed = new Set<number>();
  for (const f of c.failures) {
    if (!Number.isInteger(f.core) || f.core < 0 || f.core >= m) {
      throw new SchedError(
        'failCore',
        `the failing core must be a whole number from 0 to ${m - 1}; got ${f.core}`,
      );
    }
    finiteAtLeast('failAt', f.at, 0);
    if (failed.has(f.core)) throw new SchedError('failCore', `core ${f.core} is set to fail twice`);
    failed.add(f.core);
  }
  if (failed.size >= m) {
    throw new SchedError(
      'failCore',
      `at least one core must stay alive; ${failed.size} of ${m} fail`,
    );
  }
}

/** Semantic checks the task-file schema cannot express: unique ids, coherence where needed. */
export function checkTasks(tasks: readonly ScoredTask[], c: SimConfig): void {
  const seen = new Set<string>();
  tasks.forEach((t, i) => {
    if (seen.has(t.id))
      throw new SchedError(`tasks[${i}].id`, `task ${i}: id ${t.id} is used twice`);
    seen.add(t.id);
    finiteAtLeast(`tasks[${i}].arrival`, t.arrival, 0);
    finiteAtLeast(`tasks[${i}].work`, t.work, 0, true);
    if (NEEDS_COHERENCE.has(c.policy)) {
      const h = t.coherence;
      if (h === undefined || !(h >= 0 && h <= 1)) {
        throw new SchedError(
          `tasks[${i}].coherence`,
          `task ${i} (id ${t.id}): the ${c.policy} policy needs a coherence in [0, 1] or a signal; got ${String(h)}`,
        );
      }
    }
  });
}
