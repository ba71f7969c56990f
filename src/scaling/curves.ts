/** Fitted curves as points for charts: a model's value over a log-spaced grid of x. */
import { MODELS, type ModelId } from './models';

/** `count` values from lo to hi, evenly spaced in log x (sweeps span decades). */
export function logGrid(lo: number, hi: number, count: number): number[] {
  if (!(lo > 0 && hi >= lo) || count < 2) return [lo];
  const a = Math.log(lo);
  const step = (Math.log(hi) - a) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.exp(a + i * step));
}

/** Parameters in the model's order from `{ name: value }` (the JSON's form). */
export function paramVector(id: ModelId, params: Record<string, number>): number[] {
  return MODELS[id].params.map((s) => params[s.name] ?? NaN);
}

export function curve(
  id: ModelId,
  params: Record<string, number>,
  xs: readonly number[],
): { x: number; y: number }[] {
  const p = paramVector(id, params);
  return xs.map((x) => ({ x, y: MODELS[id].value(p, x) }));
}

/** y − model(x) at each measured point. */
export function residuals(
  id: ModelId,
  params: Record<string, number>,
  points: readonly { x: number; y: number }[],
): { x: number; y: number }[] {
  const p = paramVector(id, params);
  return points.map((pt) => ({ x: pt.x, y: pt.y - MODELS[id].value(p, pt.x) }));
}
