/**
 * The GPU cases: this project's FFT and resolvent pipeline through the engine's prepare(), the
 * TensorFlow.js peer on the same device, and the engine's copy and read-reduce operators as
 * the bandwidth references. Each case is timed in spans alternating with the engine's copy over
 * its bytes (copy-pair.ts): its efficiency is the median of those per-pair ratios.
 */
import { adapterKind, bufferLimits, requireEngine, scoped, type CaseContext } from './case-context';
import {
  createCpuEngine,
  OPERATORS,
  type FftVariant,
  type PreparedOp,
  type ResolventResult,
} from '../engine';
import { measure, measureAlternating, measurePair, type Timed } from './measure';
import { pairedEfficiency, withPairedCopy } from './copy-pair';
import { complexPassBytes, signalPoints } from './metrics';
import { fftError, inputFor, reductionsCheck, resolventError } from './reference';
import { batchCapNote, chooseBatch, planBatch, referenceSignals, type BenchShape } from './suite';
import { createTfjsFft, tfjsUnavailableReason } from './tfjs-runner';
import { fftTolerance, maxRelError, resolventTolerance, sumTolerance } from './verify';
import { uniformSigned } from '../workloads/rng';

/** `variant`: force a kernel variant (planner evidence); otherwise the engine's planner picks. */
export async function fftCase(
  ctx: CaseContext,
  shape: BenchShape,
  batch: number,
  variant?: FftVariant,
): Promise<void> {
  const engine = requireEngine(ctx.host);
  const input = inputFor(shape, batch);
  const check = await ctx.refs.fft(shape, batch, input);
  const points = signalPoints(shape);
  const plan = planBatch(
    points,
    ctx.spec.targetBytes,
    bufferLimits(ctx.host.device),
    adapterKind(ctx.host),
  );
  const notes = [
    variant ? `variant forced: ${variant}` : undefined,
    batchCapNote(plan, batch, points),
  ];
  const note = notes.filter((n) => n !== undefined).join('; ');
  await scoped(ctx.host.device, `fft ${shape.join('×')}`, input.byteLength, async () => {
    const op = await engine.prepare('fft', input, {
      shape,
      batch,
      ...(variant ? { variant } : {}),
    });
    try {
      const [timed, copy] = await withPairedCopy(ctx, op.bytes, (c) =>
        measurePair((r) => op.run(r), c, ctx.spec, ctx.signal),
      );
      const out = await op.read();
      ctx.copyBytes.add(op.bytes);
      ctx.record({
        op: 'fft',
        device: 'gpu',
        shape: [...shape],
        batch,
        bytes: op.bytes,
        dispatches: op.dispatches,
        variant: op.variant,
        ...(note !== '' ? { note } : {}),
        maxRelError: fftError(out.data, shape, check),
        tolerance: fftTolerance(signalPoints(shape)),
        verifiedSignals: check.indices.length,
        ...timed,
        paired: pairedEfficiency(copy, timed),
      });
    } finally {
      op.destroy();
    }
  });
}

type ResolventOpName = 'resolvent-fused' | 'resolvent-separate' | 'reductions';

/** Batch, input and float64 check of a resolvent-like case at `shape`. */
async function resolventSetup(ctx: CaseContext, shape: BenchShape, reductions: boolean) {
  const batch = chooseBatch(
    signalPoints(shape),
    ctx.spec.targetBytes,
    bufferLimits(ctx.host.device),
  );
  const input = inputFor(shape, batch);
  const check = reductions
    ? await reductionsCheck(ctx.refs, shape, batch, input)
    : await ctx.refs.resolvent(shape, batch, input);
  return { batch, input, check };
}

/** Reads a timed resolvent-like operation back, checks it, and records it. */
async function recordResolvent(
  ctx: CaseContext,
  name: ResolventOpName,
  shape: BenchShape,
  setup: Awaited<ReturnType<typeof resolventSetup>>,
  op: PreparedOp<ResolventResult>,
  timed: Timed,
  copy: Timed,
): Promise<void> {
  const out = await op.read();
  ctx.copyBytes.add(op.bytes);
  ctx.record({
    op: name,
    device: 'gpu',
    shape: [...shape],
    batch: setup.batch,
    bytes: op.bytes,
    dispatches: op.dispatches,
    ...(name === 'reductions' ? {} : { variant: op.variant }),
    maxRelError: resolventError(out, shape, setup.check),
    tolerance: resolventTolerance(signalPoints(shape)),
    verifiedSignals: setup.check.indices.length,
    ...timed,
    paired: pairedEfficiency(copy, timed),
  });
}

/**
 * The resolvent pipeline fused and as separate passes, timed in alternating spans so that
 * their ratio (the fusion target) is not skewed by the machine's load drifting between them.
 */
