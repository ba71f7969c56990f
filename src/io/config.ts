/**
 * The playground configuration and its checks. Every path by which a configuration enters
 * (URL hash, localStorage, the UI's inputs) goes through `parseConfig` or `validateField`, so
 * the app only ever holds a configuration in which every field is in range and the rules between
 * fields hold (config-reconcile.ts). The wave packet's grid limits (quantum-limits.ts), which one
 * input alone cannot see, are also checked by each frame, which refuses a configuration that
 * breaks one as it refuses any other that cannot run.
 */
import { z } from 'zod';
import {
  K_SCALE_DEFAULT,
  K_UNITS,
  LAMBDA_DEFAULT,
  PHI_DEFAULT,
  type KUnit,
  type Shape,
} from '../engine';
import type { GeneratorId } from '../workloads/generator-catalog';
import {
  checkRule,
  describeValue,
  WORKLOAD_RULES,
  type Checked,
  type Rule,
} from '../workloads/param-rules';
import type { WorkloadSpec } from '../workloads/workload-spec';
import {
  limitBatch,
  reconcileGenerator,
  reconcileKind,
  reconcilePotential,
} from './config-reconcile';
import { KIND_DEFAULTS, KIND_RULES, KIND_TEXT_FIELDS, type KindConfig } from './kind-config';
import { LIVE_DEFAULTS, LIVE_FLAG_FIELDS, LIVE_RULES, type LiveConfig } from './live-config';
import { fitQuantum } from './quantum-limits';

export interface PlaygroundConfig extends KindConfig, LiveConfig {
  generator: GeneratorId;
  dims: 1 | 2;
  /** 1D signal length. */
  n: number;
  /** 2D image rows and columns. */
  ny: number;
  nx: number;
  batch: number;
  phi: number;
  lambda: number;
  kUnit: KUnit;
  kScale: number;
  seed: number;
  f0: number;
  f1: number;
  tones: number;
  snrDb: number;
  sigma: number;
  cell: number;
}

export type ConfigField = keyof PlaygroundConfig;

/** Something wrong with one field of an input, and what was used instead. */
export interface Problem {
  field: string;
  message: string;
}

/**
 * The defaults are the brief's: 64 signals of 1024 samples run a frame in milliseconds on any
 * GPU; f0 = 0.01 with 5 golden tones keeps every tone (the highest is 0.01·φ⁴ ≈ 0.069) well
 * under Nyquist; σ = 8 and cell = 16 are visible at the default 256×256 image size.
 *
 * The first screen must show the filter at work (issue 14): the tones carry noise at 6 dB SNR,
 * and κ is in radians per sample, where R(k) = 1/(1 + φκ²) is exactly (I − φΔ)⁻¹ and the
 * golden φ damps the noise near Nyquist to R ≈ 0.06 while the tones keep R ≥ 0.77. The batch's
 * coherence is then about 0.8 (0.997 for clean tones in cycles), and the filtered line is
 * visibly smoother than the original.
 */
export const DEFAULT_CONFIG: Readonly<PlaygroundConfig> = Object.freeze({
  generator: 'coherent-noise',
  dims: 1,
  n: 1024,
  ny: 256,
  nx: 256,
  batch: 64,
  phi: PHI_DEFAULT,
  lambda: LAMBDA_DEFAULT,
  kUnit: 'radians',
  kScale: K_SCALE_DEFAULT,
  seed: 1,
  f0: 0.01,
  f1: 0.25,
  tones: 5,
  snrDb: 6,
  sigma: 8,
  cell: 16,
  ...KIND_DEFAULTS,
  ...LIVE_DEFAULTS,
});

/** φ beyond this only makes R ≈ 0 at every bin but k = 0. */
export const MAX_PHI = 1e6;

