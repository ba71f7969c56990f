/**
 * The engine's `filter` operator as the trainer's spectral step: the same IFFT(gains·FFT(x)) on
 * real rows, run by the GPU engine (float32) or the CPU engine (float64). A GPU backend is made
 * only after its filter agrees with the float64 CPU filter on a seeded test block within the
 * fp32 FFT tolerance (two transforms: twice the engine's `fftTolerance` of the row length).
 */
import { fftTolerance, linfRelError } from '../engine/accuracy';
import type { FilterOptions, FilterResult, InputArray } from '../engine/types';
import { createRng } from '../measure';
import type { SpectralBackend, SpectralBackendKind } from './spectral-backend';
import {
  cpuFilter,
  RESOLVENT_DEFAULTS,
  resolventGains,
  type AsyncSpectralFilter,
} from './spectral';

export interface FilteringEngine {
  filter(data: InputArray, options: FilterOptions): Promise<FilterResult>;
}

export function engineFilter(engine: FilteringEngine): AsyncSpectralFilter {
  return async (data, n, rows, gains) => {
    const r = await engine.filter(data, { shape: [n], batch: rows, gains, real: true });
    // The result is interleaved complex; a real input's filtered rows are its real parts.
    const out = new Float64Array(n * rows);
    for (let i = 0; i < out.length; i++) out[i] = r.data[2 * i] as number;
    return out;
  };
}

/** The agreement the spectral step needs between a float32 filter and the float64 one. */
export function spectralTolerance(n: number): number {
  return 2 * fftTolerance(n);
}

/** Filters a seeded block (rows of uniform values in [−1, 1)) both ways and compares. */
export async function checkSpectralFilter(
  filter: AsyncSpectralFilter,
  n = 64,
  rows = 8,
): Promise<{ error: number; tolerance: number }> {
  const rng = createRng(20240611);
  const data = Float64Array.from({ length: n * rows }, () => 2 * rng.next() - 1);
  const gains = resolventGains(n, RESOLVENT_DEFAULTS).r;
  const error = linfRelError(await filter(data, n, rows, gains), cpuFilter(data, n, rows, gains));
  return { error, tolerance: spectralTolerance(n) };
}

/** A backend on an engine, with its self-check recorded (GPU engines only need one). */
export async function engineBackend(
  engine: FilteringEngine,
  kind: SpectralBackendKind,
): Promise<SpectralBackend> {
  const filter = engineFilter(engine);
  if (kind === 'cpu') return { kind, filter };
  return { kind, filter, check: await checkSpectralFilter(filter) };
}
