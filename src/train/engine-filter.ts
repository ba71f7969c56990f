/**
 * The engine's `filter` operator as the trainer's spectral step: the same IFFT(gains·FFT(x)) on
 * real rows, run by the GPU engine (float32) or the CPU engine (float64). The engine's calls are
 * asynchronous, so this form filters a whole set of rows at once (a layer's gradient), the unit
 * the GPU test compares with `cpuFilter`.
 */
import type { FilterOptions, FilterResult, InputArray } from '../engine/types';

export interface FilteringEngine {
  filter(data: InputArray, options: FilterOptions): Promise<FilterResult>;
}

export type AsyncSpectralFilter = (
  data: Float64Array,
  n: number,
  rows: number,
  gains: Float64Array,
) => Promise<Float64Array>;

export function engineFilter(engine: FilteringEngine): AsyncSpectralFilter {
  return async (data, n, rows, gains) => {
    const r = await engine.filter(data, { shape: [n], batch: rows, gains, real: true });
    // The result is interleaved complex; a real input's filtered rows are its real parts.
    const out = new Float64Array(n * rows);
    for (let i = 0; i < out.length; i++) out[i] = r.data[2 * i] as number;
    return out;
  };
}
