/**
 * What every importer returns, the error it throws, and the limits they share. Imported signals
 * must fit the engine: lengths are zero-padded up to a power of two here, in one place, and the
 * note saying so travels with the data.
 */
import type { Shape } from '../engine';

export interface ImportedData {
  /** The file's name, as given. */
  name: string;
  kind: 'csv' | 'wav' | 'json' | 'image';
  shape: Shape;
  batch: number;
  /** Real samples, batch·prod(shape) values, signal b at offset b·prod(shape). */
  data: Float32Array;
  /** What the importer decided on the user's behalf (orientation, padding, cropping). */
  notes: string[];
}

/** A file that cannot be imported; `problem` says why, the message names the file too. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why `file` is refused by its size alone (known before reading), or null. */
export function fileSizeRefusal(file: { name: string; size: number }): ImportError | null {
  if (file.size <= MAX_FILE_BYTES) return null;
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return new ImportError(
    file.name,
    `the file is ${mib(file.size)}; the limit is ${mib(MAX_FILE_BYTES)} (checked before reading)`,
  );
}
/** The engine's largest 1D FFT. */
export const MAX_SIGNAL_SAMPLES = 2 ** 20;
/** 2^24 float32 samples are 64 MiB, the size of the largest file accepted. */
export const MAX_TOTAL_SAMPLES = 2 ** 24;
/** The largest finite float32; larger finite values would turn into Infinity on the GPU. */
export const FLOAT32_MAX = 3.4028234663852886e38;
/** The smallest positive float32 (a subnormal); a value under half of it in magnitude becomes 0. */
export const FLOAT32_TINY = 1.401298464324817e-45;

export function nextPowerOfTwo(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

/**
 * The reason a sample cannot be imported, or null if it can. `where` completes "… at …"
 * ("line 3, column 2").
 */
export function sampleProblem(value: number, where: string): string | null {
  if (Number.isNaN(value)) return `NaN at ${where}; every sample must be a finite number`;
  if (!Number.isFinite(value)) return `${value} at ${where}; every sample must be a finite number`;
  if (Math.abs(value) > FLOAT32_MAX) {
    return `${value} at ${where} is outside the float32 range (±3.4e38)`;
  }
  return null;
}

/** Whether `batch` signals of `length` samples fit the limits once padded (checkSize passes). */
export function fitsLimits(batch: number, length: number): boolean {
  return (
    batch >= 1 &&
    length >= 1 &&
    length <= MAX_SIGNAL_SAMPLES &&
    batch * nextPowerOfTwo(length) <= MAX_TOTAL_SAMPLES
  );
}

/** Throws unless `batch` signals of `length` samples fit the limits once padded. */
export function checkSize(file: string, batch: number, length: number): void {
  if (batch < 1 || length < 1) throw new ImportError(file, 'the file holds no samples');
  if (length > MAX_SIGNAL_SAMPLES) {
    throw new ImportError(
      file,
      `signals are ${length} samples long; the limit is ${MAX_SIGNAL_SAMPLES} (2^20) samples per signal`,
    );
  }
  const total = batch * nextPowerOfTwo(length);
  if (total > MAX_TOTAL_SAMPLES) {
    throw new ImportError(
      file,
      `${batch} signals of ${nextPowerOfTwo(length)} samples are ${total} samples; the limit is ` +
        `${MAX_TOTAL_SAMPLES} (2^24) samples in total`,
    );
  }
}

/**
 * 1D imported data from `batch` signals of `length` samples stored back to back in `values`,
 * each zero-padded at its end to the next power of two (FFT sizes must be powers of two).
 */
export function importedSignals(
  name: string,
  kind: ImportedData['kind'],
  batch: number,
  length: number,
  values: Float32Array,
  notes: string[],
): ImportedData {
  checkSize(name, batch, length);
  const n = nextPowerOfTwo(length);
  if (n === length) return { name, kind, shape: [n], batch, data: values, notes };
  const data = new Float32Array(batch * n);
  for (let b = 0; b < batch; b++) {
    data.set(values.subarray(b * length, (b + 1) * length), b * n);
  }
  return paddedSignals(name, kind, batch, length, data, notes);
}

/**
 * Like importedSignals, for a parser that wrote each signal straight to its padded place
 * (signal b at b·n, n the next power of two): no second copy of the samples.
 */
export function paddedSignals(
  name: string,
  kind: ImportedData['kind'],
  batch: number,
  length: number,
  data: Float32Array,
  notes: string[],
): ImportedData {
  checkSize(name, batch, length);
  const n = nextPowerOfTwo(length);
  if (data.length !== batch * n) {
    throw new Error(`internal: ${data.length} samples for ${batch} signals of ${n}`);
  }
  if (n === length) return { name, kind, shape: [n], batch, data, notes };
  const each = batch === 1 ? 'the signal' : 'each signal';
  return {
    name,
    kind,
    shape: [n],
    batch,
    data,
    notes: [
      ...notes,
      `zero-padded ${each} from ${length} to ${n} samples at its end, since FFT lengths must be powers of two`,
    ],
  };
}
