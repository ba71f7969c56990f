/**
 * The copy paired with each GPU case: the engine's `copy` operator over the case's bytes,
 * timed in spans that alternate with the case's own (measure.ts), so that a case's efficiency
 * (copy time ÷ case time) is the median of per-pair ratios taken under the same load, not a
 * division by a copy measured minutes apart.
 */
import { requireEngine, type CaseContext } from './case-context';
import { pairedSpeedup } from './finalize';
import type { SpanTime, Timed } from './measure';
import { referenceSignals } from './suite';
import { uniformSigned } from '../workloads/rng';

export type SpanRun = (repeats: number) => Promise<SpanTime>;

/**
 * Prepares the engine's copy over `bytes` (16 a complex value: read once, written once), hands
 * its run to `work`, and frees it afterwards.
 */
export async function withPairedCopy<T>(
  ctx: CaseContext,
  bytes: number,
  work: (copy: SpanRun) => Promise<T>,
): Promise<T> {
  const engine = requireEngine(ctx.host);
  const signals = referenceSignals(bytes / 16);
  const input = uniformSigned(1, 2 * signals.batch * signals.shape[0]);
  const copy = await engine.prepare('copy', input, signals);
  try {
    return await work((r) => copy.run(r));
  } finally {
    copy.destroy();
  }
}

/** Copy ÷ case, pair by pair: the median ratio and the ratios' coefficient of variation. */
export function pairedEfficiency(
  copy: Timed,
  timed: Timed,
): { efficiency: number; spread: number | null } {
  const { speedup, cv } = pairedSpeedup(copy.spansMs, timed.spansMs);
  return { efficiency: speedup, spread: cv };
}
