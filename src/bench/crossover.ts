/**
 * The GPU-vs-CPU crossover: at one shape, the batch is swept and each point times the GPU
 * kernels on resident data, the engine's whole fft() call (upload, kernels, readback) and
 * fft.js on one thread. The crossover is the batch from which the GPU stays ahead.
 */
import { requireEngine, scoped, type CaseContext } from './case-context';
import { timeFftJs } from './cpu-cases';
import { measure, type MeasureSpec } from './measure';
import { crossoverBatch } from './metrics';
import { fftError, inputFor } from './reference';
import type { Crossover, CrossoverPoint } from './schema';
import type { BenchShape } from './suite';

export async function crossoverCase(
  ctx: CaseContext,
  shape: BenchShape,
  batches: readonly number[],
): Promise<Crossover> {
  const engine = requireEngine(ctx.host);
  const { signal } = ctx;
  // Fewer spans per point: the sweep has many points and needs the shape of the curve.
  const spec: MeasureSpec = { ...ctx.spec, spans: Math.min(3, ctx.spec.spans) };
  const points: CrossoverPoint[] = [];
  for (const batch of batches) {
    signal?.throwIfAborted();
    const input = inputFor(shape, batch);
    const check = await ctx.refs.fft(shape, batch, input);
    const what = `crossover batch ${batch}`;
    const gpu = await scoped(ctx.host.device, what, input.byteLength, async () => {
      const op = await engine.prepare('fft', input, { shape, batch });
      try {
        const t = await measure((r) => op.run(r), spec, signal);
        const out = await op.read();
        if (!('data' in out)) throw new Error('fft returned no data');
        return { ms: t.medianMs, error: fftError(out.data, shape, check) };
      } finally {
        op.destroy();
      }
    });
    const roundTrip = await measure(
      async (r) => {
        const t0 = performance.now();
        for (let i = 0; i < r; i++) await engine.fft(input, { shape, batch });
        return { ms: performance.now() - t0, method: 'wall' };
      },
      spec,
      signal,
    );
    const cpu = await timeFftJs(shape, input, spec, signal);
    points.push({
      batch,
      gpuMs: gpu.ms,
      gpuRoundTripMs: roundTrip.medianMs,
      cpuMs: cpu.timed.medianMs,
      maxRelError: gpu.error,
    });
  }
  return {
    shape: [...shape],
    points,
    batch: crossoverBatch(points, (p) => p.gpuMs),
    batchRoundTrip: crossoverBatch(points, (p) => p.gpuRoundTripMs),
  };
}
