/**
 * Inputs and float64 references. Every case of a given shape and batch gets the same seeded
 * input, so the GPU, fft.js and TensorFlow.js results are checked against one reference,
 * computed by the engine's CPU float64 engine on the checked signals only.
 */
import { createCpuEngine, type ResolventResult } from '../engine';
import { uniformSigned } from '../workloads/rng';
import type { BenchShape } from './suite';
import { verifiedSignalIndices } from './suite';
import { maxRelError } from './verify';
import { signalPoints } from './metrics';

const cpu = createCpuEngine();

export function inputFor(shape: BenchShape, batch: number): Float32Array {
  // One seed per shape/batch so that repeated runs measure the same data.
  const seed = signalPoints(shape) * 7919 + batch;
  return uniformSigned(seed, 2 * batch * signalPoints(shape));
}

/** The interleaved complex values of the given signals, concatenated. */
export function pickSignals(
  data: ArrayLike<number>,
  indices: readonly number[],
  per: number,
): Float64Array {
  const out = new Float64Array(indices.length * per);
  indices.forEach((s, k) => {
    for (let i = 0; i < per; i++) out[k * per + i] = data[s * per + i] as number;
  });
  return out;
}

export function pickValues(data: ArrayLike<number>, indices: readonly number[]): Float64Array {
  return Float64Array.from(indices, (i) => data[i] as number);
}

export interface FftCheck {
  indices: number[];
  /** Reference spectra of the checked signals, interleaved, concatenated. */
  expected: Float64Array;
}

export interface ResolventCheck {
  indices: number[];
  expected: ResolventResult;
}

export class References {
  private readonly ffts = new Map<string, FftCheck>();

  constructor(readonly verifyPoints: number) {}

  async fft(shape: BenchShape, batch: number, input: Float32Array): Promise<FftCheck> {
    const key = `${shape.join('x')}/${batch}`;
    const hit = this.ffts.get(key);
    if (hit) return hit;
    const points = signalPoints(shape);
    const indices = verifiedSignalIndices(batch, points, this.verifyPoints);
    const subset = pickSignals(input, indices, 2 * points);
    const { data } = await cpu.fft(subset, { shape, batch: indices.length });
    const check = { indices, expected: Float64Array.from(data) };
    // Only the latest few are worth keeping: cases run shape by shape.
    if (this.ffts.size > 8) this.ffts.clear();
    this.ffts.set(key, check);
    return check;
  }

  async resolvent(shape: BenchShape, batch: number, input: Float32Array): Promise<ResolventCheck> {
    const points = signalPoints(shape);
    const indices = verifiedSignalIndices(batch, points, this.verifyPoints);
    const subset = pickSignals(input, indices, 2 * points);
    const expected = await cpu.resolvent(subset, { shape, batch: indices.length });
    return { indices, expected };
  }
}

/**
 * Reference for the batch reductions alone: the input is taken as spectra X. Its metrics are the
 * resolvent metrics of x = IFFT(X) (float64 round trip), and the expected data output is R·X,
 * the FFT of the reference's filtered signals.
 */
export async function reductionsCheck(
  refs: References,
  shape: BenchShape,
  batch: number,
  input: Float32Array,
): Promise<ResolventCheck> {
  const points = signalPoints(shape);
  const indices = verifiedSignalIndices(batch, points, refs.verifyPoints);
  const spectra = pickSignals(input, indices, 2 * points);
  const x = (await cpu.fft(spectra, { shape, batch: indices.length, inverse: true })).data;
  const expected = await cpu.resolvent(x, { shape, batch: indices.length });
  const rx = (await cpu.fft(expected.filtered, { shape, batch: indices.length })).data;
  return { indices, expected: { ...expected, filtered: rx } };
}

/** Error of a batch FFT output against its reference, over the checked signals. */
export function fftError(output: ArrayLike<number>, shape: BenchShape, check: FftCheck): number {
  return maxRelError(pickSignals(output, check.indices, 2 * signalPoints(shape)), check.expected);
}

/** Worst error over the filtered signals and the per-signal reductions. */
export function resolventError(
  out: ResolventResult,
  shape: BenchShape,
  check: ResolventCheck,
): number {
  const { indices, expected } = check;
  const filtered = maxRelError(
    pickSignals(out.filtered, indices, 2 * signalPoints(shape)),
    expected.filtered,
  );
  const reductions = [
    maxRelError(pickValues(out.highKEnergy, indices), expected.highKEnergy),
    maxRelError(pickValues(out.coherence, indices), expected.coherence),
    maxRelError(pickValues(out.energy, indices), expected.energy),
  ];
  return Math.max(filtered, ...reductions);
}
