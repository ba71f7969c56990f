/**
 * Where the trainer's spectral step (the `smooth` filter and the `penalty`'s filter) runs: the
 * float64 CPU filter, or the engine's `filter` operator on the GPU (see engine-filter.ts). A
 * worker picks one per run and reports it with every shard, so the app can show which ran.
 */
import { cpuFilter, type AsyncSpectralFilter } from './spectral';

export type SpectralBackendKind = 'gpu' | 'cpu';

/** 'auto': the GPU where WebGPU is present, else the CPU. 'cpu': always the CPU. */
export type SpectralPreference = 'auto' | 'cpu';
export const SPECTRAL_PREFERENCES: readonly SpectralPreference[] = ['auto', 'cpu'];

/** The GPU filter measured against the float64 CPU filter on the same rows. */
export interface SpectralCheck {
  /** L∞ relative error max|gpu − cpu| / max|cpu|. */
  error: number;
  tolerance: number;
}

export interface SpectralBackend {
  kind: SpectralBackendKind;
  filter: AsyncSpectralFilter;
  check?: SpectralCheck;
  /** Why the CPU runs the step where the GPU was wanted (no WebGPU, no adapter, …). */
  note?: string;
  /** Frees what the backend owns (the GPU engine); idempotent. */
  dispose?(): void;
}

export const CPU_SPECTRAL: SpectralBackend = {
  kind: 'cpu',
  filter: (data, n, rows, gains) => Promise.resolve(cpuFilter(data, n, rows, gains)),
};

/** What a shard reports about its spectral step: where it ran, how often and how long. */
export interface SpectralReport {
  backend: SpectralBackendKind;
  calls: number;
  ms: number;
  check?: SpectralCheck;
  note?: string;
}

/** Wraps a backend's filter so a shard can count its calls and time them. */
export function meteredFilter(backend: SpectralBackend): {
  filter: AsyncSpectralFilter;
  report(): SpectralReport | null;
} {
  let calls = 0;
  let ms = 0;
  return {
    filter: async (data, n, rows, gains) => {
      const t0 = performance.now();
      try {
        return await backend.filter(data, n, rows, gains);
      } finally {
        calls++;
        ms += performance.now() - t0;
      }
    },
    report: () =>
      calls === 0
        ? null
        : {
            backend: backend.kind,
            calls,
            ms,
            ...(backend.check ? { check: backend.check } : {}),
            ...(backend.note !== undefined ? { note: backend.note } : {}),
          },
  };
}
