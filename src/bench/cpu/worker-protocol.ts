/**
 * Messages between the main thread and the CPU FFT workers, and the worker side of them. The
 * same code serves Web Workers (browser) and worker_threads (Node); each side adapts its port.
 * A worker runs one of two kernels: fft.js (float64) or PFFFT (float32 WebAssembly, whose bytes
 * come with the init message so the worker never has to find them itself).
 */
import { FftJsBatch, type FftConstructor } from './fftjs-kernel';
import { PffftBatch, type PffftModule } from './pffft-kernel';

/** Which CPU FFT a worker runs. */
export type CpuKernel =
  { name: 'fftjs' } | { name: 'pffft'; wasm: Uint8Array<ArrayBuffer>; simd: boolean };

export type ToWorker =
  | { type: 'init'; kernel: CpuKernel; shape: number[]; data: Float32Array | Float64Array }
  | { type: 'run'; repeats: number }
  | { type: 'read' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done' }
  | { type: 'result'; data: Float32Array | Float64Array }
  | { type: 'error'; message: string };

export interface Port<In, Out> {
  post(message: Out, transfer?: Transferable[]): void;
  onMessage(handler: (message: In) => void): void;
}

/** What a worker needs to build either kernel; each runtime supplies its own imports. */
export interface WorkerKernels {
  fftjs: FftConstructor;
  pffft: (wasm: Uint8Array<ArrayBuffer>, simd: boolean) => Promise<PffftModule>;
}

interface Batch {
  run(): void;
  read(): Float32Array | Float64Array;
  destroy(): void;
}

function fftjsBatch(Fft: FftConstructor, shape: number[], data: ArrayLike<number>): Batch {
  const kernel = new FftJsBatch(Fft, shape);
  const input = Float64Array.from(data);
  const output = new Float64Array(input.length);
  return {
    run: () => kernel.run(input, output),
    read: () => output.slice(),
    destroy: () => undefined,
  };
}

/** The worker's side: keeps its slice of the batch and transforms it on request. */
export function serveCpuFft(kernels: WorkerKernels, port: Port<ToWorker, FromWorker>): void {
  let batch: Batch | null = null;
  // One PFFFT module per worker, kept across inits (instantiation is the slow part).
  let pffft: Promise<PffftModule> | null = null;
  const fail = (e: unknown): void =>
    port.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  const init = async (m: Extract<ToWorker, { type: 'init' }>): Promise<void> => {
    batch?.destroy();
    batch = null;
    if (m.kernel.name === 'fftjs') {
      batch = fftjsBatch(kernels.fftjs, m.shape, m.data);
    } else {
      pffft ??= kernels.pffft(m.kernel.wasm, m.kernel.simd);
      batch = new PffftBatch(await pffft, m.shape, m.data);
    }
    port.post({ type: 'ready' });
  };
  port.onMessage((m) => {
    try {
      if (m.type === 'init') {
        init(m).catch(fail);
      } else if (m.type === 'run') {
        if (!batch) throw new Error('run before init');
        for (let r = 0; r < m.repeats; r++) batch.run();
        port.post({ type: 'done' });
      } else {
        if (!batch) throw new Error('read before init');
        const data = batch.read();
        port.post({ type: 'result', data }, [data.buffer]);
      }
    } catch (e) {
      fail(e);
    }
  });
}
