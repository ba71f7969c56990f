/**
 * Runs a suite on one adapter: plans the steps (so progress has a total), measures each, checks
 * each result against the float64 reference, then derives the cross-case metrics (efficiency,
 * speed-ups, crossover, targets). React-free; the app, the CLI page and Node call it alike.
 */
import {
  adapterKind,
  bufferLimits,
  type BenchHost,
  type CaseContext,
  type RawCase,
} from './case-context';
import { fftjsCase, fftjsWorkersCase, pffftCase, pffftWorkersCase } from './cpu-cases';
import { crossoverCase } from './crossover';
import { finalizeRun } from './finalize';
import { fftCase, reductionsCase, referenceCase, resolventPairCase, tfjsCase } from './gpu-cases';
import { FFT_VARIANTS } from '../engine';
import { signalPoints } from './metrics';
import { nativeCases } from './native-peer';
import { operatorCase } from './operator-cases';
import { References } from './reference';
import {
  SCHEMA_VERSION,
  type BenchRun,
  type CaseResult,
  type Crossover,
  type Skipped,
} from './schema';
import { chooseBatch, chooseTfjsBatch, SUITES, type BenchShape, type SuiteSpec } from './suite';

export type { BenchHost, RawCase } from './case-context';

export interface BenchProgress {
  done: number;
  total: number;
  label: string;
}

export interface RunOptions {
  onProgress?: (p: BenchProgress) => void;
  /** Each case as soon as it is measured, for a live table. */
  onCase?: (c: CaseResult) => void;
  signal?: AbortSignal;
}

interface Step {
  label: string;
  run: () => Promise<void>;
}

