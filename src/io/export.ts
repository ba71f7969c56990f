/**
 * Exports for the UI's "export" button: pure functions from results to file text. CSV numbers
 * use the shortest text that reads back to the same value, so an export parses back exactly.
 */
import type { Shape } from '../engine';
import type { PlaygroundConfig } from './config';

/** One frame's metrics, as the run loop records them. */
export interface MetricsRow {
  /** Seconds since the run started. */
  t: number;
  frame: number;
  highKEnergy: number;
  /** High-k energy as a share of the frame's total spectral energy, 0..1. */
  highKFraction: number;
  coherence: number;
  signalsPerSec: number;
  gflops: number;
  gbps: number;
}

export const METRICS_COLUMNS = [
  't',
  'frame',
  'highKEnergy',
  'highKFraction',
  'coherence',
  'signalsPerSec',
  'gflops',
  'gbps',
] as const satisfies readonly (keyof MetricsRow)[];

/** A signals CSV of more values than this would be hundreds of MiB of text. */
export const MAX_EXPORT_VALUES = 2 ** 22;

/** Header row, then one row per frame; NaN/Infinity are written as JavaScript spells them. */
export function metricsToCsv(rows: readonly MetricsRow[]): string {
  const lines = [METRICS_COLUMNS.join(',')];
  for (const row of rows) lines.push(METRICS_COLUMNS.map((c) => String(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export const METRICS_FORMAT = 'phi-resolvent-playground/metrics';

/**
 * A self-describing document: the configuration that produced the metrics (when given) and the
 * rows. JSON has no NaN or Infinity; such values are written as null.
 */
export function metricsToJson(rows: readonly MetricsRow[], config?: PlaygroundConfig): string {
  const doc = {
    format: METRICS_FORMAT,
    version: 1,
    ...(config ? { config } : {}),
    columns: METRICS_COLUMNS,
    rows,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Shortest decimal text that reads back to the same float32 (at most 9 significant digits). */
export function formatFloat32(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f) || f === 0) return String(f);
  for (let digits = 6; digits < 9; digits++) {
    const text = String(Number(f.toPrecision(digits)));
    if (Math.fround(Number(text)) === f) return text;
  }
  return String(Number(f.toPrecision(9)));
}

/** Float32 values in their shortest float32 text; anything else (float64 results) in full. */
export function formatSample(value: number): string {
  return Math.fround(value) === value ? formatFloat32(value) : String(value);
}

/**
 * One column per signal under a header `signal_0,signal_1,…`, one row per sample (2D signals
 * flattened row-major). Columns with a header are how importFile reads signals back.
 */
export function signalsToCsv(shape: Shape, batch: number, data: ArrayLike<number>): string {
  const n = shape.length === 1 ? shape[0] : shape[0] * shape[1];
  if (data.length !== batch * n) {
    throw new RangeError(
      `signalsToCsv: shape [${shape.join(', ')}] × batch ${batch} needs ${batch * n} values; got ${data.length}`,
    );
  }
  if (data.length > MAX_EXPORT_VALUES) {
    throw new RangeError(
      `signalsToCsv: ${data.length} values is more than the ${MAX_EXPORT_VALUES} (2^22) a CSV export holds; export fewer signals`,
    );
  }
  const lines = [Array.from({ length: batch }, (_, b) => `signal_${b}`).join(',')];
  const row = new Array<string>(batch);
  for (let t = 0; t < n; t++) {
    for (let b = 0; b < batch; b++) row[b] = formatSample(data[b * n + t] ?? 0);
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
