/**
 * One worker pool for the project's labs, on `workerpool` (Web Workers in the browser,
 * worker_threads in Node), typed by the task registry its worker script serves.
 *
 * Besides running tasks it gives the labs what they measure and inject: the id of the worker
 * that ran each task (ids are numbered 1, 2, … in order of first sight; a restarted worker gets
 * a new one), counts of workers started and restarted, and `kill`, which terminates the worker
 * running a task (workerpool terminates a worker whose task is cancelled and starts a fresh one
 * for later tasks). A worker that dies on its own rejects its task with `WorkerLostError` too.
 */
import { pool as createWorkerpool, type Pool } from 'workerpool';
import { isStartedEvent, WARM_TASK, type Tagged, type TaskRegistry } from './protocol';

export interface PoolOptions {
  /** Most workers alive at once. */
  maxWorkers: number;
  /** The worker script: a module URL in the browser; in Node, see `nodeWorkerScript`. */
  script: string;
  workerType: 'web' | 'thread';
  /** Browser: passed to `new Worker` (use `{ type: 'module' }` for a Vite module worker). */
  workerOpts?: WorkerOptions;
  /** Node: passed to `new Worker` of worker_threads (e.g. `{ eval: true }` for a bootstrap). */
  workerThreadOpts?: Record<string, unknown>;
  /** How long a cancelled task's worker may take to stop before it is forced, ms. Default 200. */
  terminateTimeoutMs?: number;
}

export class WorkerLostError extends Error {
  constructor(
    readonly workerId: number | null,
    readonly reason: string,
  ) {
    super(`worker ${workerId ?? '(not started)'} lost: ${reason}`);
    this.name = 'WorkerLostError';
  }
}

type Result<R extends TaskRegistry, K extends keyof R> = Awaited<ReturnType<R[K]>>;

export interface TaskHandle<T> {
  /** Resolves with the task's value and the worker that ran it. */
  result: Promise<{ value: T; workerId: number }>;
  /** Resolves with the worker's id once a worker has begun the task. */
  started: Promise<number>;
  /** Terminates the worker running this task (or drops the task if not yet started). */
  kill(): void;
}

export interface WorkerPool<R extends TaskRegistry> {
  exec<K extends keyof R & string>(name: K, args: Parameters<R[K]>): TaskHandle<Result<R, K>>;
  /**
   * Starts `n` workers (at most maxWorkers) and waits until each has loaded its script, so
   * start-up time does not land in the first timed round.
   */
  warm(n: number): Promise<void>;
  /** Ids of workers running a task now. */
  busy(): number[];
  /** Terminates the worker with this id if it is running a task; false if it is not. */
  killWorker(workerId: number): boolean;
  counts(): { started: number; restarted: number };
  terminate(): Promise<void>;
}

interface CancellablePromise<T> extends Promise<T> {
  cancel(): void;
}

export function createWorkerPool<R extends TaskRegistry>(o: PoolOptions): WorkerPool<R> {
  let started = 0;
  let restarted = 0;
  const ids = new Map<string, number>();
  let nextId = 1;
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = nextId++;
      ids.set(token, id);
    }
    return id;
  };
  const running = new Map<number, Set<() => void>>();
  const pool: Pool = createWorkerpool(o.script, {
    maxWorkers: o.maxWorkers,
    workerType: o.workerType,
    workerTerminateTimeout: o.terminateTimeoutMs ?? 200,
    ...(o.workerOpts ? { workerOpts: o.workerOpts } : {}),
    ...(o.workerThreadOpts ? { workerThreadOpts: o.workerThreadOpts } : {}),
    onCreateWorker: () => {
      started++;
      return undefined;
    },
  });

  return {
    exec(name, args) {
      let workerId: number | null = null;
      let killed = false;
      let markStarted: (id: number) => void = () => undefined;
      const startedP = new Promise<number>((resolve) => (markStarted = resolve));
      const task = pool.exec(name, args, {
        on: (payload: unknown) => {
          if (!isStartedEvent(payload)) return;
          workerId = idOf(payload.token);
          let set = running.get(workerId);
          if (!set) running.set(workerId, (set = new Set()));
          set.add(kill);
          markStarted(workerId);
        },
      }) as unknown as CancellablePromise<Tagged<Result<R, typeof name>>>;
      function kill() {
        if (killed) return;
        killed = true;
        task.cancel();
      }
      const settle = () => {
        if (workerId !== null) running.get(workerId)?.delete(kill);
      };
      const result = task.then(
        (tagged) => {
          settle();
          return { value: tagged.value, workerId: idOf(tagged.token) };
        },
        (e: unknown) => {
          settle();
          const message = e instanceof Error ? e.message : String(e);
          // A cancelled task's worker is terminated; a crashed one is gone: both are restarts.
          if (killed || /terminated/i.test(message)) {
            if (workerId !== null) restarted++;
            throw new WorkerLostError(workerId, killed ? 'killed' : message);
          }
          throw e;
        },
      );
      return { result, started: startedP, kill };
    },
    async warm(n) {
      // Concurrent no-ops occupy distinct workers, so the pool starts min(n, maxWorkers) of them.
      const tokens = await Promise.all(
        Array.from(
          { length: Math.min(n, o.maxWorkers) },
          () => pool.exec(WARM_TASK, []) as Promise<string>,
        ),
      );
      for (const t of tokens) idOf(t);
    },
    busy: () => [...running.entries()].filter(([, s]) => s.size > 0).map(([id]) => id),
    killWorker(workerId) {
      const set = running.get(workerId);
      if (!set || set.size === 0) return false;
      for (const k of [...set]) k();
      return true;
    },
    counts: () => ({ started, restarted }),
    async terminate() {
      await pool.terminate(true);
    },
  };
}

/**
 * Node: worker_threads do not inherit tsx's loader (Node 20), so a one-line bootstrap, run with
 * `eval`, loads the TypeScript worker module through tsx's API. `tsxApiUrl` is
 * `import.meta.resolve('tsx/esm/api')` as the caller (a Node script or test) resolves it.
 */
export function nodeWorkerScript(
  workerModuleUrl: string,
  tsxApiUrl: string,
): Pick<PoolOptions, 'script' | 'workerType' | 'workerThreadOpts'> {
  const script =
    `import(${JSON.stringify(tsxApiUrl)})` +
    `.then(({ tsImport }) => tsImport(${JSON.stringify(workerModuleUrl)}, ${JSON.stringify(workerModuleUrl)}));`;
  return { script, workerType: 'thread', workerThreadOpts: { eval: true } };
}