export async function resolventPairCase(ctx: CaseContext, shape: BenchShape): Promise<void> {
  const engine = requireEngine(ctx.host);
  const setup = await resolventSetup(ctx, shape, false);
  const what = `resolvent ${shape.join('×')}`;
  await scoped(ctx.host.device, what, setup.input.byteLength, async () => {
    const options = { shape, batch: setup.batch };
    const fused = await engine.prepare('resolvent', setup.input, { ...options, fused: true });
    try {
      const separate = await engine.prepare('resolvent', setup.input, { ...options, fused: false });
      try {
        const run = (op: PreparedOp<ResolventResult>) => (r: number) => op.run(r);
        // Both move the same bytes: one copy, timed in alternation with both.
        const [tf, ts, copy] = (await withPairedCopy(ctx, fused.bytes, (c) =>
          measureAlternating([run(fused), run(separate), c], ctx.spec, ctx.signal),
        )) as [Timed, Timed, Timed];
        await recordResolvent(ctx, 'resolvent-fused', shape, setup, fused, tf, copy);
        await recordResolvent(ctx, 'resolvent-separate', shape, setup, separate, ts, copy);
      } finally {
        separate.destroy();
      }
    } finally {
      fused.destroy();
    }
  });
}

/** The filter and the batch reductions alone, on data that already is a spectrum. */
export async function reductionsCase(ctx: CaseContext, shape: BenchShape): Promise<void> {
  const engine = requireEngine(ctx.host);
  const setup = await resolventSetup(ctx, shape, true);
  const what = `reductions ${shape.join('×')}`;
  await scoped(ctx.host.device, what, setup.input.byteLength, async () => {
    const op = await engine.prepare('reductions', setup.input, { shape, batch: setup.batch });
    try {
      const [timed, copy] = await withPairedCopy(ctx, op.bytes, (c) =>
        measurePair((r) => op.run(r), c, ctx.spec, ctx.signal),
      );
      await recordResolvent(ctx, 'reductions', shape, setup, op, timed, copy);
    } finally {
      op.destroy();
    }
  });
}

export async function tfjsCase(ctx: CaseContext, n: number, batch: number): Promise<void> {
  const reason = tfjsUnavailableReason();
  if (reason) throw new Error(reason);
  const shape = [n] as const;
  const input = inputFor(shape, batch);
  const check = await ctx.refs.fft(shape, batch, input);
  const { host } = ctx;
  await scoped(host.device, `tfjs-fft ${n}`, input.byteLength, async () => {
    const peer = await createTfjsFft(host.device, host.adapterInfo, input, n, batch);
    try {
      const bytes = complexPassBytes(shape, batch);
      const [timed, copy] = await withPairedCopy(ctx, bytes, (c) =>
        measurePair((r) => peer.run(r), c, ctx.spec, ctx.signal),
      );
      const out = await peer.read();
      ctx.copyBytes.add(bytes);
      ctx.record({
        op: 'tfjs-fft',
        device: 'gpu',
        shape: [n],
        batch,
        bytes,
        dispatches: null,
        maxRelError: fftError(out, shape, check),
        tolerance: fftTolerance(n),
        verifiedSignals: check.indices.length,
        ...timed,
        paired: pairedEfficiency(copy, timed),
        note: 'TensorFlow.js tf.spectral.fft, WebGPU backend on the same device',
      });
    } finally {
      peer.destroy();
    }
  });
}

const cpu = createCpuEngine();

/**
 * A bandwidth reference through the engine: 'copy' moves `bytes` (it reads and writes each
 * complex value, 16 bytes), so a case's efficiency is the copy's time at its bytes ÷ its time;
 * 'read-reduce' reads `bytes` (8 a complex value) and writes a few sums.
 */
export async function referenceCase(
  ctx: CaseContext,
  op: 'copy' | 'read-reduce',
  bytes: number,
): Promise<void> {
  const engine = requireEngine(ctx.host);
  const signals = referenceSignals(bytes / (op === 'copy' ? 16 : 8));
  const count = signals.batch * signals.shape[0];
  const input = uniformSigned(op === 'copy' ? 1 : 2, 2 * count);
  await scoped(ctx.host.device, `${op} ${bytes} B`, input.byteLength, async () => {
    const prepared = await engine.prepare(op, input, signals);
    try {
      const timed = await measure((r) => prepared.run(r), ctx.spec, ctx.signal);
      const out = await prepared.read();
      ctx.record({
        op,
        device: 'gpu',
        // The complex values whose bytes the reference moves.
        shape: [count],
        batch: 1,
        bytes: prepared.bytes,
        dispatches: prepared.dispatches,
        ...('data' in out
          ? { maxRelError: maxRelError(out.data, input), tolerance: 0 }
          : await sumCheck(out.total, input, signals)),
        verifiedSignals: 1,
        ...timed,
      });
    } finally {
      prepared.destroy();
    }
  });
}

/**
 * The GPU's total against the operator's float64 reference, relative to Σ|x| (a signed sum can
 * cancel to near zero). Each lane adds count/2 vec4s in levels of at most 16 terms.
 */
async function sumCheck(
  total: number,
  input: Float32Array,
  signals: { shape: [number]; batch: number },
): Promise<{ maxRelError: number; tolerance: number }> {
  const { total: expected } = await cpu.run(OPERATORS['read-reduce'], input, signals);
  const scale = input.reduce((a, v) => a + Math.abs(v), 0);
  const diff = Math.abs(total - expected);
  const levels = Math.max(1, Math.ceil(Math.log2(input.length / 4) / 4));
  return {
    // NaN must not pass as a small error.
    maxRelError: Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff / scale,
    tolerance: sumTolerance(16 * levels),
  };
}
