/**
 * The allowed range of every workload parameter, written once: `generate` checks specs with
 * these rules and the playground configuration (src/io/config.ts) checks user input with the
 * same rules, so the two can never disagree and every message has the same form:
 * "<label> must be <allowed>; got <value>".
 */
import { z } from 'zod';
import { isPowerOfTwo, MAX_1D_LOG2, MAX_2D_AXIS_LOG2 } from '../engine';
import { GENERATOR_IDS } from './generator-catalog';

export interface Rule<T> {
  /** How messages name the field ('φ', 'SNR'). */
  label: string;
  /** The allowed values, in words, as they complete "<label> must be …". */
  allowed: string;
  schema: z.ZodType<T>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A value as a message shows it: strings quoted, long values cut, never throws. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? '');
  } catch {
    text = '';
  }
  if (text === '') text = Object.prototype.toString.call(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Checks `value`; a failure's message quotes `shown` (the input before any conversion). */
export function checkRule<T>(rule: Rule<T>, value: unknown, shown: unknown = value): Checked<T> {
  const parsed = rule.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    message: `${rule.label} must be ${rule.allowed}; got ${describeValue(shown)}`,
  };
}

function powerOfTwoRule(label: string, maxLog2: number): Rule<number> {
  const max = 2 ** maxLog2;
  return {
    label,
    allowed: `a power of two from 2 to ${max} (2^${maxLog2})`,
    schema: z
      .number()
      .refine((v) => isPowerOfTwo(v))
      .pipe(z.number().min(2).max(max)),
  };
}

const frequency = (label: string): Rule<number> => ({
  label,
  allowed: `a frequency in cycles/sample with 0 < ${label} ≤ 0.5 (Nyquist)`,
  schema: z.number().gt(0).max(0.5),
});

/** Samples one `generate` call may produce: 2^26 float32 values are 256 MiB. */
export const MAX_TOTAL_SAMPLES = 2 ** 26;
export const MAX_BATCH = 65536;
export const MAX_TONES = 16;
export const SNR_DB_RANGE = { min: -40, max: 60 } as const;
/** A cell wider than the largest 2D axis only repeats a constant image. */
export const MAX_CELL = 2 ** MAX_2D_AXIS_LOG2;
/**
 * Where a live stream's window may start: float64 keeps f·t0 to about 1e-4 cycles up to 2^40
 * samples, hours of frames at any hop the playground uses.
 */
export const MAX_T0 = 2 ** 40;

export const WORKLOAD_RULES = {
  generator: {
    label: 'generator',
    allowed: `one of ${GENERATOR_IDS.map((g) => `'${g}'`).join(', ')}`,
    schema: z.enum(GENERATOR_IDS),
  },
  n: powerOfTwoRule('n', MAX_1D_LOG2),
  ny: powerOfTwoRule('ny', MAX_2D_AXIS_LOG2),
  nx: powerOfTwoRule('nx', MAX_2D_AXIS_LOG2),
  batch: {
    label: 'batch',
    allowed: `a whole number from 1 to ${MAX_BATCH}`,
    schema: z.int().min(1).max(MAX_BATCH),
  },
  seed: {
    label: 'seed',
    allowed: 'a whole number from 0 to 4294967295 (2^32 − 1)',
    schema: z
      .int()
      .min(0)
      .max(2 ** 32 - 1),
  },
  f0: frequency('f0'),
  f1: frequency('f1'),
  tones: {
    label: 'tones',
    allowed: `a whole number from 1 to ${MAX_TONES}`,
    schema: z.int().min(1).max(MAX_TONES),
  },
  snrDb: {
    label: 'SNR',
    allowed: `a number of decibels from ${SNR_DB_RANGE.min} to ${SNR_DB_RANGE.max}`,
    schema: z.number().min(SNR_DB_RANGE.min).max(SNR_DB_RANGE.max),
  },
  sigma: {
    label: 'σ',
    allowed: 'a finite number of pixels > 0',
    schema: z.number().gt(0),
  },
  cell: {
    label: 'cell',
    allowed: `a whole number of pixels from 1 to ${MAX_CELL}`,
    schema: z.int().min(1).max(MAX_CELL),
  },
  t0: {
    label: 't0',
    allowed: `a whole number of samples from 0 to ${MAX_T0} (2^40)`,
    schema: z.int().min(0).max(MAX_T0),
  },
  noiseDraw: {
    label: 'noise draw',
    allowed: 'a whole number from 0 to 4294967295 (2^32 − 1)',
    schema: z
      .int()
      .min(0)
      .max(2 ** 32 - 1),
  },
} as const satisfies Record<string, Rule<unknown>>;
