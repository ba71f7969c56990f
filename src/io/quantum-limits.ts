/**
 * What a wave packet needs of its grid, beyond each field's own range: it must start inside the
 * box, its wavenumber must be one the grid can represent, the grid must resolve its width and
 * hold it, and a frame's work must stay bounded. Only the quantum kind is held to these, so the
 * other kinds can use any n without a word about packets.
 */
import type { PlaygroundConfig, Problem } from './config';

/** Steps per frame × grid points: 2^24 complex values stepped per frame is ~a second on a CPU. */
export const MAX_QUANTUM_WORK = 2 ** 24;

export type LimitField = 'x0' | 'k0' | 'packetSigma' | 'stepsPerFrame';

export interface Limit {
  field: LimitField;
  message: string;
  /** The nearest value that passes, which parseConfig uses instead. */
  fixed: number;
}

function short(v: number): number {
  return Number(v.toPrecision(4));
}

function gridPoints(c: PlaygroundConfig): number {
  return c.dims === 1 ? c.n : c.ny * c.nx;
}

/** Every limit the configuration breaks (none unless its kind is 'quantum'). */
export function quantumLimits(c: PlaygroundConfig): Limit[] {
  if (c.kind !== 'quantum') return [];
  const out: Limit[] = [];
  const lengthX = (c.dims === 1 ? c.n : c.nx) * c.dx;
  const lengthMin = c.dims === 1 ? lengthX : Math.min(c.ny, c.nx) * c.dx;
  if (!(Math.abs(c.x0) < lengthX / 2)) {
    out.push({
      field: 'x0',
      message: `x₀ must lie inside the grid, |x₀| < ${c.dims === 1 ? 'n' : 'nx'}·dx/2 = ${short(lengthX / 2)}; got ${c.x0}`,
      fixed: short(Math.sign(c.x0) * 0.4 * lengthX),
    });
  }
  const nyquist = Math.PI / c.dx;
  if (!(Math.abs(c.k0) < nyquist)) {
    out.push({
      field: 'k0',
      message: `k₀ must be below the grid's highest wavenumber, |k₀| < π/dx = ${short(nyquist)}; got ${c.k0}`,
      fixed: short(Math.sign(c.k0) * 0.5 * nyquist),
    });
  }
  // On a grid of under 8 points nothing fits; the packet then spans one cell.
  const widest = Math.max(c.dx, lengthMin / 8);
  if (!(c.packetSigma >= c.dx && c.packetSigma <= widest)) {
    out.push({
      field: 'packetSigma',
      message:
        `σ (packet width) must be from dx = ${c.dx} (resolved by the grid) to ${short(widest)} ` +
        `(an eighth of the grid's ${short(lengthMin)}); got ${c.packetSigma}`,
      fixed: Math.min(widest, Math.max(c.dx, c.packetSigma)),
    });
  }
  const points = gridPoints(c);
  if (c.stepsPerFrame * points > MAX_QUANTUM_WORK) {
    out.push({
      field: 'stepsPerFrame',
      message:
        `steps per frame × grid points must be at most ${MAX_QUANTUM_WORK} (2^24); ` +
        `${c.stepsPerFrame} × ${points} is more`,
      fixed: Math.max(1, Math.floor(MAX_QUANTUM_WORK / points)),
    });
  }
  return out;
}

/** Replaces every value that breaks a limit by the nearest that passes; says what it did. */
export function fitQuantum(config: PlaygroundConfig): Problem[] {
  return quantumLimits(config).map((limit) => {
    config[limit.field] = limit.fixed;
    return { field: limit.field, message: `${limit.message}; using ${limit.fixed}` };
  });
}
