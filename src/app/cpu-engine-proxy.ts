/**
 * The float64 CPU engine behind a message port: the same Engine as createCpuEngine, computed in
 * a worker (cpu-worker.ts), so the page stays responsive while a frame takes seconds. Inputs are
 * copied once into fresh buffers that are transferred (the caller keeps its arrays untouched);
 * results come back transferred, errors as their own classes (cpu-worker-protocol.ts).
 *
 * A worker that dies (an error it did not catch, a crash, terminate) is replaced, and each
 * operation it held is sent once more; one that dies again fails with CpuWorkerLostError, which
 * the run loop shows as a notice. A worker that never started (its script could not load, a
 * security policy refused it) is not retried: the optional fallback engine takes over.
 */
import { OPERATORS } from '../engine/ops';
import type { AnyOperator, OptionsOf, ResultOf } from '../engine/ops/operator';
import type { Engine, InputArray } from '../engine/types';
import { EngineArgumentError } from '../engine/errors';
import {
  fromWireError,
  operatorIdOf,
  type CpuRequest,
  type CpuResponse,
} from './cpu-worker-protocol';

/** One worker, as the proxy sees it (a Web Worker in the app, an in-process fake in tests). */
export interface CpuPort {
  post(request: CpuRequest, transfer: Transferable[]): void;
  /** Handlers for the worker's messages and for its death (with the browser's reason). */
  listen(onMessage: (message: CpuResponse) => void, onDeath: (reason: string) => void): void;
  terminate(): void;
}

/** The worker died twice while computing one operation, or could not start. */
export class CpuWorkerLostError extends Error {
  override readonly name = 'CpuWorkerLostError';
  constructor(
    readonly reason: string,
    readonly restarted: boolean,
  ) {
    super(
      restarted
        ? `The CPU engine's worker stopped (${reason}), and again after a restart; ` +
            'press Run to try again, or reload the page.'
        : `The CPU engine's worker could not start (${reason}); reload the page.`,
    );
  }
}

export interface CpuProxyOptions {
  /** Where to compute when the worker cannot start at all; told why, once. */
  fallback?: { engine: () => Engine; onFallback(reason: string): void };
}

interface Call {
  request: Omit<CpuRequest, 'data'>;
  /** The caller's input, kept to send again if the worker dies. */
  data: InputArray;
  sent: number;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** Sends beyond the first before an operation gives up on the worker. */
const RETRIES = 1;

/** A fresh, exactly sized copy the worker may own (a subarray's whole buffer is not sent). */
function ownedCopy(data: InputArray): Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer> {
  if (data instanceof Float32Array) return data.slice();
  if (data instanceof Float64Array) return data.slice();
  return Float64Array.from(data);
}

export function createCpuEngineProxy(spawn: () => CpuPort, options: CpuProxyOptions = {}): Engine {
  const calls = new Map<number, Call>();
  let port: CpuPort | null = null;
  let started = false;
  let local: Engine | null = null;
  let destroyed = false;
  let nextId = 1;

  function open(): CpuPort {
    if (port) return port;
    started = false;
    const p = spawn();
    port = p;
    p.listen(
      (message) => {
        if (port === p) received(message);
      },
      (reason) => {
        if (port === p) died(reason);
      },
    );
    return p;
  }

  function received(message: CpuResponse): void {
    if (message.kind === 'ready') {
      started = true;
      return;
    }
    const call = calls.get(message.id);
    if (!call) return;
    calls.delete(message.id);
    if (message.kind === 'result') call.resolve(message.result);
    else call.reject(fromWireError(message.error));
  }

  function send(call: Call): void {
    call.sent += 1;
    const data = ownedCopy(call.data);
    let target: CpuPort;
    try {
      target = open();
    } catch (error) {
      // new Worker itself refused (no Worker, a policy): the worker cannot start.
      port = null;
      died(error instanceof Error ? error.message : String(error));
      return;
    }
    try {
      target.post({ ...call.request, data }, [data.buffer]);
    } catch (error) {
      // The options could not be cloned: this operation's fault, not the worker's.
      calls.delete(call.request.id);
      call.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  function died(reason: string): void {
    const neverStarted = !started;
    port?.terminate();
    port = null;
    const held = [...calls.values()];
    if (neverStarted && options.fallback) {
      local = options.fallback.engine();
      options.fallback.onFallback(reason);
      for (const call of held) viaLocal(call, local);
      return;
    }
    for (const call of held) {
      if (!neverStarted && call.sent <= RETRIES) {
        send(call);
      } else {
        calls.delete(call.request.id);
        call.reject(new CpuWorkerLostError(reason, !neverStarted));
      }
    }
  }

  function viaLocal(call: Call, engine: Engine): void {
    calls.delete(call.request.id);
    engine
      .run(OPERATORS[call.request.op], call.data, call.request.options as never)
      .then(call.resolve, call.reject);
  }

  function run<Op extends AnyOperator>(
    op: Op,
    data: InputArray,
    opOptions: OptionsOf<Op>,
  ): Promise<ResultOf<Op>> {
    if (destroyed) return Promise.reject(new Error('the CPU engine was destroyed'));
    if (local) return local.run(op, data, opOptions);
    const id = operatorIdOf(op);
    if (id === null) {
      return Promise.reject(
        new EngineArgumentError(
          'op',
          `the CPU engine's worker runs the registered operators (${Object.keys(OPERATORS).join(', ')}); ` +
            `"${String((op as { id?: unknown }).id)}" is not one`,
        ),
      );
    }
    return new Promise<ResultOf<Op>>((resolve, reject) => {
      const call: Call = {
        request: { id: nextId++, op: id, options: opOptions },
        data,
        sent: 0,
        resolve: (result) => resolve(result as ResultOf<Op>),
        reject,
      };
      calls.set(call.request.id, call);
      send(call);
    });
  }

  return {
    backend: 'cpu',
    run,
    fft: (data, o) => run(OPERATORS.fft, data, o),
    resolvent: (data, o) => run(OPERATORS.resolvent, data, o),
    wht: (data, o) => run(OPERATORS.wht, data, o),
    filter: (data, o) => run(OPERATORS.filter, data, o),
    propagate: (psi, o) => run(OPERATORS.propagate, psi, o),
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      port?.terminate();
      port = null;
      const error = new Error('the CPU engine was destroyed before the operation finished');
      for (const call of calls.values()) call.reject(error);
      calls.clear();
      local?.destroy();
    },
  };
}
