/**
 * What each column of the results table means, in words. Keyed by the CLI's column names
 * (format-table.ts), so a column added there does not compile here until it is explained.
 */
import type { TABLE_COLUMNS } from '../../bench/format-table';

export type ColumnName = (typeof TABLE_COLUMNS)[number];

export interface ColumnInfo {
  /** The header shown in the app (the CLI keeps its shorter names). */
  label: string;
  legend: string;
}

export const COLUMNS: Record<ColumnName, ColumnInfo> = {
  op: {
    label: 'operation',
    legend:
      "What was timed. fft is this project's FFT on the GPU, with its kernel variant in " +
      'brackets; (sw) marks a software adapter, whose times are a CPU emulating a GPU.',
  },
  shape: { label: 'shape', legend: 'Signal length N, or rows × columns of a 2D signal.' },
  batch: { label: 'batch', legend: 'Signals processed by one operation.' },
  'median ms': {
    label: 'median ms',
    legend: 'Median time of one operation over the timed spans, in milliseconds. Lower is better.',
  },
  cv: {
    label: 'spread',
    legend:
      'The ± of the median: coefficient of variation of the per-operation times over the spans (standard deviation ÷ ' +
      'mean). Above about 10% the timing was noisy: compare such rows with care.',
  },
  'signals/s': { label: 'signals/s', legend: 'Signals processed per second. Higher is better.' },
  'GFLOP/s': {
    label: 'GFLOP/s',
    legend:
      'Billions of floating-point operations per second, counting 5·N·log₂N per complex FFT ' +
      '(– where no operation count is defined).',
  },
  'GB/s': {
    label: 'GB/s',
    legend: 'Bytes the operation must read and write at least, divided by its time.',
  },
  eff: {
    label: 'eff.',
    legend:
      'Efficiency: time to copy the same bytes on the same GPU ÷ this time. 100% is as fast as reading and ' +
      'writing the data once: the memory-bandwidth limit. GPU rows only.',
  },
  disp: { label: 'disp.', legend: 'Dispatches: GPU kernel launches per operation.' },
  'vs fft.js': {
    label: 'vs fft.js',
    legend:
      'Speed-up over fft.js (float64 JavaScript) on one thread, same shape, per signal. ' +
      'Above 1× is faster.',
  },
  'vs pffft': {
    label: 'vs PFFFT',
    legend: 'Speed-up over PFFFT (float32 SIMD WebAssembly) on one thread, same shape, per signal.',
  },
  'vs tfjs': {
    label: 'vs TF.js',
    legend:
      "Speed-up over TensorFlow.js's WebGPU FFT, same shape and batch. No ratio where " +
      'TensorFlow.js failed verification: a wrong answer is no baseline.',
  },
  'vs cuFFT': {
    label: 'vs cuFFT',
    legend:
      "This FFT's throughput as a fraction of cuFFT's (PyTorch, CUDA) on the same GPU; only in " +
      'runs made with --native.',
  },
  'max rel err': {
    label: 'rel. error',
    legend:
      'Maximum relative error: the largest error against a float64 reference, relative to the largest reference value: ' +
      'max|a − b| ÷ max|b|.',
  },
  ok: {
    label: 'verified',
    legend:
      'passed: the error is within the tolerance stated for this size. failed: it is not; the ' +
      'row is marked and no speed-up is computed against it.',
  },
};
