/** The CPU peers: fft.js on the calling thread and spread over workers, same input as the GPU. */
import FFT from 'fft.js';
import type { CaseContext } from './case-context';
import { FftJsBatch } from './cpu/fftjs-kernel';
import { measure, wallSpan, type MeasureSpec, type Timed } from './measure';
import { complexPassBytes, signalPoints } from './metrics';
import { fftError, inputFor } from './reference';
import type { BenchShape } from './suite';
import { fftTolerance } from './verify';

/** Times fft.js over the batch on this thread; returns the timing and the last output. */
export async function timeFftJs(
  shape: BenchShape,
  input: Float32Array,
  spec: MeasureSpec,
  signal: AbortSignal | undefined,
): Promise<{ timed: Timed; out: Float64Array }> {
  const in64 = Float64Array.from(input);
  const out = new Float64Array(in64.length);
  const kernel = new FftJsBatch(FFT, shape);
  const timed = await measure(
    wallSpan((r) => {
      for (let i = 0; i < r; i++) kernel.run(in64, out);
    }),
    spec,
    signal,
  );
  return { timed, out };
}

export async function fftjsCase(ctx: CaseContext, shape: BenchShape, batch: number): Promise<void> {
  const input = inputFor(shape, batch);
  const check = await ctx.refs.fft(shape, batch, input);
  const { timed, out } = await timeFftJs(shape, input, ctx.spec, ctx.signal);
  ctx.record({
    op: 'fftjs',
    device: 'cpu',
    shape: [...shape],
    batch,
    bytes: complexPassBytes(shape, batch),
    dispatches: null,
    maxRelError: fftError(out, shape, check),
    tolerance: fftTolerance(signalPoints(shape)),
    verifiedSignals: check.indices.length,
    ...timed,
    note: 'fft.js, one thread, float64',
  });
}

export async function fftjsWorkersCase(
  ctx: CaseContext,
  shape: BenchShape,
  batch: number,
): Promise<void> {
  if (!ctx.host.createPool) throw new Error('no worker pool in this runtime');
  const pool = ctx.host.createPool();
  try {
    const input = inputFor(shape, batch);
    const check = await ctx.refs.fft(shape, batch, input);
    await pool.init(shape, batch, Float64Array.from(input));
    const timed = await measure(
      async (r) => ({ ms: await pool.run(r), method: 'wall' }),
      ctx.spec,
      ctx.signal,
    );
    const out = await pool.read();
    ctx.record({
      op: 'fftjs-workers',
      device: 'cpu',
      shape: [...shape],
      batch,
      bytes: complexPassBytes(shape, batch),
      dispatches: null,
      maxRelError: fftError(out, shape, check),
      tolerance: fftTolerance(signalPoints(shape)),
      verifiedSignals: check.indices.length,
      ...timed,
      note: `fft.js over ${pool.size} workers, float64`,
    });
  } finally {
    pool.destroy();
  }
}
