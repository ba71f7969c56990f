/**
 * The scaling models, each defined once: its parameters (names, bounds, start ranges), its
 * value, and its analytic Jacobian (exact derivatives converge in fewer Levenberg–Marquardt
 * iterations than the library's finite differences, and to the last digits on exact data).
 *
 * Every model is `amplitude × shape(x; other parameters)`: the first parameter is a linear
 * scale. The fitter uses that to pick the best amplitude for each random start in closed form.
 */

export const MODEL_IDS = ['amdahl', 'gustafson', 'usl', 'hs', 'vs', 'ns'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/**
 * How a parameter is scaled while fitting. The optimizer works on `value ÷ unit`, so that
 * one set of bounds and start ranges fits data of any magnitude:
 * - 'y': the unit is max |y| (amplitudes),
 * - 'perX': the unit is 1 / max x (rates multiplying x),
 * - 'one': dimensionless (fractions, exponents).
 */
export type ParamUnit = 'y' | 'perX' | 'one';

export interface ParamSpec {
  /** ASCII key used in JSON and on the command line. */
  readonly name: string;
  readonly symbol: string;
  readonly unit: ParamUnit;
  /** Bounds in units of `unit`; the fit never leaves them. */
  readonly lo: number;
  readonly hi: number;
  /** Range random starting points are drawn from (in units of `unit`), log-uniform if `log`. */
  readonly start: readonly [number, number];
  readonly log: boolean;
}

export interface ScalingModel {
  readonly id: ModelId;
  readonly label: string;
  readonly formula: string;
  readonly params: readonly ParamSpec[];
  /** y at x for parameters p (in their own units, not scaled). */
  value(p: readonly number[], x: number): number;
  /** ∂y/∂p_j at x, one entry per parameter. */
  gradient(p: readonly number[], x: number): number[];
  /** Quantities derived from the parameters (the USL's peak), null where undefined. */
  derived?(p: readonly number[]): Record<string, number | null>;
}

const at = (p: readonly number[], i: number): number => p[i] as number;

const amplitude = (name: string, symbol: string, hi = 1e3): ParamSpec => ({
  name,
  symbol,
  unit: 'y',
  lo: 0,
  hi,
  start: [0.1, 10],
  log: true,
});

const serialFraction: ParamSpec = {
  name: 'sigma',
  symbol: 'σ',
  unit: 'one',
  lo: 0,
  hi: 1,
  start: [0, 0.5],
  log: false,
};

/** Gunther's denominator 1 + σ(n − 1) + κn(n − 1); Amdahl is κ = 0. */
function uslDenominator(sigma: number, kappa: number, n: number): number {
  return 1 + sigma * (n - 1) + kappa * n * (n - 1);
}

const amdahl: ScalingModel = {
  id: 'amdahl',
  label: 'Amdahl',
  formula: 'X(n) = λn / (1 + σ(n − 1))',
  params: [amplitude('lambda', 'λ'), serialFraction],
  value: (p, n) => (at(p, 0) * n) / uslDenominator(at(p, 1), 0, n),
  gradient(p, n) {
    const d = uslDenominator(at(p, 1), 0, n);
    return [n / d, (-at(p, 0) * n * (n - 1)) / (d * d)];
  },
};

const gustafson: ScalingModel = {
  id: 'gustafson',
  label: 'Gustafson',
  formula: 'X(n) = λ(1 + (1 − σ)(n − 1))',
  params: [amplitude('lambda', 'λ'), serialFraction],
  value: (p, n) => at(p, 0) * (1 + (1 - at(p, 1)) * (n - 1)),
  gradient: (p, n) => [1 + (1 - at(p, 1)) * (n - 1), -at(p, 0) * (n - 1)],
};

const usl: ScalingModel = {
  id: 'usl',
  label: 'Universal Scalability Law',
  formula: 'X(n) = λn / (1 + σ(n − 1) + κn(n − 1))',
  params: [
    amplitude('lambda', 'λ'),
    serialFraction,
    { name: 'kappa', symbol: 'κ', unit: 'one', lo: 0, hi: 1, start: [1e-5, 0.1], log: true },
  ],
  value: (p, n) => (at(p, 0) * n) / uslDenominator(at(p, 1), at(p, 2), n),
  gradient(p, n) {
    const d = uslDenominator(at(p, 1), at(p, 2), n);
    const q = (-at(p, 0) * n * (n - 1)) / (d * d);
    return [n / d, q, q * n];
  },
  derived(p) {
    const sigma = at(p, 1);
    const kappa = at(p, 2);
    // Coherency cost zero: throughput never turns down, there is no peak.
    return { peak: kappa > 0 ? Math.sqrt((1 - sigma) / kappa) : null };
  },
};

const hs: ScalingModel = {
  id: 'hs',
  label: 'f_HS (horizontal)',
  formula: 'f(n) = α·n^β·(1 − e^(−γn))',
  params: [
    amplitude('alpha', 'α'),
    { name: 'beta', symbol: 'β', unit: 'one', lo: -1, hi: 2, start: [0.2, 1.2], log: false },
    { name: 'gamma', symbol: 'γ', unit: 'perX', lo: 1e-4, hi: 1e5, start: [0.3, 300], log: true },
  ],
  value: (p, n) => at(p, 0) * n ** at(p, 1) * -Math.expm1(-at(p, 2) * n),
  gradient(p, n) {
    const power = n ** at(p, 1);
    const rise = -Math.expm1(-at(p, 2) * n);
    return [
      power * rise,
      at(p, 0) * power * Math.log(n) * rise,
      at(p, 0) * power * n * Math.exp(-at(p, 2) * n),
    ];
  },
};

const vs: ScalingModel = {
  id: 'vs',
  label: 'f_VS (vertical)',
  formula: 'f(c) = δ·log(1 + ε·c)',
  // δ can be large when ε·c is small (the logarithm's linear part), hence its wider bound.
  params: [
    amplitude('delta', 'δ', 1e6),
    { name: 'epsilon', symbol: 'ε', unit: 'perX', lo: 1e-4, hi: 1e6, start: [0.1, 1e3], log: true },
  ],
  value: (p, c) => at(p, 0) * Math.log1p(at(p, 1) * c),
  gradient: (p, c) => [Math.log1p(at(p, 1) * c), (at(p, 0) * c) / (1 + at(p, 1) * c)],
};

const ns: ScalingModel = {
  id: 'ns',
  label: 'f_NS (network)',
  formula: 'f(b) = ζ·tanh(η·b)',
  params: [
    amplitude('zeta', 'ζ'),
    { name: 'eta', symbol: 'η', unit: 'perX', lo: 1e-4, hi: 1e4, start: [0.1, 100], log: true },
  ],
  value: (p, b) => at(p, 0) * Math.tanh(at(p, 1) * b),
  gradient(p, b) {
    const t = Math.tanh(at(p, 1) * b);
    return [t, at(p, 0) * b * (1 - t * t)];
  },
};

export const MODELS: Readonly<Record<ModelId, ScalingModel>> = {
  amdahl,
  gustafson,
  usl,
  hs,
  vs,
  ns,
};

export function isModelId(s: string): s is ModelId {
  return (MODEL_IDS as readonly string[]).includes(s);
}

/** Parameters as `{ name: value }`, the shape the JSON output uses. */
export function namedParams(model: ScalingModel, p: readonly number[]): Record<string, number> {
  return Object.fromEntries(model.params.map((s, i) => [s.name, at(p, i)]));
}
