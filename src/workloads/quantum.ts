/**
 * Initial states, potentials and observables for the split-step propagator, on the grid
 * x_i = (i − n/2)·dx (the same on each axis in 2D, row-major [y][x]). Pure functions with no
 * React, so the playground and the tests build identical problems. Wavefunctions are
 * interleaved complex Float64Arrays.
 */
import { rowsAndColumns, waveNumberSquared, type Shape } from '../engine';

/** [ny, nx] with ny = 1 in 1D, so every function below is written once for both. */
const dims2 = rowsAndColumns;

export function gridPositions(n: number, dx: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (i - n / 2) * dx;
  return x;
}

/** Scales ψ so Σ|ψ|²·dx^d = 1 on this grid (the discrete norm the propagator conserves). */
function normalizeInPlace(psi: Float64Array, dx: number, d: number): Float64Array {
  let s = 0;
  for (const v of psi) s += v * v;
  const scale = 1 / Math.sqrt(s * dx ** d);
  for (let i = 0; i < psi.length; i++) psi[i] = (psi[i] as number) * scale;
  return psi;
}

/** Interleaved ψ(y, x) = f(y)·g(x) from complex per-axis factors, normalized. */
function separable(
  shape: Shape,
  dx: number,
  fx: (x: number) => readonly [number, number],
  fy: (y: number) => readonly [number, number],
): Float64Array {
  const [ny, nx] = dims2(shape);
  const gx = Array.from(gridPositions(nx, dx), fx);
  const gy = shape.length === 1 ? [[1, 0] as const] : Array.from(gridPositions(ny, dx), fy);
  const psi = new Float64Array(2 * ny * nx);
  for (let y = 0; y < ny; y++) {
    const [ar, ai] = gy[y] as readonly [number, number];
    for (let x = 0; x < nx; x++) {
      const [br, bi] = gx[x] as readonly [number, number];
      const j = 2 * (y * nx + x);
      psi[j] = ar * br - ai * bi;
      psi[j + 1] = ar * bi + ai * br;
    }
  }
  return normalizeInPlace(psi, dx, shape.length);
}

function gaussian1d(x0: number, k0: number, sigma: number) {
  return (x: number): readonly [number, number] => {
    const a = Math.exp(-((x - x0) ** 2) / (4 * sigma * sigma));
    return [a * Math.cos(k0 * x), a * Math.sin(k0 * x)];
  };
}

/**
 * ψ ∝ exp(−(x−x0)²/(4σ²) + i·k0·x), or its product with the same in y (y0, ky0, default 0) in
 * 2D; σ is the standard deviation of |ψ|². Normalized so Σ|ψ|²·dx^d = 1.
 */
export function gaussianPacket(
  shape: Shape,
  p: { x0: number; k0: number; sigma: number; dx: number; y0?: number; ky0?: number },
): Float64Array {
  const fy = gaussian1d(p.y0 ?? 0, p.ky0 ?? 0, p.sigma);
  return separable(shape, p.dx, gaussian1d(p.x0, p.k0, p.sigma), fy);
}

/** V(y, x) = f(y, x) on the grid (y = 0 in 1D). */
function potentialOf(shape: Shape, dx: number, f: (x: number, y: number) => number): Float64Array {
  const [ny, nx] = dims2(shape);
  const xs = gridPositions(nx, dx);
  const ys = shape.length === 1 ? new Float64Array(1) : gridPositions(ny, dx);
  const v = new Float64Array(ny * nx);
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) v[y * nx + x] = f(xs[x] as number, ys[y] as number);
  }
  return v;
}

export function freePotential(shape: Shape): Float64Array {
  const [ny, nx] = dims2(shape);
  return new Float64Array(ny * nx);
}

/** ½mω²r². */
export function harmonicPotential(
  shape: Shape,
  p: { dx: number; omega: number; mass: number },
): Float64Array {
  const c = 0.5 * p.mass * p.omega * p.omega;
  return potentialOf(shape, p.dx, (x, y) => c * (x * x + y * y));
}

/**
 * V0 for |x − center| < width/2, else 0 (in 2D a wall along y). A grid point stands for the cell
 * of width dx around it, so a width that is a whole number of cells with center = dx/2 (edges
 * halfway between points) has exactly that width on the grid.
 */
export function barrierPotential(
  shape: Shape,
  p: { dx: number; height: number; width: number; center?: number },
): Float64Array {
  const center = p.center ?? 0;
  return potentialOf(shape, p.dx, (x) => (Math.abs(x - center) < p.width / 2 ? p.height : 0));
}

/**
 * depth·((x/a)² − 1)² with a = separation/2: minima at ±a, a hump of `depth` at 0. In 2D the
 * wells are also confined along y by 4·depth·(y/a)², the same curvature as along x at a minimum.
 */
