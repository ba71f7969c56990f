/**
 * One model fitted to one data set, with everything the ranking and the report need:
 * parameters with seeded bootstrap CIs, R², AIC and AICc, leave-one-out error, and the
 * hold-out prediction (fit on the smaller half of x, predict the larger half).
 */
import { createRng, quantile, type Rng } from '../measure';
import { ScalingDataError } from './errors';
import { fitLeastSquares, type Points } from './least-squares';
import { MODELS, namedParams, type ModelId, type ScalingModel } from './models';

export interface HoldOut {
  /** Points fitted (the smaller x) and predicted (the larger x). */
  readonly trainPoints: number;
  readonly testPoints: number;
  /** Root-mean-square prediction error on the held-out points, in y's units. */
  readonly rmse: number;
  /** Mean |prediction − y| ÷ |y| over held-out points with y ≠ 0. */
  readonly mape: number;
  /** Parameters fitted on the smaller half, so a chart can draw the extrapolation. */
  readonly params: Record<string, number>;
}

export interface ModelFit {
  readonly model: ModelId;
  readonly params: Record<string, number>;
  /** Percentile bootstrap intervals at `level` (residual resampling), per parameter. */
  readonly ci: Record<string, [number, number]>;
  /** Derived quantities (the USL's peak n*), null where undefined. */
  readonly derived: Record<string, number | null>;
  /** Their intervals; null where a resample had no value (e.g. κ = 0: no peak). */
  readonly derivedCi: Record<string, [number, number] | null>;
  readonly points: number;
  readonly paramCount: number;
  readonly sse: number;
  readonly rmse: number;
  readonly r2: number;
  /** Gaussian AIC, n·ln(SSE/n) + 2(k + 1): the error variance counts as a parameter. */
  readonly aic: number;
  /** Small-sample AICc; null when n ≤ k + 2, where it is undefined. */
  readonly aicc: number | null;
  /** Leave-one-out prediction RMSE; null with fewer than k + 1 points left after removal. */
  readonly looRmse: number | null;
  /** Null when the smaller half has fewer points than the model has parameters. */
  readonly holdOut: HoldOut | null;
}

export interface FitOptions {
  seed: number;
  /** Bootstrap resamples (default 400). 0 skips the intervals (each CI is then [v, v]). */
  resamples?: number;
  /** Coverage of the intervals (default 0.95). */
  level?: number;
  /** Random starting points besides the central one (default 7). */
  randomStarts?: number;
}

/**
 * A relative error of 1e-9 of max |y| per point is the floor of a fit's SSE: below it an exact
 * fit is rounding noise, and ln(0) would make every exact model's AIC −∞ and tie them.
 */
function sseFloor(points: Points): number {
  const sy = Math.max(...points.y.map(Math.abs));
  return points.x.length * (1e-9 * sy) ** 2 + Number.MIN_VALUE;
}

export function assertEnoughPoints(model: ScalingModel, points: Points): void {
  const k = model.params.length;
  const n = points.x.length;
  if (n < k + 1)
    throw new ScalingDataError(
      `model ${model.id} has ${k} parameters and needs at least ${k + 1} points ` +
        `(leave-one-out refits on n − 1); the data have ${n}`,
    );
}

function information(sse: number, n: number, k: number): { aic: number; aicc: number | null } {
  const kk = k + 1;
  const aic = n * Math.log(sse / n) + 2 * kk;
  const aicc = n - kk - 1 > 0 ? aic + (2 * kk * (kk + 1)) / (n - kk - 1) : null;
  return { aic, aicc };
}

function looRmse(model: ScalingModel, points: Points, from: readonly number[]): number | null {
  const n = points.x.length;
  if (n - 1 < model.params.length + 1) return null;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const keep = (_: number, j: number) => j !== i;
    const rest = { x: points.x.filter(keep), y: points.y.filter(keep) };
    const fit = fitLeastSquares(model, rest, { from });
    const r = (points.y[i] as number) - model.value(fit.params, points.x[i] as number);
    ss += r * r;
  }
  return Math.sqrt(ss / n);
}

