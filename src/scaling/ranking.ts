/**
 * Every requested model fitted to one data set and ranked by AICc (small-sample Akaike):
 * lower is better; the extra parameter of a model that contains another (USL over Amdahl)
 * must buy a real drop in error. Models whose AICc is undefined (too few points for their
 * parameter count) rank after the others, by AIC.
 */
import { ScalingDataError } from './errors';
import type { Points } from './least-squares';
import { fitModel, type FitOptions, type ModelFit } from './model-fit';
import { MODEL_IDS, type ModelId } from './models';

export interface RankedFit extends ModelFit {
  /** 1 is best. */
  readonly rank: number;
  /** AICc − the best AICc; null where AICc is undefined. */
  readonly deltaAicc: number | null;
  /** Akaike weight exp(−Δ/2) normalized over the models with an AICc. */
  readonly weight: number | null;
}

export interface Ranking {
  readonly models: RankedFit[];
  /** The model whose fit on the smaller half of x predicted the larger half best (RMSE). */
  readonly bestHoldOut: ModelId | null;
  /** The model with the lowest leave-one-out RMSE. */
  readonly bestLoo: ModelId | null;
  /** Models not fitted, and why (too few points for their parameters). */
  readonly skipped: { model: ModelId; reason: string }[];
}

function byCriterion(a: ModelFit, b: ModelFit): number {
  const ca = a.aicc ?? Infinity;
  const cb = b.aicc ?? Infinity;
  if (ca !== cb) return ca - cb;
  if (a.aic !== b.aic) return a.aic - b.aic;
  return a.paramCount - b.paramCount;
}

export function rankFits(
  fits: readonly ModelFit[],
  skipped: { model: ModelId; reason: string }[] = [],
): Ranking {
  const sorted = [...fits].sort(byCriterion);
  const best = sorted.find((f) => f.aicc !== null)?.aicc ?? null;
  const deltas = sorted.map((f) => (f.aicc !== null && best !== null ? f.aicc - best : null));
  const total = deltas.reduce<number>((a, d) => a + (d === null ? 0 : Math.exp(-d / 2)), 0);
  const models = sorted.map((f, i) => {
    const d = deltas[i] ?? null;
    return {
      ...f,
      rank: i + 1,
      deltaAicc: d,
      weight: d === null ? null : Math.exp(-d / 2) / total,
    };
  });
  const lowest = (score: (f: ModelFit) => number | null): ModelId | null => {
    let winner: ModelFit | null = null;
    for (const f of fits) {
      const s = score(f);
      if (s !== null && (winner === null || s < (score(winner) as number))) winner = f;
    }
    return winner?.model ?? null;
  };
  return {
    models,
    bestHoldOut: lowest((f) => f.holdOut?.rmse ?? null),
    bestLoo: lowest((f) => f.looRmse),
    skipped,
  };
}

/**
 * Fits each of `ids` (every model by default) and ranks them. A model with too few points for
 * its parameters is left out when others can be fitted; with none, the first error is thrown.
 */
export function fitAndRank(
  points: Points,
  options: FitOptions,
  ids: readonly ModelId[] = MODEL_IDS,
): Ranking {
  const fits: ModelFit[] = [];
  const skipped: { model: ModelId; reason: string }[] = [];
  let firstError: ScalingDataError | null = null;
  for (const id of ids) {
    try {
      fits.push(fitModel(id, points, options));
    } catch (e) {
      if (!(e instanceof ScalingDataError)) throw e;
      firstError ??= e;
      skipped.push({ model: id, reason: e.message });
    }
  }
  if (firstError && fits.length === 0) throw firstError;
  return rankFits(fits, skipped);
}
