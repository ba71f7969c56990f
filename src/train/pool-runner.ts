/**
 * Shards on the worker pool. The pool copies the merged state to each worker (each holds its
 * own copy, as local SGD needs) and the workers transfer their states back without copies.
 */
import { WorkerLostError, type WorkerPool } from '../parallel/pool';
import type { ShardInput, ShardOutput } from './local-steps';
import { WorkerDiedError, type ShardRunner } from './runner';

/** The registry the training worker serves (kept here as a type so importers need not load it). */
export type TrainTaskRegistry = { trainShard: (input: ShardInput) => Promise<ShardOutput> };

export function createPoolRunner(pool: WorkerPool<TrainTaskRegistry>): ShardRunner {
  let armed = false;
  return {
    async run(input, options) {
      const task = pool.exec('trainShard', [input]);
      if (options?.kill || armed) void task.started.then(() => task.kill());
      armed = false;
      try {
        const { value, workerId } = await task.result;
        return { output: value, workerId };
      } catch (e) {
        if (e instanceof WorkerLostError) throw new WorkerDiedError(e.workerId ?? 0, e.reason);
        throw e;
      }
    },
    counts: () => pool.counts(),
    killNext: () => void (armed = true),
    warm: (n) => pool.warm(n),
    close: () => pool.terminate(),
  };
}
