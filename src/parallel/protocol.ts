/**
 * What crosses between the pool and its workers besides a task's own arguments: each worker
 * tags its results and events with a token it draws when it starts, so the pool can tell
 * workers apart (and count a restarted worker as a new one) on every platform alike.
 */

/** A worker's task functions, by name. Arguments and results must be structured-cloneable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaskRegistry = Record<string, (...args: any[]) => unknown>;

/** The built-in task every served worker answers, used to start workers before timing. */
export const WARM_TASK = '__warm__';

export interface Tagged<T> {
  token: string;
  value: T;
}

/** Sent by a worker as it begins a task. */
export interface StartedEvent {
  kind: 'started';
  token: string;
}

export function isStartedEvent(x: unknown): x is StartedEvent {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'started';
}

/**
 * The ArrayBuffers under a value's typed arrays (deduplicated), to transfer rather than copy.
 * Shared memory is skipped: it is shared, not moved.
 */
export function transferables(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (value instanceof ArrayBuffer) {
    out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) transferables(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) transferables(v, out);
  }
  return [...out];
}
