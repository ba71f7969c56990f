/**
 * What a generator is asked for, and the check that runs before any sample is made: a bad spec
 * throws one WorkloadError naming the field, instead of yielding NaN samples or a huge array.
 */
import type { Shape } from '../engine';
import { dimsOf, type GeneratorId } from './generator-catalog';
import { checkRule, MAX_TOTAL_SAMPLES, WORKLOAD_RULES, type Rule } from './param-rules';

export interface WorkloadSpec {
  generator: GeneratorId;
  /** `[n]` for 1D generators, `[ny, nx]` for 2D ones. */
  shape: Shape;
  batch: number;
  seed: number;
  /** Base frequency in cycles/sample: lowest golden tone, chirp start, square wave. */
  f0: number;
  /** Chirp end frequency in cycles/sample. */
  f1: number;
  /** Number of golden tones. */
  tones: number;
  /** Signal-to-noise ratio of 'coherent-noise', in dB. */
  snrDb: number;
  /** Width (standard deviation) of the 2D blob, in pixels. */
  sigma: number;
  /** Side of a checkerboard cell, in pixels. */
  cell: number;
  /**
   * Where the window of a live stream starts (0 when absent): the 1D generators sample at
   * t + t0, so tones and square waves scroll with each tone's phase drifting at its own rate and
   * the chirp restarts every n samples; the impulse and the 2D images move right by t0, wrapping.
   */
  t0?: number;
  /**
   * Which draw of noise (0 when absent): 0 continues each signal's own random stream, as the
   * static workload always has; any other value draws the noise from a separate sub-stream, so
   * the noise is fresh while the tones' phases, the chirp's start and the positions stay.
   */
  noiseDraw?: number;
}

export class WorkloadError extends Error {
  override readonly name = 'WorkloadError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function field<T>(name: string, rule: Rule<T>, value: unknown): T {
  const r = checkRule(rule, value);
  if (!r.ok) throw new WorkloadError(name, r.message);
  return r.value;
}

/** Samples per signal: n, or ny·nx. */
export function samplesPerSignal(shape: Shape): number {
  return shape.length === 1 ? shape[0] : shape[0] * shape[1];
}

/** Checks every field of a spec; throws WorkloadError on the first bad one. */
export function checkWorkload(spec: WorkloadSpec): WorkloadSpec {
  const generator = field('generator', WORKLOAD_RULES.generator, spec.generator);
  const dims = dimsOf(generator);
  const shape: unknown = spec.shape;
  if (!Array.isArray(shape) || shape.length !== dims) {
    const want = dims === 1 ? '[n]' : '[ny, nx]';
    throw new WorkloadError(
      'shape',
      `shape must be ${want} for the ${dims}D generator '${generator}'; got ${JSON.stringify(shape)}`,
    );
  }
  const checkedShape: Shape =
    dims === 1
      ? [field('shape[0] (n)', WORKLOAD_RULES.n, shape[0])]
      : [
          field('shape[0] (ny)', WORKLOAD_RULES.ny, shape[0]),
          field('shape[1] (nx)', WORKLOAD_RULES.nx, shape[1]),
        ];
  const checked: WorkloadSpec = {
    generator,
    shape: checkedShape,
    batch: field('batch', WORKLOAD_RULES.batch, spec.batch),
    seed: field('seed', WORKLOAD_RULES.seed, spec.seed),
    f0: field('f0', WORKLOAD_RULES.f0, spec.f0),
    f1: field('f1', WORKLOAD_RULES.f1, spec.f1),
    tones: field('tones', WORKLOAD_RULES.tones, spec.tones),
    snrDb: field('snrDb', WORKLOAD_RULES.snrDb, spec.snrDb),
    sigma: field('sigma', WORKLOAD_RULES.sigma, spec.sigma),
    cell: field('cell', WORKLOAD_RULES.cell, spec.cell),
  };
  // Left out when absent, so a static spec (and the key the app derives from it) is unchanged.
  if (spec.t0 !== undefined) checked.t0 = field('t0', WORKLOAD_RULES.t0, spec.t0);
  if (spec.noiseDraw !== undefined) {
    checked.noiseDraw = field('noiseDraw', WORKLOAD_RULES.noiseDraw, spec.noiseDraw);
  }
  const total = checked.batch * samplesPerSignal(checkedShape);
  if (total > MAX_TOTAL_SAMPLES) {
    throw new WorkloadError(
      'batch',
      `batch × samples per signal must be at most ${MAX_TOTAL_SAMPLES} (2^26, 256 MiB of ` +
        `float32); got ${checked.batch} × ${samplesPerSignal(checkedShape)} = ${total}`,
    );
  }
  return checked;
}
