/**
 * Exports of the Walsh–Hadamard and quantum kinds: pure functions from what a frame showed to
 * file text, in the conventions of export.ts (shortest exact numbers; JSON carries its format,
 * version and configuration; NaN and Infinity become null in JSON).
 */
import type { Shape } from '../engine';
import { gridPositions } from '../workloads/quantum';
import type { PlaygroundConfig } from './config';
import { formatSample, MAX_EXPORT_VALUES } from './export';

export const WALSH_FORMAT = 'phi-resolvent-playground/walsh';
export const QUANTUM_HISTORY_FORMAT = 'phi-resolvent-playground/quantum-history';
export const QUANTUM_STATE_FORMAT = 'phi-resolvent-playground/quantum-state';

export interface WalshExport {
  index: number;
  n: number;
  signal: ArrayLike<number>;
  /** Sequency order. */
  walsh: ArrayLike<number>;
  /** |X(k)|, FFT bin order. */
  fourier: ArrayLike<number>;
  walshCount: number;
  fourierCount: number;
}

function csv(header: readonly string[], rows: number, cell: (row: number, col: number) => number) {
  if (rows * header.length > MAX_EXPORT_VALUES) {
    throw new RangeError(
      `${rows * header.length} values is more than the ${MAX_EXPORT_VALUES} (2^22) a CSV export holds`,
    );
  }
  const lines = [header.join(',')];
  const line = new Array<string>(header.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < header.length; c++) line[c] = formatSample(cell(r, c));
    lines.push(line.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function json(doc: object): string {
  return `${JSON.stringify(doc)}\n`;
}

/** Row i: sample i of the signal, the Walsh coefficient of sequency i and |X| of bin i. */
export function walshToCsv(v: WalshExport): string {
  const columns = [v.signal, v.walsh, v.fourier];
  return csv(['i', 'signal', 'walsh_sequency', 'fourier_magnitude'], v.n, (i, c) =>
    c === 0 ? i : (columns[c - 1]?.[i] ?? 0),
  );
}

export function walshToJson(v: WalshExport, config: PlaygroundConfig): string {
  return json({
    format: WALSH_FORMAT,
    version: 1,
    config,
    index: v.index,
    n: v.n,
    walshCount: v.walshCount,
    fourierCount: v.fourierCount,
    signal: Array.from(v.signal),
    walshSequency: Array.from(v.walsh),
    fourierMagnitude: Array.from(v.fourier),
  });
}

export interface QuantumHistoryRow {
  t: number;
  frame: number;
  norm: number;
  energy: number;
  kinetic: number;
  potential: number;
}

export const QUANTUM_HISTORY_COLUMNS = [
  't',
  'frame',
  'norm',
  'energy',
  'kinetic',
  'potential',
] as const satisfies readonly (keyof QuantumHistoryRow)[];

export function quantumHistoryToCsv(rows: readonly QuantumHistoryRow[]): string {
  return csv(QUANTUM_HISTORY_COLUMNS, rows.length, (r, c) => {
    const column = QUANTUM_HISTORY_COLUMNS[c];
    return column ? (rows[r]?.[column] ?? 0) : 0;
  });
}

export function quantumHistoryToJson(
  rows: readonly QuantumHistoryRow[],
  config: PlaygroundConfig,
): string {
  return json({
    format: QUANTUM_HISTORY_FORMAT,
    version: 1,
    config,
    columns: QUANTUM_HISTORY_COLUMNS,
    rows,
  });
}

export interface QuantumStateExport {
  shape: Shape;
  dx: number;
  t: number;
  /** Interleaved complex. */
  psi: ArrayLike<number>;
  potential: ArrayLike<number>;
}

/** One row per grid point (row-major in 2D): position, Re ψ, Im ψ, |ψ|² and V. */
export function quantumStateToCsv(v: QuantumStateExport): string {
  const [ny, nx] = v.shape.length === 1 ? [1, v.shape[0]] : v.shape;
  const xs = gridPositions(nx, v.dx);
  const ys = gridPositions(ny, v.dx);
  const header = v.shape.length === 1 ? ['x'] : ['y', 'x'];
  const lead = header.length;
  return csv([...header, 're', 'im', 'density', 'V'], ny * nx, (i, c) => {
    const re = v.psi[2 * i] ?? 0;
    const im = v.psi[2 * i + 1] ?? 0;
    if (c < lead) return (c === lead - 1 ? xs[i % nx] : ys[Math.floor(i / nx)]) ?? 0;
    return [re, im, re * re + im * im, v.potential[i] ?? 0][c - lead] ?? 0;
  });
}

export function quantumStateToJson(v: QuantumStateExport, config: PlaygroundConfig): string {
  const re: number[] = [];
  const im: number[] = [];
  for (let i = 0; i < v.psi.length; i += 2) {
    re.push(v.psi[i] ?? 0);
    im.push(v.psi[i + 1] ?? 0);
  }
  return json({
    format: QUANTUM_STATE_FORMAT,
    version: 1,
    config,
    shape: v.shape,
    dx: v.dx,
    t: v.t,
    grid: 'x_i = (i − n/2)·dx on each axis, row-major [y][x]',
    re,
    im,
    potential: Array.from(v.potential),
  });
}
