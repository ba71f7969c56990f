import FFT from 'fft.js';
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../../engine/cpu-engine';
import { uniformSigned } from '../../workloads/rng';
import { maxRelError } from '../verify';
import { createFftWorkerPool, type WorkerHandle } from './worker-pool';
import { serveFftJs, type FromWorker, type ToWorker } from './worker-protocol';

/** An in-process "worker": the real protocol and kernel, delivered through microtasks. */
function inProcessWorker(): WorkerHandle {
  let toMain: (m: FromWorker) => void = () => undefined;
  let toWorker: (m: ToWorker) => void = () => undefined;
  serveFftJs(FFT, {
    post: (m) => queueMicrotask(() => toMain(m)),
    onMessage: (h) => {
      toWorker = h;
    },
  });
  return {
    post: (m) => queueMicrotask(() => toWorker(m)),
    onMessage: (h) => {
      toMain = h;
    },
    terminate: () => undefined,
  };
}

describe('fft.js worker pool', () => {
  it.each([
    { shape: [64], batch: 5 },
    { shape: [16, 8], batch: 3 },
  ])(
    'splits the batch over workers and matches the float64 reference: %o',
    async ({ shape, batch }) => {
      const points = shape.reduce((a, b) => a * b, 1);
      const input = uniformSigned(3, 2 * batch * points);
      const pool = createFftWorkerPool(inProcessWorker, 2);
      await pool.init(shape, batch, Float64Array.from(input));
      expect(pool.size).toBe(2);
      await pool.run(2);
      const out = await pool.read();
      const ref = await createCpuEngine().fft(input, {
        shape: shape.length === 1 ? [shape[0] as number] : [shape[0] as number, shape[1] as number],
        batch,
      });
      expect(maxRelError(out, ref.data)).toBeLessThan(1e-12);
      pool.destroy();
    },
  );

  it('never uses more workers than signals', async () => {
    const pool = createFftWorkerPool(inProcessWorker, 8);
    await pool.init([16], 1, new Float64Array(32));
    expect(pool.size).toBe(1);
    pool.destroy();
  });
});
