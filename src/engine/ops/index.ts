/**
 * Every operator the engine offers, by id. The engine's sugar methods, `prepare` by name, the
 * planner's keys and the benchmark's cases all come from here: a new operator is a new file
 * in this folder and one line below.
 */
import { copyOp } from './copy';
import { fftOp } from './fft';
import { filterOp } from './filter';
import type { AnyOperator } from './operator';
import { propagateOp } from './propagate';
import { readReduceOp } from './read-reduce';
import { reductionsOp, resolventOp } from './resolvent';
import { whtOp } from './wht';

export const OPERATORS = {
  fft: fftOp,
  resolvent: resolventOp,
  reductions: reductionsOp,
  filter: filterOp,
  wht: whtOp,
  propagate: propagateOp,
  copy: copyOp,
  'read-reduce': readReduceOp,
} as const satisfies Record<string, AnyOperator>;

export type OperatorId = keyof typeof OPERATORS;

export { copyOp, fftOp, filterOp, propagateOp, readReduceOp, reductionsOp, resolventOp, whtOp };