export async function runSuite(
  host: BenchHost,
  suite: SuiteSpec | keyof typeof SUITES,
  options: RunOptions = {},
): Promise<BenchRun> {
  const spec = typeof suite === 'string' ? SUITES[suite] : suite;
  const { signal } = options;
  const started = performance.now();
  const date = new Date().toISOString();
  const limits = bufferLimits(host.device);
  const kind = adapterKind(host);
  const raw: RawCase[] = [];
  const skipped: Skipped[] = [];
  const crossovers: Crossover[] = [];
  const ctx: CaseContext = {
    host,
    spec,
    refs: new References(spec.verifyPoints),
    signal,
    copyBytes: new Set<number>(),
    record(c) {
      raw.push(c);
      const last = finalizeRun(host.adapter, raw).cases.at(-1);
      if (last) options.onCase?.(last);
    },
  };
  const steps: Step[] = [];
  const add = (label: string, run: () => Promise<void>): void => {
    steps.push({ label, run });
  };

  // Plan. Shapes in order of size; each GPU FFT is followed by its CPU companions at the same
  // shape, so every speed-up compares the same transforms.
  const fftShapes: BenchShape[] = [
    ...spec.fft1d.map((n) => [n] as const),
    ...spec.fft2d.map((n) => [n, n] as const),
  ];
  for (const shape of fftShapes) {
    const batch = chooseBatch(signalPoints(shape), spec.targetBytes, limits, kind);
    add(`FFT ${shape.join('×')} ×${batch}`, () => fftCase(ctx, shape, batch));
    // The CPU peers move the suite's own bytes per operation (a software adapter's batch): a
    // hardware adapter's 512 MiB would hold fft.js for seconds per operation, and a CPU's time
    // per signal does not depend on the batch once it is past its caches. Their speed-ups
    // compare time per signal (finalize.ts).
    const cpuBatch = Math.min(
      batch,
      chooseBatch(signalPoints(shape), spec.targetBytes, limits, 'software'),
    );
    const name = `${shape.join('×')} ×${cpuBatch}`;
    add(`fft.js ${name}`, () => fftjsCase(ctx, shape, cpuBatch));
    add(`fft.js workers ${name}`, () => fftjsWorkersCase(ctx, shape, cpuBatch));
    add(`PFFFT ${name}`, () => pffftCase(ctx, shape, cpuBatch));
    add(`PFFFT workers ${name}`, () => pffftWorkersCase(ctx, shape, cpuBatch));
  }
  // The native reference (cuFFT through PyTorch) at every shape and batch above, when asked.
  const native = host.nativePeer;
  if (native) {
    const requests = fftShapes.map((shape) => ({
      shape,
      batch: chooseBatch(signalPoints(shape), spec.targetBytes, limits, kind),
    }));
    add(native.label, () => nativeCases(ctx, native, requests));
  }
  for (const n of spec.tfjs) {
    const full = chooseBatch(n, spec.targetBytes, limits);
    const batch = chooseTfjsBatch(n, full, spec.tfjsMaxMacs);
    if (batch !== full) add(`FFT ${n} ×${batch}`, () => fftCase(ctx, [n], batch));
    add(`TensorFlow.js FFT ${n} ×${batch}`, () => tfjsCase(ctx, n, batch));
  }
  for (const shape of spec.resolvent) {
    add(`resolvent fused vs separate ${shape.join('×')}`, () => resolventPairCase(ctx, shape));
    add(`batch reductions ${shape.join('×')}`, () => reductionsCase(ctx, shape));
  }
  for (const shape of spec.operators) {
    const name = shape.join('×');
    if (shape.length === 1) add(`Walsh–Hadamard ${name}`, () => operatorCase(ctx, 'wht', shape));
    add(`spectral filter ${name}`, () => operatorCase(ctx, 'filter', shape));
    add(`propagation step ${name}`, () => operatorCase(ctx, 'propagate', shape));
  }
  // The planner's evidence: the same FFT in each kernel variant, side by side.
  for (const shape of spec.planner) {
    const batch = chooseBatch(signalPoints(shape), spec.targetBytes, limits, kind);
    for (const variant of host.engine?.variants ?? FFT_VARIANTS) {
      add(`FFT ${shape.join('×')} ×${batch} [${variant}]`, () =>
        fftCase(ctx, shape, batch, variant),
      );
    }
  }
  // Each case's efficiency comes from the copy paired with it. The copy reference still runs
  // after the cases, at every byte count they moved: a table of the copy's bandwidth.
  add('copy reference', async () => {
    for (const bytes of [...ctx.copyBytes].sort((a, b) => a - b)) {
      signal?.throwIfAborted();
      await referenceCase(ctx, 'copy', bytes);
    }
  });
  add('read-only reduction reference', () => referenceCase(ctx, 'read-reduce', spec.targetBytes));
  if (spec.crossover) {
    const { shape, batches } = spec.crossover;
    add(`GPU vs CPU crossover ${shape.join('×')}`, async () => {
      crossovers.push(await crossoverCase(ctx, shape, batches));
    });
  }

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    signal?.throwIfAborted();
    options.onProgress?.({ done: i, total: steps.length, label: step.label });
    try {
      await step.run();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      skipped.push({ what: step.label, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  options.onProgress?.({ done: steps.length, total: steps.length, label: 'done' });

  const { cases, targets } = finalizeRun(host.adapter, raw);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: `${date}-${Math.random().toString(36).slice(2, 8)}`,
    suite: spec.name,
    date,
    runtime: host.runtime,
    userAgent: host.userAgent,
    adapter: host.adapter,
    timingMethod: runTimingMethod(cases),
    timestampQuantization: host.timestampQuantization ?? 'default',
    cases,
    crossovers,
    skipped,
    targets,
    wallMs: performance.now() - started,
  };
}

/** GPU cases run by other libraries: TensorFlow.js (wall time) and cuFFT (CUDA events). */
const PEER_OPS: ReadonlySet<CaseResult['op']> = new Set(['tfjs-fft', 'cufft-torch']);

/** The method of this project's own GPU timings, not the peers'. */
function runTimingMethod(cases: readonly CaseResult[]): BenchRun['timingMethod'] {
  const methods = new Set(
    cases.filter((c) => c.device === 'gpu' && !PEER_OPS.has(c.op)).map((c) => c.method),
  );
  if (methods.size === 1) return [...methods][0] as 'timestamp' | 'wall';
  return methods.size === 0 ? 'wall' : 'mixed';
}