/** One rule per field, in the order fields are shown and encoded. */
export const CONFIG_RULES: { readonly [K in ConfigField]: Rule<PlaygroundConfig[K]> } = {
  generator: WORKLOAD_RULES.generator,
  dims: {
    label: 'dims',
    allowed: '1 or 2',
    schema: z.union([z.literal(1), z.literal(2)]),
  },
  n: WORKLOAD_RULES.n,
  ny: WORKLOAD_RULES.ny,
  nx: WORKLOAD_RULES.nx,
  batch: WORKLOAD_RULES.batch,
  phi: {
    label: 'φ',
    allowed: 'a finite number > 0 (at most 1e6)',
    schema: z.number().gt(0).max(MAX_PHI),
  },
  lambda: { label: 'λ', allowed: 'a finite number ≥ 0', schema: z.number().min(0) },
  kUnit: {
    label: 'k unit',
    allowed: `one of ${K_UNITS.map((u) => `'${u}'`).join(', ')}`,
    schema: z.enum(K_UNITS),
  },
  kScale: { label: 'k scale', allowed: 'a finite number > 0', schema: z.number().gt(0) },
  seed: WORKLOAD_RULES.seed,
  f0: WORKLOAD_RULES.f0,
  f1: WORKLOAD_RULES.f1,
  tones: WORKLOAD_RULES.tones,
  snrDb: WORKLOAD_RULES.snrDb,
  sigma: WORKLOAD_RULES.sigma,
  cell: WORKLOAD_RULES.cell,
  ...KIND_RULES,
  ...LIVE_RULES,
};

// Object.keys is typed string[]; CONFIG_RULES's mapped type guarantees exactly these keys.
export const CONFIG_FIELDS = Object.keys(CONFIG_RULES) as readonly ConfigField[];

/** Every field in range; cross-field rules (generator vs dims, total size) are parseConfig's. */
export const PlaygroundConfigSchema = z.object({
  generator: CONFIG_RULES.generator.schema,
  dims: CONFIG_RULES.dims.schema,
  n: CONFIG_RULES.n.schema,
  ny: CONFIG_RULES.ny.schema,
  nx: CONFIG_RULES.nx.schema,
  batch: CONFIG_RULES.batch.schema,
  phi: CONFIG_RULES.phi.schema,
  lambda: CONFIG_RULES.lambda.schema,
  kUnit: CONFIG_RULES.kUnit.schema,
  kScale: CONFIG_RULES.kScale.schema,
  seed: CONFIG_RULES.seed.schema,
  f0: CONFIG_RULES.f0.schema,
  f1: CONFIG_RULES.f1.schema,
  tones: CONFIG_RULES.tones.schema,
  snrDb: CONFIG_RULES.snrDb.schema,
  sigma: CONFIG_RULES.sigma.schema,
  cell: CONFIG_RULES.cell.schema,
  kind: CONFIG_RULES.kind.schema,
  potential: CONFIG_RULES.potential.schema,
  x0: CONFIG_RULES.x0.schema,
  k0: CONFIG_RULES.k0.schema,
  packetSigma: CONFIG_RULES.packetSigma.schema,
  dx: CONFIG_RULES.dx.schema,
  dt: CONFIG_RULES.dt.schema,
  stepsPerFrame: CONFIG_RULES.stepsPerFrame.schema,
  omega: CONFIG_RULES.omega.schema,
  barrierHeight: CONFIG_RULES.barrierHeight.schema,
  barrierWidth: CONFIG_RULES.barrierWidth.schema,
  wellDepth: CONFIG_RULES.wellDepth.schema,
  wellSeparation: CONFIG_RULES.wellSeparation.schema,
  wallHeight: CONFIG_RULES.wallHeight.schema,
  slitWidth: CONFIG_RULES.slitWidth.schema,
  slitSeparation: CONFIG_RULES.slitSeparation.schema,
  live: CONFIG_RULES.live.schema,
  sweep: CONFIG_RULES.sweep.schema,
});

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/**
 * Text from an input box or a URL becomes a number when it is written as one; anything else is
 * passed on unchanged, so the message quotes what the user typed.
 */
