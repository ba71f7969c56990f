/**
 * Bounded nonlinear least squares for one model: Levenberg–Marquardt (ml-levenberg-marquardt)
 * from several seeded starting points, keeping the best. The optimizer sees each parameter
 * divided by its unit (see ParamUnit) and y divided by max |y|, so the same bounds and start
 * ranges serve FFTs per second and bytes per second alike.
 */
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import type { Rng } from '../measure';
import type { ParamSpec, ScalingModel } from './models';

export interface Points {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface LeastSquaresFit {
  /** Best parameters, in their own units. */
  readonly params: number[];
  /** Sum of squared residuals at `params`. */
  readonly sse: number;
  /** Starting points tried, and how many ended with a finite error. */
  readonly starts: number;
  readonly converged: number;
}

export interface LeastSquaresOptions {
  /** Random starts are drawn from this stream; required unless `from` is given. */
  rng?: Rng;
  /** Random starts besides the one at the centre of every start range (default 7). */
  randomStarts?: number;
  /** Start from these parameters only (refits of resampled data near a known optimum). */
  from?: readonly number[];
  maxIterations?: number;
}

interface Scales {
  /** Multiplier from the optimizer's variable to the parameter's value, per parameter. */
  readonly units: number[];
  readonly sy: number;
}

function scalesOf(model: ScalingModel, points: Points): Scales {
  const sx = Math.max(...points.x);
  const maxAbsY = Math.max(...points.y.map(Math.abs));
  const sy = maxAbsY > 0 ? maxAbsY : 1;
  const unit = (s: ParamSpec): number => (s.unit === 'y' ? sy : s.unit === 'perX' ? 1 / sx : 1);
  return { units: model.params.map(unit), sy };
}

export function sumOfSquares(model: ScalingModel, p: readonly number[], points: Points): number {
  let sse = 0;
  for (let i = 0; i < points.x.length; i++) {
    const r = (points.y[i] as number) - model.value(p, points.x[i] as number);
    sse += r * r;
  }
  return sse;
}

/** Physical bounds of every parameter for these data (what "bounds are respected" means). */
export function boundsFor(model: ScalingModel, points: Points): { lo: number[]; hi: number[] } {
  const { units } = scalesOf(model, points);
  return {
    lo: model.params.map((s, j) => s.lo * (units[j] as number)),
    hi: model.params.map((s, j) => s.hi * (units[j] as number)),
  };
}

const clamp = (v: number, s: ParamSpec): number => Math.min(s.hi, Math.max(s.lo, v));

function draw(s: ParamSpec, u: number | null): number {
  const [a, b] = s.start;
  // u === null: the centre of the range (geometric for log ranges).
  if (s.log) return u === null ? Math.sqrt(a * b) : a * (b / a) ** u;
  return u === null ? (a + b) / 2 : a + (b - a) * u;
}

/**
 * A starting point in optimizer units: the shape parameters drawn, the amplitude then chosen
 * by linear least squares (exact, since y is linear in it), which removes one dimension from
 * the search.
 */
function startingPoint(
  model: ScalingModel,
  points: Points,
  scales: Scales,
  rng: Rng | null,
): number[] {
  const q = model.params.map((s) => draw(s, rng ? rng.next() : null));
  const p = q.map((v, j) => v * (scales.units[j] as number));
  p[0] = 1;
  let gy = 0;
  let gg = 0;
  for (let i = 0; i < points.x.length; i++) {
    const g = model.value(p, points.x[i] as number);
    gy += g * (points.y[i] as number);
    gg += g * g;
  }
  const amp = gg > 0 && Number.isFinite(gy / gg) ? gy / gg : scales.sy;
  q[0] = clamp(amp / (scales.units[0] as number), model.params[0] as ParamSpec);
  return q;
}

/**
 * Levenberg–Marquardt over the parameters not `fixed` (the others keep their value in q0).
 * The library has no relative-improvement stop, so it runs in chunks, stopped when a chunk no
 * longer lowers the error: a refit near its optimum then costs a few chunks, not the budget.
 */
function solve(
  model: ScalingModel,
  points: Points,
  scales: Scales,
  q0: readonly number[],
  fixed: readonly boolean[],
  maxIterations: number,
): number[] {
  const { units, sy } = scales;
  const free = model.params.map((_, j) => j).filter((j) => !fixed[j]);
  const full = (r: readonly number[]): number[] => {
    const q = [...q0];
    free.forEach((j, i) => (q[j] = r[i] as number));
    return q;
  };
  const toParams = (r: readonly number[]) => full(r).map((v, j) => v * (units[j] as number));
  const data = { x: points.x as number[], y: points.y.map((v) => v / sy) };
  const options = {
    minValues: free.map((j) => (model.params[j] as ParamSpec).lo),
    maxValues: free.map((j) => (model.params[j] as ParamSpec).hi),
    // Stop only on an essentially exact fit; otherwise the chunk's iterations run out.
    errorTolerance: 1e-20,
    jacobianFunction: (r: number[]) => {
      const p = toParams(r);
      return (x: number) => {
        const g = model.gradient(p, x);
        return free.map((j) => ((g[j] as number) * (units[j] as number)) / sy);
      };
    },
  };
  const fn = (r: number[]) => {
    const p = toParams(r);
    return (x: number) => model.value(p, x) / sy;
  };
  let r = free.map((j) => q0[j] as number);
  let error = Infinity;
  for (let done = 0; done < maxIterations; done += CHUNK) {
    let out: ReturnType<typeof levenbergMarquardt>;
    try {
      out = levenbergMarquardt(data, fn, {
        ...options,
        initialValues: r,
        maxIterations: Math.min(CHUNK, maxIterations - done),
      });
    } catch {
      // A singular normal matrix (a parameter with no effect on any point, as a rate far
      // past saturation): this start goes no further; the other starts may.
      break;
    }
    const improved = out.parameterError < error;
    if (improved) r = out.parameterValues;
    const small = !(error - out.parameterError > 1e-10 * out.parameterError);
    error = Math.min(error, out.parameterError);
    if (!improved || small || out.iterations < CHUNK) break;
  }
  return full(r);
}

/**
 * One start. The library enforces bounds by clamping each step, which can stall next to a
 * bound (the step for the other parameters is computed as if the clamped one had moved). So
 * parameters that end on a bound are then held there and the rest refitted, until the set of
 * parameters on bounds stops changing; the best point seen is kept.
 */
function runFrom(
  model: ScalingModel,
  points: Points,
  scales: Scales,
  q0: readonly number[],
  maxIterations: number,
): { params: number[]; sse: number } | null {
  const evaluate = (q: number[]) => {
    const params = q.map((v, j) => v * (scales.units[j] as number));
    return { params, sse: sumOfSquares(model, params, points) };
  };
  const none = model.params.map(() => false);
  let q = solve(model, points, scales, q0, none, maxIterations);
  let best = evaluate(q);
  let fixed = none;
  for (let round = 0; round < model.params.length; round++) {
    const onBound = model.params.map((s, j) => {
      const v = q[j] as number;
      const tol = 1e-9 * (s.hi - s.lo);
      return v <= s.lo + tol || v >= s.hi - tol;
    });
    if (onBound.every((b, j) => b === fixed[j]) || onBound.every((b) => b)) break;
    fixed = onBound;
    q = solve(model, points, scales, q, fixed, maxIterations);
    const e = evaluate(q);
    if (!(e.sse < best.sse)) break;
    best = e;
  }
  return Number.isFinite(best.sse) ? best : null;
}

/** Levenberg–Marquardt iterations per call of the library (see runFrom). */
const CHUNK = 20;

/** Fits `model` to `points`; throws if no starting point reached a finite error. */
export function fitLeastSquares(
  model: ScalingModel,
  points: Points,
  options: LeastSquaresOptions,
): LeastSquaresFit {
  const scales = scalesOf(model, points);
  const maxIterations = options.maxIterations ?? 200;
  const starts: number[][] = [];
  if (options.from) {
    starts.push(
      options.from.map((v, j) =>
        clamp(v / (scales.units[j] as number), model.params[j] as ParamSpec),
      ),
    );
  } else {
    const rng = options.rng;
    if (!rng) throw new Error('fitLeastSquares needs an rng for its random starts');
    starts.push(startingPoint(model, points, scales, null));
    const extra = options.randomStarts ?? 7;
    for (let s = 0; s < extra; s++) starts.push(startingPoint(model, points, scales, rng));
  }
  let best: { params: number[]; sse: number } | null = null;
  let converged = 0;
  for (const q0 of starts) {
    const r = runFrom(model, points, scales, q0, maxIterations);
    if (!r) continue;
    converged++;
    if (!best || r.sse < best.sse) best = r;
  }
  if (!best) throw new Error(`${model.id}: no starting point reached a finite error`);
  return { params: best.params, sse: best.sse, starts: starts.length, converged };
}