export function doubleWellPotential(
  shape: Shape,
  p: { dx: number; depth: number; separation: number },
): Float64Array {
  const a = p.separation / 2;
  return potentialOf(shape, p.dx, (x, y) => {
    const u = (x / a) ** 2 - 1;
    return p.depth * (u * u + 4 * (y / a) ** 2);
  });
}

/**
 * A wall of `height` at |x − wallX| < wallWidth/2, open where |y ∓ slitSeparation/2| <
 * slitWidth/2 (slitSeparation is between the slits' centers).
 */
export function doubleSlitPotential(
  shape: readonly [number, number],
  p: {
    dx: number;
    height: number;
    wallX: number;
    wallWidth: number;
    slitWidth: number;
    slitSeparation: number;
  },
): Float64Array {
  const half = p.slitSeparation / 2;
  return potentialOf(shape, p.dx, (x, y) => {
    if (Math.abs(x - p.wallX) >= p.wallWidth / 2) return 0;
    const open = Math.min(Math.abs(y - half), Math.abs(y + half)) < p.slitWidth / 2;
    return open ? 0 : p.height;
  });
}

/** ψ0 ∝ exp(−mωr²/(2ħ)), the ground state of ½mω²r², normalized on the grid. */
export function harmonicGround(
  shape: Shape,
  p: { dx: number; omega: number; mass: number; hbar: number },
): Float64Array {
  const sigma = Math.sqrt(p.hbar / (2 * p.mass * p.omega));
  const g = gaussian1d(0, 0, sigma);
  return separable(shape, p.dx, g, g);
}

/** Mean and standard deviation of position under |ψ|² (1D, or along x in 2D). */
export function positionMoments(
  psi: ArrayLike<number>,
  shape: Shape,
  dx: number,
): { mean: number; sigma: number } {
  const [ny, nx] = dims2(shape);
  const xs = gridPositions(nx, dx);
  // The marginal along x first, so the variance is one pass over nx values.
  const w = new Float64Array(nx);
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      const j = 2 * (y * nx + x);
      w[x] = (w[x] as number) + (psi[j] as number) ** 2 + (psi[j + 1] as number) ** 2;
    }
  }
  let total = 0;
  let first = 0;
  for (let x = 0; x < nx; x++) {
    total += w[x] as number;
    first += (w[x] as number) * (xs[x] as number);
  }
  const mean = first / total;
  let second = 0;
  for (let x = 0; x < nx; x++) second += (w[x] as number) * ((xs[x] as number) - mean) ** 2;
  return { mean, sigma: Math.sqrt(second / total) };
}

/** Probability Σ|ψ|²·dx over x > xCut (1D). */
export function probabilityBeyond(
  psi: ArrayLike<number>,
  n: number,
  dx: number,
  xCut: number,
): number {
  const xs = gridPositions(n, dx);
  let s = 0;
  for (let i = 0; i < n; i++) {
    if ((xs[i] as number) > xCut)
      s += (psi[2 * i] as number) ** 2 + (psi[2 * i + 1] as number) ** 2;
  }
  return s * dx;
}

/**
 * ⟨H⟩ = ⟨T⟩ + ⟨V⟩ of a state that need not be normalized. ⟨T⟩ = Σ_k ħ²k²/(2m)·|ψ̂_k|² /
 * (N·Σ|ψ|²) from the unnormalized spectrum ψ̂ = numpy fft of ψ (Parseval: Σ|ψ̂|² = N·Σ|ψ|²), which
 * the caller passes so an FFT it already did is not repeated; ⟨V⟩ = Σ V|ψ|² / Σ|ψ|².
 */
export function energyExpectation(
  psi: ArrayLike<number>,
  spectrum: ArrayLike<number>,
  shape: Shape,
  potential: ArrayLike<number>,
  c: { hbar: number; mass: number; dx: number },
): { kinetic: number; potential: number; total: number } {
  const k2 = waveNumberSquared(shape, c.dx);
  const n = k2.length;
  let norm = 0;
  let vSum = 0;
  let tSum = 0;
  for (let i = 0; i < n; i++) {
    const rho = (psi[2 * i] as number) ** 2 + (psi[2 * i + 1] as number) ** 2;
    norm += rho;
    vSum += (potential[i] as number) * rho;
    const spec = (spectrum[2 * i] as number) ** 2 + (spectrum[2 * i + 1] as number) ** 2;
    tSum += (k2[i] as number) * spec;
  }
  const kinetic = (c.hbar * c.hbar * tSum) / (2 * c.mass * n * norm);
  const pot = vSum / norm;
  return { kinetic, potential: pot, total: kinetic + pot };
}
