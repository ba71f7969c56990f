/**
 * The φ-resolvent: forward FFT, X ← R·X with R = 1/(1 + φ·(kScale·κ)²), the per-signal sums
 * every metric derives from, inverse FFT. On the GPU it is the spectral pipeline with the
 * 'resolvent' hook; `reductionsOp` is the hook alone, on data that already is a spectrum (the
 * benchmark times it to separate the filter and its reductions from the FFTs).
 */
import { interleave, split, toComplexF32 } from '../complex';
import { fftNdInPlace } from '../cpu/fft64';
import { axisQ, fftFlops, metricsFromSums, weights, type SpectralSums } from '../resolvent-math';
import type { InputArray, KUnit, ResolventOptions, ResolventResult, Shape, Timing } from '../types';
import { rowsAndColumns, signalLength } from '../shape';
import { checkFlag, checkResolvent, type CheckedResolvent } from '../validate';
import type { GpuOutput, GpuProgram, Operator, ProgramTable } from './operator';

export interface CheckedResolventOp extends CheckedResolvent {
  fused: boolean;
}

/**
 * What an operator adds so that a prepared run can read back one signal (the live loop's frame,
 * gpu/engine.ts `PreparedOp.read({ signal })`): its result from `out.data` holding only signal
 * `signal` (prod(shape) interleaved complex values) and `out.sums` covering the whole batch.
 */
export interface SignalDecoder<Checked, Result> {
  decodeSignal(out: GpuOutput, o: Checked, signal: number, timing: Timing): Result;
}

function check(data: InputArray, options: ResolventOptions): CheckedResolventOp {
  const checked = checkResolvent(data, options);
  return { ...checked, fused: checkFlag('fused', options.fused, true) };
}

/** R·X in place on one spectrum at `off`, in float64; returns its sums. */
function filterSpectrum(
  re: Float64Array,
  im: Float64Array,
  off: number,
  o: CheckedResolvent,
): SpectralSums {
  const [ny, nx] = rowsAndColumns(o.shape);
  // 1D has no y axis: κy = 0.
  const qy = o.shape.length === 1 ? new Float64Array(1) : axisQ(ny, o.kUnit, o.kScale);
  const qx = axisQ(nx, o.kUnit, o.kScale);
  const sums: SpectralSums = { energy: 0, kept: 0, highK: 0 };
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      const i = off + y * nx + x;
      const { r, oneMinusR } = weights(o.phi, (qy[y] as number) + (qx[x] as number));
      const xr = re[i] as number;
      const xi = im[i] as number;
      const p = xr * xr + xi * xi;
      sums.energy += p;
      sums.kept += r * p;
      sums.highK += oneMinusR * oneMinusR * p;
      re[i] = r * xr;
      im[i] = r * xi;
    }
  }
  return sums;
}

/** The float64 reference; `transform: false` takes the data as spectra (no FFTs). */
function reference(
  data: InputArray,
  o: CheckedResolvent,
  transform: boolean,
): Omit<ResolventResult, 'timing'> {
  const n = signalLength(o.shape);
  const s = split(data, o.real);
  const perSignal: SpectralSums[] = [];
  for (let b = 0; b < o.batch; b++) {
    if (transform) fftNdInPlace(s.re, s.im, o.shape, false, b * n);
    perSignal.push(filterSpectrum(s.re, s.im, b * n, o));
    if (transform) fftNdInPlace(s.re, s.im, o.shape, true, b * n);
  }
  return { filtered: interleave(s), ...metricsFromSums((b) => perSignal[b], o, Float64Array) };
}

/**
 * The live playground calls the resolvent every frame with the same shape, unit and scale, and
 * the plan uploads the tables only when their key changes: keep the last few so a frame does
 * not recompute O(n) float64 tables it will not upload.
 */
const recentTables = new Map<string, { qy: ProgramTable; qx: ProgramTable }>();

function qTables(
  shape: Shape,
  kUnit: KUnit,
  kScale: number,
): { qy: ProgramTable; qx: ProgramTable } {
  const key = `${shape.join('x')}/${kUnit}/${kScale}`;
  const hit = recentTables.get(key);
  if (hit) return hit;
  const [ny, nx] = rowsAndColumns(shape);
  const qy = shape.length === 1 ? [0] : axisQ(ny, kUnit, kScale);
  const qx = axisQ(nx, kUnit, kScale);
  const tables = {
    qy: { key, data: () => Float32Array.from(qy) },
    qx: { key, data: () => Float32Array.from(qx) },
  };
  if (recentTables.size >= 8) recentTables.clear();
  recentTables.set(key, tables);
  return tables;
}

function program(data: InputArray, o: CheckedResolventOp, transform: boolean): GpuProgram {
  const hook = { kind: 'resolvent' } as const;
  return {
    shape: o.shape,
    batch: o.batch,
    input: () => toComplexF32(data, o.real),
    blocks: [transform ? { kind: 'spectral', hook, fused: o.fused } : { kind: 'hook', hook }],
    tables: qTables(o.shape, o.kUnit, o.kScale),
    phi: o.phi,
    sums: true,
  };
}

/** `sums`: vec4 per signal (Σ|X|², ΣR|X|², Σ(1−R)²|X|², 0), then one vec4 for the batch. */
function decode(out: GpuOutput, o: CheckedResolvent): Omit<ResolventResult, 'timing'> {
  const sums = out.sums;
  if (!sums) throw new Error('resolvent: the GPU returned no sums');
  const at = (i: number): SpectralSums => ({
    energy: sums[4 * i] ?? 0,
    kept: sums[4 * i + 1] ?? 0,
    highK: sums[4 * i + 2] ?? 0,
  });
  return { filtered: out.data, ...metricsFromSums(at, o, Float32Array, at(o.batch)) };
}

/** The resolvent with its FFTs (`transform`), or its hook alone on spectra. */
function resolventLike(
  id: string,
  transform: boolean,
): Operator<ResolventOptions, ResolventResult, CheckedResolventOp> &
  SignalDecoder<CheckedResolventOp, ResolventResult> {
  return {
    id,
    check,
    reference: (data, o) => reference(data, o, transform),
    program: (data, o) => program(data, o, transform),
    decode: (out, o, timing) => ({ ...decode(out, o), timing }),
    // Every figure comes from the sums, which are whole; only `filtered` is the one signal.
    decodeSignal: (out, o, _signal, timing) => ({ ...decode(out, o), timing }),
    work: (o) => {
      const n = signalLength(o.shape);
      const ffts = transform ? 2 * fftFlops(n) : 0;
      return { flops: o.batch * (ffts + 12 * n), bytes: 2 * o.batch * n * 8 };
    },
  };
}

export const resolventOp = resolventLike('resolvent', true);
export const reductionsOp = resolventLike('reductions', false);
