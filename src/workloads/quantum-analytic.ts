/**
 * Closed forms the propagator is checked against: textbook results for continuous space, so a
 * match also tests that the grid, the time step and the box are fine enough.
 */

/** Standard deviation of |ψ|² of a free Gaussian packet at time t: σ0·√(1 + (ħt/(2mσ0²))²). */
export function freeWidth(sigma0: number, t: number, hbar: number, mass: number): number {
  const r = (hbar * t) / (2 * mass * sigma0 * sigma0);
  return sigma0 * Math.sqrt(1 + r * r);
}

/**
 * Transmission coefficient of a rectangular barrier of height V0 and width a for a plane wave
 * of energy E. Below, above and at the top of the barrier the wave inside is evanescent
 * (sinh), oscillating (sin) or linear; the three forms join continuously at E = V0.
 */
export function barrierTransmission(
  E: number,
  V0: number,
  a: number,
  hbar: number,
  mass: number,
): number {
  if (E < 0) return 0;
  // No barrier transmits everything, down to the E → 0 limit the packet average samples.
  if (V0 === 0 || a === 0) return 1;
  if (E === 0) return 0;
  const d = V0 - E;
  // Within rounding of the top the sinh/sin forms are 0/0; the limit is exact there.
  if (Math.abs(d) <= 1e-12 * Math.abs(V0)) {
    return 1 / (1 + (mass * a * a * V0) / (2 * hbar * hbar));
  }
  const q = Math.sqrt(2 * mass * Math.abs(d)) / hbar;
  const s = d > 0 ? Math.sinh(q * a) : Math.sin(q * a);
  return 1 / (1 + (V0 * V0 * s * s) / (4 * E * Math.abs(d)));
}

/**
 * The plane-wave T averaged over a packet's momentum distribution |φ(k)|² ∝
 * exp(−(k−k0)²/(2σk²)), which is what a finite packet measures (σk = 1/(2σx) for a Gaussian of
 * position spread σx). Components with k ≤ 0 move away from the barrier and count as reflected.
 * Composite Simpson over k0 ± 10σk.
 */
export function packetTransmission(
  k0: number,
  sigmaK: number,
  V0: number,
  a: number,
  hbar: number,
  mass: number,
): number {
  const T = (k: number): number =>
    barrierTransmission((hbar * hbar * k * k) / (2 * mass), V0, a, hbar, mass);
  if (sigmaK === 0) return k0 > 0 ? T(k0) : 0;
  // Integrating only over k > 0 keeps the integrand smooth (T jumps at k = 0 when V0 = 0), and
  // the Gaussian's full weight σk·√(2π) is known in closed form.
  const lo = Math.max(0, k0 - 10 * sigmaK);
  const hi = k0 + 10 * sigmaK;
  if (hi <= lo) return 0;
  const intervals = 4000;
  const h = (hi - lo) / intervals;
  let sum = 0;
  for (let j = 0; j <= intervals; j++) {
    const k = lo + j * h;
    const simpson = j === 0 || j === intervals ? 1 : j % 2 === 1 ? 4 : 2;
    sum += simpson * Math.exp(-((k - k0) ** 2) / (2 * sigmaK * sigmaK)) * T(k);
  }
  return (sum * h) / 3 / (sigmaK * Math.sqrt(2 * Math.PI));
}
