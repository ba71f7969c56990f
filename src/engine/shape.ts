/** Geometry of a signal shape, defined once for the engine, the checks and the metrics. */
import type { Shape } from './types';

/** Values per signal: n in 1D, ny·nx in 2D. */
export function signalLength(shape: Shape): number {
  return shape.length === 1 ? shape[0] : shape[0] * shape[1];
}

/** [rows, columns]: [1, n] in 1D. */
export function rowsAndColumns(shape: Shape): [number, number] {
  return shape.length === 1 ? [1, shape[0]] : [shape[0], shape[1]];
}
