/**
 * Seeded, deterministic signal generators. `generate(spec)` is a pure function of the spec:
 * signal b is computed from its own random stream `substreamSeed(seed, b)`, so signals differ
 * from each other, and signal b is the same whatever the batch size.
 */
import { createRng, substreamSeed } from './rng';
import {
  writeChirp,
  writeCoherent,
  writeCoherentNoise,
  writeImpulse,
  writeNoise,
  writeSquare,
  writeSquareAligned,
} from './signals-1d';
import { writeBlob, writeCheckerboard } from './signals-2d';
import { checkWorkload, samplesPerSignal, WorkloadError, type WorkloadSpec } from './workload-spec';

export { GENERATORS, generatorsFor, dimsOf, type GeneratorId } from './generator-catalog';
export { WorkloadError, samplesPerSignal, type WorkloadSpec } from './workload-spec';

function fill(spec: WorkloadSpec, index: number, out: Float64Array): void {
  const seed = substreamSeed(spec.seed, index);
  const rng = createRng(seed);
  // Draw 0 is the signal's own stream (what a static workload has always used); a live frame's
  // draw gets a sub-stream of its own, so the noise is fresh and everything else stays put.
  const draw = spec.noiseDraw ?? 0;
  const noiseRng = draw === 0 ? rng : createRng(substreamSeed(seed, draw));
  const t0 = spec.t0 ?? 0;
  const [ny, nx] = spec.shape.length === 2 ? spec.shape : [1, spec.shape[0]];
  switch (spec.generator) {
    case 'coherent':
      return writeCoherent(out, rng, spec.f0, spec.tones, t0);
    case 'noise':
    case 'noise2d':
      return writeNoise(out, noiseRng);
    case 'chirp':
      return writeChirp(out, rng, spec.f0, spec.f1, t0);
    case 'square':
      return writeSquare(out, rng, spec.f0, t0);
    case 'square-aligned':
      return writeSquareAligned(out, rng, spec.f0, t0);
    case 'impulse':
      return writeImpulse(out, rng, t0);
    case 'coherent-noise':
      return writeCoherentNoise(out, rng, spec.f0, spec.tones, spec.snrDb, t0, noiseRng);
    case 'blob':
      return writeBlob(out, rng, ny, nx, spec.sigma, t0);
    case 'checkerboard':
      return writeCheckerboard(out, rng, ny, nx, spec.cell, t0);
  }
}

/**
 * Signal `index` of the batch in float64, before the rounding to float32 that `generate`
 * applies. Throws WorkloadError for a bad spec or index.
 */
export function generateSignal(spec: WorkloadSpec, index: number): Float64Array {
  const checked = checkWorkload(spec);
  if (!Number.isInteger(index) || index < 0 || index >= checked.batch) {
    throw new WorkloadError(
      'index',
      `signal index must be a whole number from 0 to ${checked.batch - 1}; got ${index}`,
    );
  }
  const out = new Float64Array(samplesPerSignal(checked.shape));
  fill(checked, index, out);
  return out;
}

/**
 * batch·prod(shape) real float32 samples; signal b (row-major) starts at b·prod(shape).
 * Throws WorkloadError naming the field if the spec is out of range.
 */
export function generate(spec: WorkloadSpec): Float32Array {
  const checked = checkWorkload(spec);
  const n = samplesPerSignal(checked.shape);
  const out = new Float32Array(checked.batch * n);
  // One float64 signal at a time: a full float64 copy of the batch would double peak memory.
  const scratch = new Float64Array(n);
  for (let b = 0; b < checked.batch; b++) {
    fill(checked, b, scratch);
    out.set(scratch, b * n);
  }
  return out;
}
