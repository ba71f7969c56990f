/**
 * The one definition of the split-step propagator's formulas. The float64 reference
 * (cpu/propagate64.ts) applies these tables directly and the GPU path uploads the same tables,
 * so the two can differ only by float32 rounding, never by a formula.
 */
import { fftfreq } from '../resolvent-math';
import { rowsAndColumns } from '../shape';
import type { Shape } from '../types';

export const HBAR_DEFAULT = 1;
export const MASS_DEFAULT = 1;
export const DX_DEFAULT = 1;

export interface PropagatorConstants {
  dt: number;
  hbar: number;
  mass: number;
  dx: number;
}

/** k = 2π·numpy.fft.fftfreq(n, d=dx)[i], in radians per unit length. */
export function waveNumber(i: number, n: number, dx: number): number {
  return (2 * Math.PI * fftfreq(i, n)) / dx;
}

function axisK2(n: number, dx: number): Float64Array {
  const k2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = waveNumber(i, n, dx);
    k2[i] = k * k;
  }
  return k2;
}

/** k² = ky² + kx² for every bin of a shape, row-major [ky][kx] (1D: ky = 0). */
export function waveNumberSquared(shape: Shape, dx: number): Float64Array {
  const [ny, nx] = rowsAndColumns(shape);
  const ky2 = shape.length === 1 ? new Float64Array(1) : axisK2(ny, dx);
  const kx2 = axisK2(nx, dx);
  const out = new Float64Array(ny * nx);
  for (let y = 0; y < ny; y++) {
    const a = ky2[y] as number;
    for (let x = 0; x < nx; x++) out[y * nx + x] = a + (kx2[x] as number);
  }
  return out;
}

/** Interleaved e^{iθ} for every θ, so both tables share one cos/sin loop. */
function phasors(theta: ArrayLike<number>, scale: number): Float64Array {
  const out = new Float64Array(2 * theta.length);
  for (let i = 0; i < theta.length; i++) {
    const a = scale * (theta[i] as number);
    out[2 * i] = Math.cos(a);
    out[2 * i + 1] = Math.sin(a);
  }
  return out;
}

/** e^{−iħk²dt/(2m)} per bin, interleaved complex float64 (2·prod(shape) values). */
export function kineticPhase(shape: Shape, c: PropagatorConstants): Float64Array {
  return phasors(waveNumberSquared(shape, c.dx), (-c.hbar * c.dt) / (2 * c.mass));
}

/**
 * e^{−iV·fraction·dt/ħ} per element, interleaved complex float64. fraction 0.5 is the half step
 * of the symmetric splitting; 1 is two adjacent half steps merged into one.
 */
export function potentialPhase(
  potential: ArrayLike<number>,
  c: PropagatorConstants,
  fraction: number,
): Float64Array {
  return phasors(potential, (-fraction * c.dt) / c.hbar);
}

/** Σ|ψ|²·dx^dims over n complex values of interleaved psi starting at complex index `offset`. */
export function normOf(
  psi: ArrayLike<number>,
  offset: number,
  n: number,
  dx: number,
  dims: 1 | 2,
): number {
  let s = 0;
  for (let i = 2 * offset, end = 2 * (offset + n); i < end; i += 2) {
    const re = psi[i] as number;
    const im = psi[i + 1] as number;
    s += re * re + im * im;
  }
  return s * dx ** dims;
}
