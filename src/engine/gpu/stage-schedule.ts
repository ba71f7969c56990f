/**
 * The dispatches of the 'stages' and 'subgroups' variants: which Stockham stage runs on which
 * axis, with which radix, lanes and ns, in which direction. Pure data, unit-tested; gpu-plan.ts
 * turns each entry into a dispatch of a stage-codegen.ts kernel.
 *
 * A forward transform runs the axes in order and each axis's passes in order (largest radices
 * first); an inverse runs both reversed. Any order of radices is a valid Stockham transform, and
 * the reversed one is what lets a fused spectral pipeline merge two passes: the last forward stage
 * (ns = n/R) of butterfly j reads and writes positions j + r·n/R, exactly the inputs of
 * butterfly j of a first inverse stage of the same radix (ns = 1, no twiddles). One invocation
 * does both, filtering in registers between them, so the fused pipeline saves the filter pass
 * and one FFT pass over the data.
 */
import { stagePasses } from './fft-plan';
import type { Shape } from '../types';

/** One axis of a transform: its length and element layout. */
export interface Axis {
  n: number;
  /** Transforms along this axis per signal. */
  inner: number;
  signalStride: number;
  innerStride: number;
  elemStride: number;
}

/**
 * 'fft': a plain stage. 'filter': the last forward stage, which also multiplies each bin by R
 * and writes its partial sums. 'filter-inverse': that, then the first inverse stage in registers.
 */
export type StageRole = 'fft' | 'filter' | 'filter-inverse';

export interface StageDispatch {
  axis: Axis;
  radix: number;
  lanes: number;
  /** Product of the radices of the earlier stages on this axis (of the forward half for 'filter-inverse'). */
  ns: number;
  inverse: boolean;
  role: StageRole;
  /** Applied to the output: 1/size on the last stage of an inverse transform, else 1. */
  scale: number;
}

export function stageAxes(shape: Shape): Axis[] {
  if (shape.length === 1) {
    const [n] = shape;
    return [{ n, inner: 1, signalStride: n, innerStride: 0, elemStride: 1 }];
  }
  const [ny, nx] = shape;
  const size = ny * nx;
  return [
    { n: nx, inner: ny, signalStride: size, innerStride: nx, elemStride: 1 },
    { n: ny, inner: nx, signalStride: size, innerStride: 1, elemStride: nx },
  ];
}

/**
 * Every stage of a forward or inverse transform; `maxLanes` > 1 for the 'subgroups' variant,
 * `maxRadix` 2 for one radix-2 stage per dispatch (the butterfly view's capture).
 */
export function transformStages(
  shape: Shape,
  inverse: boolean,
  maxLanes = 1,
  maxRadix = 16,
): StageDispatch[] {
  const axes = stageAxes(shape);
  const size = axes.reduce((s, a) => s * a.n, 1);
  const out: StageDispatch[] = [];
  for (const axis of inverse ? [...axes].reverse() : axes) {
    const passes = stagePasses(axis.n, maxLanes, maxRadix);
    let ns = 1;
    for (const { radix, lanes } of inverse ? [...passes].reverse() : passes) {
      out.push({ axis, radix, lanes, ns, inverse, role: 'fft', scale: 1 });
      ns *= radix * lanes;
    }
  }
  if (inverse) (out[out.length - 1] as StageDispatch).scale = 1 / size;
  return out;
}

/**
 * A fused spectral pipeline (the resolvent, a filter, a kinetic step): `before` ends with the
 * stage that applies the hook (and, where its butterfly is one invocation's, also starts the
 * inverse), `after` finishes the inverse. A hook's per-signal sums are reduced between the two.
 */
export function fusedSpectralStages(
  shape: Shape,
  maxLanes = 1,
): { before: StageDispatch[]; after: StageDispatch[] } {
  const before = transformStages(shape, false, maxLanes);
  const after = transformStages(shape, true, maxLanes);
  const last = before[before.length - 1] as StageDispatch;
  // A butterfly spread over subgroup lanes leaves its outputs in another lane order than the
  // inverse stage reads: only a one-invocation butterfly merges.
  if (last.lanes === 1) {
    const first = after.shift() as StageDispatch;
    last.role = 'filter-inverse';
    last.scale = first.scale;
  } else {
    last.role = 'filter';
  }
  return { before, after };
}

/** Invocations per signal of the filtering stage: how many partial sums each signal gets. */
export function filterPartials(stage: StageDispatch): number {
  return (stage.axis.inner * stage.axis.n) / stage.radix;
}
