/**
 * Where a shard's local steps run. The processor only sees this interface, so the same rounds
 * run in-process (fast tests, no threads) or on the worker pool (src/parallel) with identical
 * results: a shard's output depends on its input alone.
 */
import { runLocalSteps, type ShardInput, type ShardOutput } from './local-steps';
import { cloneState } from './network';
import type { SpectralBackend } from './spectral-backend';

export interface ShardRun {
  output: ShardOutput;
  /** The id of the worker that ran it (restarted workers get fresh ids). */
  workerId: number;
}

export interface RunOptions {
  /** The shard's position in its round (0-based); the in-process runner maps it to a worker. */
  slot?: number;
  /** Fault injection: the worker running this shard is killed while it works on it. */
  kill?: boolean;
}

export interface ShardRunner {
  /** Rejects with `WorkerDiedError` when the worker died; the runner has already replaced it. */
  run(input: ShardInput, options?: RunOptions): Promise<ShardRun>;
  /** Workers started so far (restarts included) and restarts. */
  counts(): { started: number; restarted: number };
  /** The platform's memory figure of one worker, bytes, where it has one. */
  platformMemory?(): number | undefined;
  /** Kills the worker of the next shard dispatched, while it works on it (the UI's button). */
  killNext?(): void;
  /** Starts `n` workers ahead of timed work (no-op in-process). */
  warm?(n: number): Promise<void>;
  close(): Promise<void>;
}

export class WorkerDiedError extends Error {
  constructor(
    readonly workerId: number,
    reason: string,
  ) {
    super(`worker ${workerId} died: ${reason}`);
    this.name = 'WorkerDiedError';
  }
}

/**
 * Runs shards on this thread. Each shard gets its own copy of the state (as a worker would),
 * and "workers" are numbered as a pool numbers them, so metrics read the same.
 */
export function createInProcessRunner(backend?: SpectralBackend): ShardRunner {
  let started = 0;
  let restarted = 0;
  const slots: number[] = [];
  const idOf = (slot: number) => (slots[slot] ??= ++started);
  let armed = false;
  return {
    run(input, options) {
      const slot = options?.slot ?? 0;
      const id = idOf(slot);
      const kill = (options?.kill ?? false) || armed;
      armed = false;
      if (kill) {
        restarted++;
        slots[slot] = ++started;
        return Promise.reject(new WorkerDiedError(id, 'killed by fault injection'));
      }
      const own = { ...input, state: cloneState(input.state) };
      return runLocalSteps(own, backend).then((output) => ({ output, workerId: id }));
    },
    counts: () => ({ started, restarted }),
    killNext: () => void (armed = true),
    close: () => Promise.resolve(),
  };
}
