/**
 * Argument checks shared by the GPU engine and the CPU reference. Everything here runs before
 * any GPU work, and every message names the field and the allowed values.
 */
import { EngineArgumentError } from './errors';
import { signalLength } from './shape';
import { K_SCALE_DEFAULT, K_UNIT_DEFAULT, LAMBDA_DEFAULT, PHI_DEFAULT } from './resolvent-math';
import {
  K_UNITS,
  type InputArray,
  type KUnit,
  type ResolventOptions,
  type Shape,
  type SignalOptions,
  type TransformOptions,
} from './types';

/** 1D lengths: every power of two from 2 to 2^20. */
export const MAX_1D_LOG2 = 20;
/** 2D: powers of two per axis from 2 to 2048. */
export const MAX_2D_AXIS_LOG2 = 11;

export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/**
 * A short, never-throwing description of any JavaScript value for messages. `String(v)` throws
 * on a null-prototype object and `JSON.stringify` on a BigInt or a cycle, and a message that
 * throws would turn a refusal into an untyped TypeError.
 */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v.toString()}n (a BigInt)`;
    case 'string':
      return JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'undefined':
    case 'boolean':
      return String(v);
    default:
      if (v === null) return 'null';
      if (Array.isArray(v)) return `an array of ${v.length}`;
      if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
      return 'an object';
  }
}

/** The options argument itself: a plain object (not null, an array or a primitive). */
export function checkOptions(options: unknown): Readonly<Record<string, unknown>> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new EngineArgumentError(
      'options',
      `options must be an object such as { shape: [1024], batch: 1 }; got ${describeValue(options)}.`,
    );
  }
  return options as Readonly<Record<string, unknown>>;
}

/** An optional boolean flag: absent is `fallback`; 'false', 0 or 1 are refused, not coerced. */
export function checkFlag(field: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') {
    throw new EngineArgumentError(
      field,
      `${field} must be true or false (or left out for ${String(fallback)}); got ${describeValue(v)}.`,
    );
  }
  return v;
}

export function checkAxis(field: string, n: unknown, maxLog2: number): number {
  const max = 2 ** maxLog2;
  if (typeof n !== 'number' || !isPowerOfTwo(n) || n < 2 || n > max) {
    throw new EngineArgumentError(
      field,
      `${field} must be a power of two from 2 to ${max} (2^${maxLog2}); got ${describeValue(n)}.`,
    );
  }
  return n;
}

function describeShape(shape: unknown): string {
  if (!Array.isArray(shape) || shape.length > 4) return describeValue(shape);
  return `[${shape.map(describeValue).join(', ')}]`;
}

export function checkShape(shape: unknown): Shape {
  if (!Array.isArray(shape) || (shape.length !== 1 && shape.length !== 2)) {
    throw new EngineArgumentError(
      'shape',
      `shape must be [n] (1D) or [ny, nx] (2D); got ${describeShape(shape)}.`,
    );
  }
  if (shape.length === 1) return [checkAxis('shape[0] (n)', shape[0], MAX_1D_LOG2)];
  return [
    checkAxis('shape[0] (ny)', shape[0], MAX_2D_AXIS_LOG2),
    checkAxis('shape[1] (nx)', shape[1], MAX_2D_AXIS_LOG2),
  ];
}

export function checkBatch(batch: unknown): number {
  if (typeof batch !== 'number' || !Number.isSafeInteger(batch) || batch < 1) {
    throw new EngineArgumentError(
      'batch',
      `batch must be a whole number ≥ 1; got ${describeValue(batch)}.`,
    );
  }
  return batch;
}

export { signalLength };

/** Checks length and finiteness; returns interleaved complex samples as the caller's array type. */
export function checkData(
  data: InputArray,
  shape: Shape,
  batch: number,
  real: boolean,
): InputArray {
  const isNumberView =
    ArrayBuffer.isView(data) &&
    !(data instanceof DataView) &&
    !(data instanceof BigInt64Array) &&
    !(data instanceof BigUint64Array);
  if (!Array.isArray(data) && !isNumberView) {
    throw new EngineArgumentError(
      'data',
      `data must be a Float32Array, a Float64Array or an array of numbers; got ${describeValue(data)}.`,
    );
  }
  const n = signalLength(shape);
  const expected = batch * n * (real ? 1 : 2);
  const layout = real ? 'batch × prod(shape) real values' : 'batch × prod(shape) × 2 (re, im)';
  if (data.length !== expected) {
    throw new EngineArgumentError(
      'data',
      `data has ${data.length} values; shape [${shape.join(', ')}] with batch ${batch} needs ` +
        `${expected} (${layout}).`,
    );
  }
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const per = real ? n : 2 * n;
      throw new EngineArgumentError(
        'data',
        `data contains ${describeValue(v)} at index ${i} (signal ${Math.floor(i / per)}); ` +
          'every value must be a finite number.',
      );
    }
  }
  return data;
}

/** A table of exactly `length` finite numbers (gains, a potential), named by `field`. */
export function checkValues(field: string, values: unknown, length: number, what: string): void {
  if (
    values === null ||
    typeof values !== 'object' ||
    typeof (values as { length?: unknown }).length !== 'number' ||
    values instanceof BigInt64Array ||
    values instanceof BigUint64Array
  ) {
    throw new EngineArgumentError(
      field,
      `${field} must be an array of ${what}; got ${describeValue(values)}.`,
    );
  }
  const list = values as ArrayLike<unknown>;
  if (list.length !== length) {
    throw new EngineArgumentError(field, `${field} has ${list.length} values; it needs ${what}.`);
  }
  for (let i = 0; i < length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new EngineArgumentError(
        field,
        `${field} contains ${describeValue(v)} at index ${i}; every value must be a finite number.`,
      );
    }
  }
}

export interface CheckedTransform {
  shape: Shape;
  batch: number;
  inverse: boolean;
  real: boolean;
}

export function checkTransform(data: InputArray, options: TransformOptions): CheckedTransform {
  const o = checkOptions(options);
  const shape = checkShape(o.shape);
  const batch = checkBatch(o.batch);
  const real = checkFlag('real', o.real, false);
  const inverse = checkFlag('inverse', o.inverse, false);
  checkData(data, shape, batch, real);
  return { shape, batch, inverse, real };
}

/** Complex signals with no other option (the copy and read-reduce operators). */
export function checkSignals(
  data: InputArray,
  options: SignalOptions,
): { shape: Shape; batch: number } {
  const o = checkOptions(options);
  const shape = checkShape(o.shape);
  const batch = checkBatch(o.batch);
  checkData(data, shape, batch, false);
  return { shape, batch };
}

export interface CheckedResolvent {
  shape: Shape;
  batch: number;
  real: boolean;
  phi: number;
  lambda: number;
  kUnit: KUnit;
  kScale: number;
}

export function checkPositive(field: string, v: unknown, allowZero: boolean): number {
  const ok = typeof v === 'number' && Number.isFinite(v) && (allowZero ? v >= 0 : v > 0);
  if (!ok) {
    throw new EngineArgumentError(
      field,
      `${field} must be a finite number ${allowZero ? '≥ 0' : '> 0'}; got ${describeValue(v)}.`,
    );
  }
  return v;
}

export function checkResolvent(data: InputArray, options: ResolventOptions): CheckedResolvent {
  const o = checkOptions(options);
  const shape = checkShape(o.shape);
  const batch = checkBatch(o.batch);
  const real = checkFlag('real', o.real, false);
  const phi = checkPositive('phi', o.phi ?? PHI_DEFAULT, false);
  const lambda = checkPositive('lambda', o.lambda ?? LAMBDA_DEFAULT, true);
  const kScale = checkPositive('kScale', o.kScale ?? K_SCALE_DEFAULT, false);
  const rawUnit = o.kUnit ?? K_UNIT_DEFAULT;
  const kUnit = K_UNITS.find((u) => u === rawUnit);
  if (kUnit === undefined) {
    throw new EngineArgumentError(
      'kUnit',
      `kUnit must be one of ${K_UNITS.map((u) => `'${u}'`).join(', ')}; got ${describeValue(rawUnit)}.`,
    );
  }
  checkData(data, shape, batch, real);
  return { shape, batch, real, phi, lambda, kUnit, kScale };
}
