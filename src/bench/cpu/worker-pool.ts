/**
 * A CPU FFT (fft.js or PFFFT) spread over workers: the batch is split into contiguous slices,
 * one per worker, and a run is timed on the main thread from the first message out to the last
 * reply.
 */
import type { CpuKernel, FromWorker, ToWorker } from './worker-protocol';

/** One worker as the pool sees it; the browser and Node wrap their own worker types. */
export interface WorkerHandle {
  post(message: ToWorker, transfer?: Transferable[]): void;
  onMessage(handler: (message: FromWorker) => void): void;
  terminate(): void;
}

export interface FftWorkerPool {
  /** Workers actually used by the last init (never more than the batch). */
  readonly size: number;
  /** Sends each worker its slice of `data` (fft.js takes float64, PFFFT float32). */
  init(
    kernel: CpuKernel,
    shape: readonly number[],
    batch: number,
    data: Float32Array | Float64Array,
  ): Promise<void>;
  /** Wall time of `repeats` batch FFTs, all workers in parallel, ms. */
  run(repeats: number): Promise<number>;
  read(): Promise<Float64Array>;
  destroy(): void;
}

export type WorkerFactory = () => WorkerHandle;

export function createFftWorkerPool(factory: WorkerFactory, maxWorkers: number): FftWorkerPool {
  const workers: WorkerHandle[] = [];
  const waiting = new Map<WorkerHandle, (m: FromWorker) => void>();
  let active = 0;

  const worker = (i: number): WorkerHandle => {
    let w = workers[i];
    if (!w) {
      const created = factory();
      created.onMessage((m) => {
        const resolve = waiting.get(created);
        waiting.delete(created);
        resolve?.(m);
      });
      workers[i] = created;
      w = created;
    }
    return w;
  };

  const ask = (w: WorkerHandle, m: ToWorker, transfer?: Transferable[]): Promise<FromWorker> =>
    new Promise((resolve, reject) => {
      waiting.set(w, (reply) => {
        if (reply.type === 'error') reject(new Error(`CPU FFT worker: ${reply.message}`));
        else resolve(reply);
      });
      w.post(m, transfer);
    });

  return {
    get size() {
      return active;
    },
    async init(kernel, shape, batch, data) {
      active = Math.max(1, Math.min(maxWorkers, batch));
      const per = data.length / batch;
      const replies: Promise<FromWorker>[] = [];
      for (let i = 0; i < active; i++) {
        const from = Math.floor((i * batch) / active);
        const to = Math.floor(((i + 1) * batch) / active);
        const slice = data.slice(from * per, to * per);
        replies.push(
          ask(worker(i), { type: 'init', kernel, shape: [...shape], data: slice }, [slice.buffer]),
        );
      }
      await Promise.all(replies);
    },
    async run(repeats) {
      const t0 = performance.now();
      await Promise.all(workers.slice(0, active).map((w) => ask(w, { type: 'run', repeats })));
      return performance.now() - t0;
    },
    /** The output of every worker in batch order, widened to float64 (exact for float32). */
    async read() {
      const parts = await Promise.all(
        workers.slice(0, active).map((w) => ask(w, { type: 'read' })),
      );
      const arrays = parts.map((p) => (p.type === 'result' ? p.data : new Float64Array(0)));
      const out = new Float64Array(arrays.reduce((a, p) => a + p.length, 0));
      let off = 0;
      for (const p of arrays) {
        out.set(p, off);
        off += p.length;
      }
      return out;
    },
    destroy() {
      for (const w of workers) w.terminate();
      workers.length = 0;
      waiting.clear();
    },
  };
}
