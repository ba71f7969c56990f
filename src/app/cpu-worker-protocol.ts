/**
 * What crosses between the page and the CPU engine's worker (cpu-worker.ts): a request names
 * its operator by id (operators hold functions, which cannot be posted), and an error crosses
 * as its class name and fields, so the page gets the same error class back that the engine
 * threw: the run loop tells a configuration that does not fit (EngineArgumentError,
 * WorkloadError…) from a bug by class (frame-errors.ts).
 */
import {
  DeviceLostError,
  EngineArgumentError,
  GpuLimitError,
  GpuOutOfMemoryError,
  GpuValidationError,
} from '../engine/errors';
import { OPERATORS, type OperatorId } from '../engine/ops';
import type { Engine, InputArray } from '../engine/types';
import { transferables } from '../parallel/protocol';
import { WorkloadError } from '../workloads/workload-spec';

export interface CpuRequest {
  id: number;
  op: OperatorId;
  data: InputArray;
  options: unknown;
}

/** An error as it crosses: its class by name, its message and its own primitive fields. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

export type CpuResponse =
  /** Sent once when the worker's module has loaded: a worker that dies before never started. */
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: WireError };

/** The error classes that come back as themselves; any other error comes back as an Error. */
const ERROR_CLASSES: Readonly<Record<string, new (...args: never[]) => Error>> = {
  EngineArgumentError,
  GpuLimitError,
  GpuValidationError,
  GpuOutOfMemoryError,
  DeviceLostError,
  WorkloadError,
  TypeError,
  RangeError,
};

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: WireError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'name' || key === 'message' || key === 'stack') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[key] = value;
    }
  }
  return {
    name: error.name,
    message: error.message,
    ...(error.stack === undefined ? {} : { stack: error.stack }),
    fields,
  };
}

/**
 * The error again, as an instance of its class. It is built by Error's constructor with the
 * class as new.target, not by the class's own constructor: some of those rewrite the message
 * (GpuValidationError prefixes the operation), and the message has already been written.
 */
export function fromWireError(wire: WireError): Error {
  const errorClass = ERROR_CLASSES[wire.name] ?? Error;
  const error = Reflect.construct(Error, [wire.message], errorClass) as Error;
  Object.assign(error, wire.fields);
  if (error.name !== wire.name) {
    Object.defineProperty(error, 'name', {
      value: wire.name,
      configurable: true,
      writable: true,
      enumerable: true,
    });
  }
  if (wire.stack !== undefined) {
    Object.defineProperty(error, 'stack', {
      value: wire.stack,
      configurable: true,
      writable: true,
    });
  }
  return error;
}

export function isOperatorId(id: unknown): id is OperatorId {
  return typeof id === 'string' && Object.hasOwn(OPERATORS, id);
}

/** The id under which `op` is registered, or null for an operator the worker cannot know. */
export function operatorIdOf(op: unknown): OperatorId | null {
  for (const id of Object.keys(OPERATORS) as OperatorId[]) if (OPERATORS[id] === op) return id;
  return null;
}

/**
 * The worker's answer to one request, with the buffers to transfer (the result's arrays are
 * fresh, so moving them costs nothing and copies nothing).
 */
export async function answer(
  engine: Engine,
  request: CpuRequest,
): Promise<{ response: CpuResponse; transfer: ArrayBuffer[] }> {
  try {
    if (!isOperatorId(request.op)) {
      throw new EngineArgumentError(
        'op',
        `the CPU engine knows the operators ${Object.keys(OPERATORS).join(', ')}; ` +
          `got ${JSON.stringify(request.op)}`,
      );
    }
    // The options were checked by type on the page; the operator's own check runs below.
    const result: unknown = await engine.run(
      OPERATORS[request.op],
      request.data,
      request.options as never,
    );
    return {
      response: { kind: 'result', id: request.id, result },
      transfer: transferables(result),
    };
  } catch (error) {
    return { response: { kind: 'error', id: request.id, error: toWireError(error) }, transfer: [] };
  }
}
