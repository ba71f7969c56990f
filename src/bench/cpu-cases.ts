/**
 * The CPU peers, on the same input as the GPU: fft.js (float64 JavaScript) and PFFFT (float32
 * SIMD WebAssembly, the fastest CPU FFT that runs in JavaScript engines), each on the calling
 * thread and spread over workers.
 */
import FFT from 'fft.js';
import type { CaseContext, RawCase } from './case-context';
import { FftJsBatch } from './cpu/fftjs-kernel';
import { pffftBinary } from './cpu/pffft-binary';
import { instantiatePffft } from './cpu/pffft-glue';
import { PffftBatch } from './cpu/pffft-kernel';
import type { CpuKernel } from './cpu/worker-protocol';
import { measure, wallSpan, type MeasureSpec, type SpanTime, type Timed } from './measure';
import { complexPassBytes, signalPoints } from './metrics';
import { fftError, inputFor, type FftCheck } from './reference';
import type { BenchShape } from './suite';
import { fftTolerance } from './verify';

type Run = (repeats: number) => Promise<SpanTime>;

/**
 * JavaScript JITs and WebAssembly engines compile hot code in tiers (V8: Liftoff, then
 * TurboFan, while it runs; the first runs of a small PFFFT batch here take 50× the settled
 * time): before a CPU peer is timed it runs for one span's time and at least three times, so
 * its spans measure the optimized code, as a GPU case's measure its compiled pipeline. A run
 * of ten spans' time or more tiers up within itself: one is enough.
 */
async function warmedUp(run: Run, spec: MeasureSpec): Promise<Run> {
  let spent = 0;
  for (let i = 0; i < 100; i++) {
    const ms = (await run(1)).ms;
    spent += ms;
    if (spent >= spec.minSpanMs && (i >= 2 || ms >= 10 * spec.minSpanMs)) break;
  }
  return run;
}

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
  const run = wallSpan((r) => {
    for (let i = 0; i < r; i++) kernel.run(in64, out);
  });
  const timed = await measure(await warmedUp(run, spec), spec, signal);
  return { timed, out };
}

/** The fields every CPU case shares, from its output checked against the reference. */
function cpuCase(
  op: RawCase['op'],
  shape: BenchShape,
  batch: number,
  out: ArrayLike<number>,
  check: FftCheck,
  timed: Timed,
  note: string,
): RawCase {
  return {
    op,
    device: 'cpu',
    shape: [...shape],
    batch,
    bytes: complexPassBytes(shape, batch),
    dispatches: null,
    maxRelError: fftError(out, shape, check),
    tolerance: fftTolerance(signalPoints(shape)),
    verifiedSignals: check.indices.length,
    ...timed,
    note,
  };
}

export async function fftjsCase(ctx: CaseContext, shape: BenchShape, batch: number): Promise<void> {
  const input = inputFor(shape, batch);
  const check = await ctx.refs.fft(shape, batch, input);
  const { timed, out } = await timeFftJs(shape, input, ctx.spec, ctx.signal);
  ctx.record(cpuCase('fftjs', shape, batch, out, check, timed, 'fft.js, one thread, float64'));
}

const pffftBuild = (simd: boolean): string => (simd ? 'SIMD WebAssembly' : 'scalar WebAssembly');

export async function pffftCase(ctx: CaseContext, shape: BenchShape, batch: number): Promise<void> {
  const input = inputFor(shape, batch);
  const check = await ctx.refs.fft(shape, batch, input);
  const { wasm, simd } = await pffftBinary();
  const kernel = new PffftBatch(await instantiatePffft(wasm, simd), shape, input);
  try {
    const run = wallSpan((r) => {
      for (let i = 0; i < r; i++) kernel.run();
    });
    const timed = await measure(await warmedUp(run, ctx.spec), ctx.spec, ctx.signal);
    const note = `PFFFT, one thread, float32, ${pffftBuild(simd)}`;
    ctx.record(cpuCase('pffft', shape, batch, kernel.read(), check, timed, note));
  } finally {
    kernel.destroy();
  }
}

async function workersCase(
  ctx: CaseContext,
  kernel: CpuKernel,
  shape: BenchShape,
  batch: number,
): Promise<void> {
  if (!ctx.host.createPool) throw new Error('no worker pool in this runtime');
  const pool = ctx.host.createPool();
  try {
    const input = inputFor(shape, batch);
    const check = await ctx.refs.fft(shape, batch, input);
    // Each kernel gets its own precision: fft.js computes in float64, PFFFT in float32.
    await pool.init(
      kernel,
      shape,
      batch,
      kernel.name === 'fftjs' ? Float64Array.from(input) : input,
    );
    const run: Run = async (r) => ({ ms: await pool.run(r), method: 'wall' });
    const timed = await measure(await warmedUp(run, ctx.spec), ctx.spec, ctx.signal);
    const out = await pool.read();
    const [op, note] =
      kernel.name === 'fftjs'
        ? (['fftjs-workers', `fft.js over ${pool.size} workers, float64`] as const)
        : ([
            'pffft-workers',
            `PFFFT over ${pool.size} workers, float32, ${pffftBuild(kernel.simd)}`,
          ] as const);
    ctx.record(cpuCase(op, shape, batch, out, check, timed, note));
  } finally {
    pool.destroy();
  }
}

export function fftjsWorkersCase(
  ctx: CaseContext,
  shape: BenchShape,
  batch: number,
): Promise<void> {
  return workersCase(ctx, { name: 'fftjs' }, shape, batch);
}

export async function pffftWorkersCase(
  ctx: CaseContext,
  shape: BenchShape,
  batch: number,
): Promise<void> {
  const { wasm, simd } = await pffftBinary();
  return workersCase(ctx, { name: 'pffft', wasm, simd }, shape, batch);
}
