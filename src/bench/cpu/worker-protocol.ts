/**
 * Messages between the main thread and the fft.js workers, and the worker side of them. The
 * same code serves Web Workers (browser) and worker_threads (Node); each side adapts its port.
 */
import { FftJsBatch, type FftConstructor } from './fftjs-kernel';

export type ToWorker =
  | { type: 'init'; shape: number[]; data: Float64Array }
  | { type: 'run'; repeats: number }
  | { type: 'read' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done' }
  | { type: 'result'; data: Float64Array }
  | { type: 'error'; message: string };

export interface Port<In, Out> {
  post(message: Out, transfer?: Transferable[]): void;
  onMessage(handler: (message: In) => void): void;
}

/** The worker's side: keeps its slice of the batch and transforms it on request. */
export function serveFftJs(Fft: FftConstructor, port: Port<ToWorker, FromWorker>): void {
  let kernel: FftJsBatch | null = null;
  let input: Float64Array = new Float64Array(0);
  let output: Float64Array = new Float64Array(0);
  port.onMessage((m) => {
    try {
      if (m.type === 'init') {
        kernel = new FftJsBatch(Fft, m.shape);
        input = m.data;
        output = new Float64Array(input.length);
        port.post({ type: 'ready' });
      } else if (m.type === 'run') {
        if (!kernel) throw new Error('run before init');
        for (let r = 0; r < m.repeats; r++) kernel.run(input, output);
        port.post({ type: 'done' });
      } else {
        port.post({ type: 'result', data: output.slice() });
      }
    } catch (e) {
      port.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
