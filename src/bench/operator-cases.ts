/**
 * The engine's newer operators in the benchmark: the Walsh–Hadamard transform, the spectral
 * filter and one split-step propagation step (V½ · K · V½, with a potential, so every pass of
 * a step is timed). Each runs on resident data through the engine's prepare(), is checked on
 * a few signals against the same operator's float64 reference, and moves its bytes past the
 * copy kernel, so its efficiency (copy time ÷ time) is reported: for the WHT that is the
 * measure the fastest CUDA kernels report.
 */
import {
  createCpuEngine,
  OPERATORS,
  resolventTable,
  signalLength,
  type InputArray,
  type Shape,
} from '../engine';
import { adapterKind, bufferLimits, requireEngine, scoped, type CaseContext } from './case-context';
import { pairedEfficiency, withPairedCopy } from './copy-pair';
import { measurePair } from './measure';
import { pickSignals } from './reference';
import { batchCapNote, planBatch, verifiedSignalIndices, type BenchShape } from './suite';
import { fftTolerance, maxRelError } from './verify';
import { uniformSigned } from '../workloads/rng';

export type OperatorCaseId = 'wht' | 'filter' | 'propagate';

const cpu = createCpuEngine();

interface Setup {
  /** Values per signal in the input and the output. */
  per: number;
  input: Float32Array;
  options: (batch: number) => object;
  tolerance: number;
}

function setupFor(id: OperatorCaseId, shape: Shape, batch: number): Setup {
  const n = signalLength(shape);
  const seed = n * 104_729 + batch;
  switch (id) {
    case 'wht':
      return {
        per: n,
        input: uniformSigned(seed, batch * n),
        options: (b) => ({ n, batch: b }),
        tolerance: fftTolerance(n),
      };
    case 'filter': {
      const gains = resolventTable(shape, 1.618034, 'cycles', 1);
      return {
        per: 2 * n,
        input: uniformSigned(seed, batch * n * 2),
        options: (b) => ({ shape, batch: b, gains }),
        tolerance: 2 * fftTolerance(n),
      };
    }
    case 'propagate': {
      // A smooth potential well; its size does not change the work.
      const potential = Float64Array.from(
        { length: n },
        (_, i) => 0.5 * Math.cos((2 * Math.PI * i) / n),
      );
      return {
        per: 2 * n,
        input: uniformSigned(seed, batch * n * 2),
        options: (b) => ({ shape, batch: b, dt: 0.01, steps: 1, potential }),
        tolerance: 2 * fftTolerance(n),
      };
    }
  }
}

export async function operatorCase(
  ctx: CaseContext,
  id: OperatorCaseId,
  shape: BenchShape,
): Promise<void> {
  const engine = requireEngine(ctx.host);
  const n = signalLength(shape);
  // Real WHT signals are half the bytes of complex ones: twice as many fill the same target.
  const points = id === 'wht' ? n / 2 : n;
  const plan = planBatch(
    points,
    ctx.spec.targetBytes,
    bufferLimits(ctx.host.device),
    adapterKind(ctx.host),
  );
  const { batch } = plan;
  const note = batchCapNote(plan, batch, points);
  const setup = setupFor(id, shape, batch);
  const op = OPERATORS[id];
  const indices = verifiedSignalIndices(batch, n, ctx.spec.verifyPoints);
  const subset: InputArray = pickSignals(setup.input, indices, setup.per);
  const reference = await cpu.run(op, subset, setup.options(indices.length) as never);
  await scoped(ctx.host.device, `${id} ${shape.join('×')}`, setup.input.byteLength, async () => {
    const prepared = await engine.prepare(op, setup.input, setup.options(batch) as never);
    try {
      const [timed, copy] = await withPairedCopy(ctx, prepared.bytes, (c) =>
        measurePair((r) => prepared.run(r), c, ctx.spec, ctx.signal),
      );
      const out = (await prepared.read()) as { data: ArrayLike<number> };
      ctx.copyBytes.add(prepared.bytes);
      ctx.record({
        op: id,
        device: 'gpu',
        shape: [...shape],
        batch,
        bytes: prepared.bytes,
        flops: prepared.work.flops,
        dispatches: prepared.dispatches,
        ...(id === 'wht' ? {} : { variant: prepared.variant }),
        maxRelError: maxRelError(
          pickSignals(out.data, indices, setup.per),
          (reference as { data: ArrayLike<number> }).data,
        ),
        tolerance: setup.tolerance,
        verifiedSignals: indices.length,
        ...timed,
        paired: pairedEfficiency(copy, timed),
        ...(note !== undefined ? { note } : {}),
      });
    } finally {
      prepared.destroy();
    }
  });
}
