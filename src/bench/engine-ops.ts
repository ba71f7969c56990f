/**
 * The engine's operations as the benchmark times them: `prepare()` uploads the data once and
 * keeps it on the GPU; `run(repeats)` records the repeats in one pass and one submit.
 */
import type { GpuEngine, PreparedOp, VariantChoice } from '../engine/gpu/gpu-engine';
import type { InputArray, ResolventOptions, TransformOptions } from '../engine/types';

export interface BenchOp {
  readonly op: PreparedOp;
  /** Set when the operation is not what was asked for (a resolvent that could not fuse). */
  readonly note: string | null;
}

export async function prepareFft(
  engine: GpuEngine,
  data: InputArray,
  options: TransformOptions & VariantChoice,
): Promise<BenchOp> {
  return { op: await engine.prepare('fft', data, options), note: null };
}

/** The filter and the per-signal and batch reductions alone, on data taken as spectra. */
export async function prepareReductions(
  engine: GpuEngine,
  data: InputArray,
  options: ResolventOptions,
): Promise<BenchOp> {
  return { op: await engine.prepare('reductions', data, options), note: null };
}

export async function prepareResolvent(
  engine: GpuEngine,
  data: InputArray,
  options: ResolventOptions,
  fused: boolean,
): Promise<BenchOp> {
  const op = await engine.prepare('resolvent', data, { ...options, fused });
  const note =
    fused && !op.fused
      ? 'asked fused, but this shape runs as separate passes on this device'
      : null;
  return { op, note };
}
