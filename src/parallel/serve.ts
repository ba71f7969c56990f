/**
 * The worker side of the pool: register a task registry in a worker script. Each result goes
 * back tagged with this worker's token, its typed arrays transferred (moved, not copied).
 */
import { Transfer, worker, workerEmit } from 'workerpool';
import {
  transferables,
  WARM_TASK,
  type StartedEvent,
  type Tagged,
  type TaskRegistry,
} from './protocol';

const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function serveTasks(registry: TaskRegistry): void {
  // A no-op the pool uses to start workers ahead of timed work (see `WorkerPool.warm`).
  const methods: TaskRegistry = { [WARM_TASK]: () => token };
  for (const [name, fn] of Object.entries(registry)) {
    methods[name] = async (...args: unknown[]) => {
      const started: StartedEvent = { kind: 'started', token };
      workerEmit(started);
      const value = await fn(...args);
      const tagged: Tagged<unknown> = { token, value };
      return new Transfer(tagged, transferables(value));
    };
  }
  worker(methods);
}