function holdOut(
  model: ScalingModel,
  points: Points,
  rng: Rng,
  randomStarts: number,
): HoldOut | null {
  const order = points.x
    .map((_, i) => i)
    .sort((a, b) => (points.x[a] as number) - (points.x[b] as number));
  const m = Math.floor(order.length / 2);
  if (m < model.params.length) return null;
  const pick = (idx: number[]) => ({
    x: idx.map((i) => points.x[i] as number),
    y: idx.map((i) => points.y[i] as number),
  });
  const train = pick(order.slice(0, m));
  const test = pick(order.slice(m));
  const fit = fitLeastSquares(model, train, { rng, randomStarts });
  let ss = 0;
  let rel = 0;
  let relCount = 0;
  test.x.forEach((x, i) => {
    const y = test.y[i] as number;
    const e = model.value(fit.params, x) - y;
    ss += e * e;
    if (y !== 0) {
      rel += Math.abs(e / y);
      relCount++;
    }
  });
  return {
    trainPoints: train.x.length,
    testPoints: test.x.length,
    rmse: Math.sqrt(ss / test.x.length),
    mape: relCount > 0 ? rel / relCount : 0,
    params: namedParams(model, fit.params),
  };
}

/**
 * Residual bootstrap: x is the sweep's design, fixed, so each resample keeps x and adds
 * resampled residuals (inflated by √(n/(n−k)) for the degrees of freedom the fit used) to
 * the fitted curve, then refits from the estimate. Returns one parameter vector per resample.
 */
function bootstrapParams(
  model: ScalingModel,
  points: Points,
  params: readonly number[],
  resamples: number,
  rng: Rng,
): number[][] {
  const n = points.x.length;
  const k = model.params.length;
  const fitted = points.x.map((x) => model.value(params, x));
  const inflate = n > k ? Math.sqrt(n / (n - k)) : 1;
  const raw = points.y.map((y, i) => y - (fitted[i] as number));
  const centre = raw.reduce((a, b) => a + b, 0) / n;
  const residuals = raw.map((r) => (r - centre) * inflate);
  const out: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    const y = fitted.map((f) => f + (residuals[rng.int(n)] as number));
    out.push(fitLeastSquares(model, { x: points.x, y }, { from: params }).params);
  }
  return out;
}

function interval(values: number[], level: number): [number, number] {
  const tail = (1 - level) / 2;
  return [quantile(values, tail), quantile(values, 1 - tail)];
}

export function fitModel(id: ModelId, points: Points, options: FitOptions): ModelFit {
  const model = MODELS[id];
  assertEnoughPoints(model, points);
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? 400;
  const randomStarts = options.randomStarts ?? 7;
  // One stream per model and purpose: adding a model or a resample leaves the others unchanged.
  const base = createRng(options.seed).fork(MODEL_IDS_INDEX[id]);
  const fit = fitLeastSquares(model, points, { rng: base.fork(1), randomStarts });
  const n = points.x.length;
  const k = model.params.length;
  const sse = Math.max(fit.sse, sseFloor(points));
  const meanY = points.y.reduce((a, b) => a + b, 0) / n;
  const sst = points.y.reduce((a, y) => a + (y - meanY) ** 2, 0);
  const derivedOf = (p: readonly number[]) => model.derived?.(p) ?? {};

  const samples =
    resamples > 0 ? bootstrapParams(model, points, fit.params, resamples, base.fork(3)) : [];
  const ci: Record<string, [number, number]> = {};
  model.params.forEach((s, j) => {
    const v = fit.params[j] as number;
    ci[s.name] =
      samples.length > 0
        ? interval(
            samples.map((p) => p[j] as number),
            level,
          )
        : [v, v];
  });
  const derived = derivedOf(fit.params);
  const derivedCi: Record<string, [number, number] | null> = {};
  for (const [name, v] of Object.entries(derived)) {
    const vs = samples.map((p) => derivedOf(p)[name] ?? null);
    const finite = vs.filter((x): x is number => x !== null && Number.isFinite(x));
    derivedCi[name] =
      samples.length === 0
        ? v === null
          ? null
          : [v, v]
        : finite.length === vs.length
          ? interval(finite, level)
          : null;
  }

  return {
    model: id,
    params: namedParams(model, fit.params),
    ci,
    derived,
    derivedCi,
    points: n,
    paramCount: k,
    sse: fit.sse,
    rmse: Math.sqrt(fit.sse / n),
    r2: sst > 0 ? 1 - fit.sse / sst : fit.sse === 0 ? 1 : 0,
    ...information(sse, n, k),
    looRmse: looRmse(model, points, fit.params),
    holdOut: holdOut(model, points, base.fork(2), randomStarts),
  };
}

const MODEL_IDS_INDEX: Readonly<Record<ModelId, number>> = {
  amdahl: 1,
  gustafson: 2,
  usl: 3,
  hs: 4,
  vs: 5,
  ns: 6,
};