function fromText(field: ConfigField, value: unknown): unknown {
  const numeric =
    field !== 'generator' &&
    field !== 'kUnit' &&
    !KIND_TEXT_FIELDS.has(field) &&
    !LIVE_FLAG_FIELDS.has(field);
  return numeric && typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value;
}

function isField(field: string): field is ConfigField {
  return Object.hasOwn(CONFIG_RULES, field);
}

/**
 * Checks one field's value (a number, or its text as typed). The message names the field and
 * the allowed values, e.g. "φ must be a finite number > 0 (at most 1e6); got -2".
 */
export function validateField<K extends ConfigField>(
  field: K,
  value: unknown,
): Checked<PlaygroundConfig[K]> {
  if (!isField(field)) {
    return { ok: false, message: `unknown field ${describeValue(field)}` };
  }
  return checkRule(CONFIG_RULES[field], fromText(field, value), value);
}

export function shapeOf(config: PlaygroundConfig): Shape {
  return config.dims === 1 ? [config.n] : [config.ny, config.nx];
}

export function workloadOf(config: PlaygroundConfig): WorkloadSpec {
  const { generator, batch, seed, f0, f1, tones, snrDb, sigma, cell } = config;
  return { generator, shape: shapeOf(config), batch, seed, f0, f1, tones, snrDb, sigma, cell };
}

/** Reports at most this many unknown keys, so a hostile object cannot flood the UI. */
const MAX_UNKNOWN_REPORTED = 5;

/** Own property `key` of `raw`, or undefined; getters and proxies that throw count as absent. */
function readOwn(raw: object, key: string): unknown {
  try {
    return Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

function unknownKeyProblems(raw: object): Problem[] {
  let keys: string[];
  try {
    keys = Object.keys(raw).filter((k) => !isField(k));
  } catch {
    return [];
  }
  const problems = keys.slice(0, MAX_UNKNOWN_REPORTED).map((k) => ({
    // The field names the key as JSON would quote it, so an empty or blank key is visible.
    field: k.trim() === '' ? JSON.stringify(k) : k.length > 40 ? `${k.slice(0, 39)}…` : k,
    message: `unknown field ${describeValue(k)} ignored; known fields: ${CONFIG_FIELDS.join(', ')}`,
  }));
  if (keys.length > MAX_UNKNOWN_REPORTED) {
    problems.push({
      field: '(unknown)',
      message: `${keys.length - MAX_UNKNOWN_REPORTED} more unknown fields ignored`,
    });
  }
  return problems;
}

function usingText<T>(message: string, fallback: T): string {
  return `${message}; using ${describeValue(fallback)}`;
}

/**
 * Reads a configuration field by field. A missing field takes its value from `base` silently
 * (partial configurations are normal: a permalink holds only the fields that differ from the
 * defaults); an invalid one also falls back to `base` and adds a Problem naming the field, the
 * bad value and the allowed values. Never throws.
 */
export function parseConfig(
  raw: unknown,
  base: Readonly<PlaygroundConfig> = DEFAULT_CONFIG,
): { config: PlaygroundConfig; problems: Problem[] } {
  const config: PlaygroundConfig = { ...base };
  const problems: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({
      field: 'config',
      message: `the configuration must be an object of fields; got ${describeValue(raw)}; using defaults`,
    });
    return { config, problems };
  }
  const given = new Set<ConfigField>();
  const set = <K extends ConfigField>(field: K): void => {
    const value = readOwn(raw, field);
    if (value === undefined) return;
    const r = validateField(field, value);
    if (r.ok) {
      config[field] = r.value;
      given.add(field);
    } else {
      problems.push({ field, message: usingText(r.message, base[field]) });
    }
  };
  for (const field of CONFIG_FIELDS) set(field);
  problems.push(...unknownKeyProblems(raw));
  reconcileKind(config, given, problems);
  reconcileGenerator(config, base, given, problems);
  reconcilePotential(config, given, problems);
  limitBatch(config, problems);
  problems.push(...fitQuantum(config));
  return { config, problems };
}
