import FFT from 'fft.js';
import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../../engine/cpu-engine';
import { uniformSigned } from '../../workloads/rng';
import { fftTolerance, maxRelError } from '../verify';
import { pffftBinary } from './pffft-binary';
import { instantiatePffft } from './pffft-glue';
import { createFftWorkerPool, type WorkerHandle } from './worker-pool';
import { serveCpuFft, type CpuKernel, type FromWorker, type ToWorker } from './worker-protocol';

/** An in-process "worker": the real protocol and kernels, delivered through microtasks. */
function inProcessWorker(): WorkerHandle {
  let toMain: (m: FromWorker) => void = () => undefined;
  let toWorker: (m: ToWorker) => void = () => undefined;
  serveCpuFft(
    { fftjs: FFT, pffft: instantiatePffft },
    {
      post: (m) => queueMicrotask(() => toMain(m)),
      onMessage: (h) => {
        toWorker = h;
      },
    },
  );
  return {
    post: (m) => queueMicrotask(() => toWorker(m)),
    onMessage: (h) => {
      toMain = h;
    },
    terminate: () => undefined,
  };
}

async function kernels(): Promise<{ kernel: CpuKernel; float32: boolean }[]> {
  const { wasm, simd } = await pffftBinary();
  return [
    { kernel: { name: 'fftjs' }, float32: false },
    { kernel: { name: 'pffft', wasm, simd }, float32: true },
  ];
}

describe('CPU FFT worker pool', () => {
  it.each([
    { shape: [64], batch: 5 },
    { shape: [16, 32], batch: 3 },
  ])(
    'splits the batch over workers and matches the float64 reference: %o',
    async ({ shape, batch }) => {
      const points = shape.reduce((a, b) => a * b, 1);
      const input = uniformSigned(3, 2 * batch * points);
      const ref = await createCpuEngine().fft(input, {
        shape: shape.length === 1 ? [shape[0] as number] : [shape[0] as number, shape[1] as number],
        batch,
      });
      for (const { kernel, float32 } of await kernels()) {
        const pool = createFftWorkerPool(inProcessWorker, 2);
        await pool.init(kernel, shape, batch, float32 ? input : Float64Array.from(input));
        expect(pool.size).toBe(2);
        await pool.run(2);
        const out = await pool.read();
        expect(out.length).toBe(input.length);
        // fft.js computes in float64; PFFFT in float32, within the GPU's float32 tolerance.
        const tol = float32 ? fftTolerance(points) : 1e-12;
        expect(maxRelError(out, ref.data), kernel.name).toBeLessThan(tol);
        pool.destroy();
      }
    },
  );

  it('never uses more workers than signals', async () => {
    const pool = createFftWorkerPool(inProcessWorker, 8);
    await pool.init({ name: 'fftjs' }, [16], 1, new Float64Array(32));
    expect(pool.size).toBe(1);
    pool.destroy();
  });

  it('answers a size PFFFT cannot take with an error that says why', async () => {
    const { wasm, simd } = await pffftBinary();
    const pool = createFftWorkerPool(inProcessWorker, 1);
    // 8 is no multiple of 16 (SIMD); 7 is no product of 2, 3 and 5 (scalar).
    const n = simd ? 8 : 7;
    await expect(
      pool.init({ name: 'pffft', wasm, simd }, [n], 1, new Float32Array(2 * n)),
    ).rejects.toThrow(/PFFFT/);
    pool.destroy();
  });
});
