/**
 * The WebGPU engine. Takes a GPUDevice (browser, or Node through the `webgpu` package), checks
 * arguments before any GPU work, splits the batch into chunks that respect the device's buffer
 * and dispatch limits, and runs each chunk as one compute pass. Validation and out-of-memory
 * errors are caught with error scopes and rethrown typed; a lost device fails every later call
 * with DeviceLostError.
 */
import { toComplexF32 } from '../complex';
import { DeviceLostError, EngineArgumentError, GpuLimitError } from '../errors';
import type {
  Engine,
  FftResult,
  InputArray,
  ResolventOptions,
  ResolventResult,
  Shape,
  Timing,
  TimingMethod,
  TransformOptions,
} from '../types';
import { checkResolvent, checkTransform, signalLength } from '../validate';
import { chunkSignals } from './chunking';
import { withErrorScopes } from './error-scopes';
import { workgroupCapacity } from './fft-plan';
import { FFT_VARIANTS, Plan, type FftVariant, type PlanKind, type StepOptions } from './gpu-plan';
import { adapterFacts, Planner, type AdapterFacts, type WisdomStore } from './planner';
import { qTables, resultFromSums, type QTables } from './resolvent-readback';
import { Stopwatch } from './stopwatch';
import { subgroupLanes } from './subgroup-probe';

export interface EngineOptions {
  /** Largest chunk of signals, in bytes, sent through one pass (tests force small chunks). */
  maxChunkBytes?: number;
  /** Force a kernel variant; 'auto' (default) asks the planner (wisdom, else a heuristic). */
  variant?: FftVariant | 'auto';
  /** Where the planner keeps its measured choices between sessions. */
  wisdom?: WisdomStore;
}

export interface TuneResult {
  variant: FftVariant;
  /** Median milliseconds per run of each variant measured. */
  ms: Partial<Record<FftVariant, number>>;
}

/** An operation uploaded once and kept on the GPU, for timing repeated runs. */
export interface PreparedOp {
  readonly kind: PlanKind;
  /** Dispatches per run. */
  readonly dispatches: number;
  /** Minimum bytes a run moves: every complex value read once and written once. */
  readonly bytes: number;
  /** Whether the resolvent runs fused (filter and sums inside the FFT passes). */
  readonly fused: boolean;
  readonly variant: FftVariant;
  /** GPU time of `repeats` back-to-back runs recorded in one compute pass and one submit. */
  run(repeats: number): Promise<{ ms: number; method: TimingMethod }>;
  /** Runs once more and reads the result back, for verification. */
  read(): Promise<FftResult | ResolventResult>;
  destroy(): void;
}

export interface GpuEngine extends Engine {
  readonly backend: 'webgpu';
  readonly device: GPUDevice;
  /** Resolves when the device is lost; operations after that throw DeviceLostError. */
  readonly lost: Promise<GPUDeviceLostInfo>;
  /** Largest 1D N done in one dispatch (fits workgroup memory). */
  readonly maxSingleDispatchN: number;
  /** 'timestamp' when the device has timestamp-query, else 'wall'. */
  readonly timingMethod: TimingMethod;
  readonly adapter: AdapterFacts;
  /** Kernel variants this device runs ('subgroups' only where subgroup-probe.ts passed). */
  readonly variants: readonly FftVariant[];
  /** Invocations per butterfly in 'subgroups' passes (0 when that variant is unavailable). */
  readonly subgroupLanes: number;
  prepare(
    kind: 'fft',
    data: InputArray,
    options: TransformOptions & VariantChoice,
  ): Promise<PreparedOp>;
  /** 'reductions': the filter and batch reductions alone, on `data` taken as spectra. */
  prepare(
    kind: 'resolvent' | 'reductions',
    data: InputArray,
    options: ResolventOptions & VariantChoice,
  ): Promise<PreparedOp>;
  /** The variant an operation on this shape runs with now. */
  variantFor(kind: PlanKind, shape: Shape): FftVariant;
  /** Why: forced by the options, measured by tune() on this adapter, or the heuristic default. */
  variantSource(kind: PlanKind, shape: Shape): 'forced' | 'measured' | 'default';
  /** Times every variant on this device and remembers the fastest for this operation and shape. */
  tune(kind: PlanKind, shape: Shape, batch: number): Promise<TuneResult>;
  /** Forgets all measured choices. */
  replan(): void;
}

export interface VariantChoice {
  variant?: FftVariant;
}

/** Bounds one pass's work: SwiftShader has no watchdog, and a live UI must stay responsive. */
const DEFAULT_MAX_CHUNK_BYTES = 64 * 1024 * 1024;
const MAX_PLANS = 6;

export async function createEngine(
  device: GPUDevice,
  options: EngineOptions = {},
): Promise<GpuEngine> {
  const lanes = await subgroupLanes(device);
  return new WebGpuEngine(device, options, lanes);
}

interface Job {
  kind: PlanKind;
  variant: FftVariant;
  operation: string;
  shape: Shape;
  batch: number;
  step: Omit<StepOptions, 'lastChunk'>;
  q?: QTables;
}

class WebGpuEngine implements GpuEngine {
  readonly backend = 'webgpu' as const;
  readonly lost: Promise<GPUDeviceLostInfo>;
  readonly maxSingleDispatchN: number;
  readonly timingMethod: TimingMethod;
  readonly adapter: AdapterFacts;
  private readonly planner: Planner;
  private readonly forced: FftVariant | undefined;
  readonly variants: readonly FftVariant[];
  private readonly capacity: number;
  private readonly maxChunkBytes: number;
  private readonly plans = new Map<string, Plan>();
  private readonly prepared = new Set<PreparedOp>();
  private readonly dummy: GPUBuffer;
  private readonly stopwatch: Stopwatch;
  private lostInfo: GPUDeviceLostInfo | undefined;
  private destroyed = false;
  /** Operations run one at a time: they share plans and staging buffers. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly device: GPUDevice,
    options: EngineOptions,
    readonly subgroupLanes: number,
  ) {
    this.variants = FFT_VARIANTS.filter((v) => v !== 'subgroups' || subgroupLanes > 1);
    this.capacity = workgroupCapacity(device.limits.maxComputeWorkgroupStorageSize);
    this.maxSingleDispatchN = this.capacity;
    this.maxChunkBytes = options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES;
    this.lost = device.lost.then((info) => {
      this.lostInfo = info;
      return info;
    });
    this.dummy = device.createBuffer({
      label: 'unused read-only binding',
      size: 16,
      usage: GPUBufferUsage.STORAGE,
    });
    this.stopwatch = new Stopwatch(device);
    this.timingMethod = this.stopwatch.method;
    this.adapter = adapterFacts(device);
    this.planner = new Planner(this.adapter, this.variants, options.wisdom);
    this.forced = options.variant === 'auto' ? undefined : this.available(options.variant);
  }

  /** The variant if this device can run it, else an EngineArgumentError saying which can. */
  private available<V extends FftVariant | undefined>(variant: V): V {
    if (variant === undefined || this.variants.includes(variant)) return variant;
    const why =
      variant === 'subgroups'
        ? ' (it needs the subgroups feature, at least 2 lanes per subgroup, and lanes that follow ' +
          'the invocation index)'
        : '';
    throw new EngineArgumentError(
      'variant',
      `variant must be one of ${this.variants.join(', ')} on this device; got '${variant}'${why}`,
    );
  }

  variantFor(kind: PlanKind, shape: Shape): FftVariant {
    return this.forced ?? this.planner.choose(kind, shape);
  }

  variantSource(kind: PlanKind, shape: Shape): 'forced' | 'measured' | 'default' {
    if (this.forced) return 'forced';
    return this.planner.isTuned(kind, shape) ? 'measured' : 'default';
  }

  replan(): void {
    this.planner.replan();
  }

  async tune(kind: PlanKind, shape: Shape, batch: number): Promise<TuneResult> {
    const n = signalLength(shape);
    const data = new Float32Array(batch * n * 2);
    // Any finite data times the same; a cheap deterministic pattern avoids zeros and denormals.
    for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.618034) * 0.5;
    const ms: Partial<Record<FftVariant, number>> = {};
    for (const variant of this.variants) {
      const op =
        kind === 'fft'
          ? await this.prepare('fft', data, { shape, batch, variant })
          : await this.prepare('resolvent', data, { shape, batch, variant });
      try {
        await op.run(1); // compile and warm up
        const spans: number[] = [];
        for (let i = 0; i < 3; i++) spans.push((await op.run(2)).ms / 2);
        spans.sort((a, b) => a - b);
        ms[variant] = spans[1] as number;
      } finally {
        op.destroy();
      }
    }
    const best = this.variants.reduce((a, b) =>
      (ms[b] ?? Infinity) < (ms[a] ?? Infinity) ? b : a,
    );
    this.planner.record(kind, shape, best);
    return { variant: best, ms };
  }

  async fft(data: InputArray, options: TransformOptions): Promise<FftResult> {
    const o = checkTransform(data, options);
    const job: Job = {
      kind: 'fft',
      variant: this.variantFor('fft', o.shape),
      operation: o.inverse ? 'inverse FFT' : 'FFT',
      shape: o.shape,
      batch: o.batch,
      step: { inverse: o.inverse, phi: 0, fused: false },
    };
    return this.serial(async () => {
      const out = await this.run(job, toComplexF32(data, o.real));
      return { data: out.data, timing: out.timing };
    });
  }

  async resolvent(data: InputArray, options: ResolventOptions): Promise<ResolventResult> {
    const o = checkResolvent(data, options);
    const job: Job = {
      kind: 'resolvent',
      variant: this.variantFor('resolvent', o.shape),
      operation: 'resolvent',
      shape: o.shape,
      batch: o.batch,
      step: { inverse: false, phi: o.phi, fused: options.fused ?? true },
      q: qTables(o.shape, o.kUnit, o.kScale),
    };
    return this.serial(async () => {
      const out = await this.run(job, toComplexF32(data, o.real));
      return resultFromSums(out.data, out.sums as Float32Array, o, out.timing);
    });
  }

  prepare(
    kind: 'fft',
    data: InputArray,
    options: TransformOptions & VariantChoice,
  ): Promise<PreparedOp>;
  /** 'reductions': the filter and batch reductions alone, on `data` taken as spectra. */
  prepare(
    kind: 'resolvent' | 'reductions',
    data: InputArray,
    options: ResolventOptions & VariantChoice,
  ): Promise<PreparedOp>;
  async prepare(
    kind: PlanKind,
    data: InputArray,
    options: (TransformOptions | ResolventOptions) & VariantChoice,
  ): Promise<PreparedOp> {
    const o =
      kind === 'fft'
        ? { ...checkTransform(data, options), phi: 0, lambda: 0, q: undefined }
        : (() => {
            const r = checkResolvent(data, options);
            return { ...r, inverse: false, q: qTables(r.shape, r.kUnit, r.kScale) };
          })();
    const fused = kind === 'resolvent' && ((options as ResolventOptions).fused ?? true);
    const operation = `prepared ${kind}`;
    this.assertUsable(operation);
    const chunk = chunkSignals(operation, this.device.limits, Infinity, o.shape, o.batch);
    if (chunk < o.batch) {
      throw new GpuLimitError(
        'maxStorageBufferBindingSize',
        chunk,
        `${operation}: batch ${o.batch} of shape [${o.shape.join(', ')}] does not fit one storage ` +
          `binding on this device; the largest batch is ${chunk}.`,
      );
    }
    const complex = toComplexF32(data, o.real);
    const n = signalLength(o.shape);
    const variant = this.available(options.variant) ?? this.variantFor(kind, o.shape);
    const spec = {
      kind,
      variant,
      shape: o.shape,
      batch: o.batch,
      chunkSignals: o.batch,
      capacity: this.capacity,
      lanes: this.subgroupLanes,
      preserveInput: true,
    };
    const built = await withErrorScopes(
      this.device,
      operation,
      () => o.batch * n * 8 * 3,
      () => {
        const plan = new Plan(this.device, spec, this.dummy);
        if (o.q) plan.setQ(o.q.key, o.q.qy, o.q.qx);
        this.device.queue.writeBuffer(plan.input, 0, complex);
        const chunkSteps = plan.steps(o.batch, 0, {
          inverse: o.inverse,
          phi: o.phi,
          fused,
          lastChunk: true,
        });
        return { plan, chunkSteps };
      },
    );
    const { plan, chunkSteps } = built;
    const op: PreparedOp = {
      kind,
      dispatches: chunkSteps.steps.length,
      bytes: 2 * o.batch * n * 8,
      fused,
      variant,
      run: (repeats) =>
        this.serial(async () => {
          this.assertUsable(operation);
          const encoder = this.device.createCommandEncoder({ label: `${operation} ×${repeats}` });
          const pass = encoder.beginComputePass({
            label: operation,
            ...this.stopwatch.passTimestamps(),
          });
          for (let r = 0; r < repeats; r++) Plan.encode(pass, chunkSteps.steps);
          pass.end();
          this.stopwatch.resolve(encoder);
          const start = performance.now();
          await withErrorScopes(
            this.device,
            operation,
            () => plan.allocatedBytes,
            () => this.device.queue.submit([encoder.finish()]),
          );
          await this.device.queue.onSubmittedWorkDone();
          const wallMs = performance.now() - start;
          const gpuMs = await this.stopwatch.read();
          // No (or an unusable, zero) timestamp span: fall back to submit-to-done wall time.
          return gpuMs ? { ms: gpuMs, method: 'timestamp' } : { ms: wallMs, method: 'wall' };
        }),
      read: () =>
        this.serial(async () => {
          this.assertUsable(operation);
          const out = await this.readback(
            plan,
            chunkSteps.steps,
            chunkSteps.result,
            o.batch,
            0,
            n,
            true,
            operation,
          );
          const timing: Timing = {
            ms: out.ms,
            method: this.timingMethod,
            dispatches: chunkSteps.steps.length,
            chunks: 1,
          };
          if (kind === 'fft') return { data: out.data, timing };
          return resultFromSums(out.data, out.sums as Float32Array, o, timing);
        }),
      destroy: () => {
        plan.destroy();
        this.prepared.delete(op);
      },
    };
    this.prepared.add(op);
    return op;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const p of this.plans.values()) p.destroy();
    this.plans.clear();
    for (const op of [...this.prepared]) op.destroy();
    this.dummy.destroy();
    this.stopwatch.destroy();
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private assertUsable(operation: string): void {
    if (this.destroyed) throw new Error(`${operation}: the engine was destroyed`);
    if (this.lostInfo) {
      throw new DeviceLostError(
        this.lostInfo.reason,
        this.lostInfo.message || `${operation} after device loss`,
      );
    }
  }

  private plan(
    kind: PlanKind,
    variant: FftVariant,
    shape: Shape,
    batch: number,
    chunk: number,
  ): Plan {
    const key = `${kind}|${variant}|${shape.join('x')}|${batch}|${chunk}`;
    const hit = this.plans.get(key);
    if (hit) {
      this.plans.delete(key);
      this.plans.set(key, hit); // most recently used last
      return hit;
    }
    while (this.plans.size >= MAX_PLANS) {
      const [oldest] = this.plans.keys();
      if (oldest === undefined) break;
      this.plans.get(oldest)?.destroy();
      this.plans.delete(oldest);
    }
    const plan = new Plan(
      this.device,
      {
        kind,
        variant,
        shape,
        batch,
        chunkSignals: chunk,
        capacity: this.capacity,
        lanes: this.subgroupLanes,
        preserveInput: false,
      },
      this.dummy,
    );
    this.plans.set(key, plan);
    return plan;
  }

  private async run(
    job: Job,
    complex: Float32Array<ArrayBuffer>,
  ): Promise<{ data: Float32Array; sums?: Float32Array; timing: Timing }> {
    const { kind, operation, shape, batch } = job;
    this.assertUsable(operation);
    const n = signalLength(shape);
    const chunk = chunkSignals(operation, this.device.limits, this.maxChunkBytes, shape, batch);
    const out = new Float32Array(batch * n * 2);
    let gpuMs = 0;
    let dispatches = 0;
    let chunks = 0;
    let sums: Float32Array | undefined;
    const wallStart = performance.now();
    try {
      for (let first = 0; first < batch; first += chunk) {
        const signals = Math.min(chunk, batch - first);
        const last = first + signals >= batch;
        // Plan creation (buffer allocation) runs inside the scopes too: that is where OOM shows.
        const built = await withErrorScopes(
          this.device,
          operation,
          () => batch * n * 8,
          () => {
            const plan = this.plan(kind, job.variant, shape, batch, chunk);
            if (job.q) plan.setQ(job.q.key, job.q.qy, job.q.qx);
            this.device.queue.writeBuffer(plan.input, 0, complex, first * n * 2, signals * n * 2);
            return { plan, ...plan.steps(signals, first, { ...job.step, lastChunk: last }) };
          },
        );
        const read = await this.readback(
          built.plan,
          built.steps,
          built.result,
          signals,
          first,
          n,
          last,
          operation,
        );
        out.set(read.data, first * n * 2);
        if (read.sums) sums = read.sums;
        gpuMs += read.ms;
        dispatches += built.steps.length;
        chunks++;
      }
    } catch (error) {
      if (this.lostInfo)
        throw new DeviceLostError(this.lostInfo.reason, this.lostInfo.message || String(error));
      // A failed plan may hold half-made buffers: drop it so the next call starts clean.
      this.dropPlan(`${kind}|${job.variant}|${shape.join('x')}|${batch}|${chunk}`);
      throw error;
    }
    const timing: Timing =
      this.timingMethod === 'timestamp'
        ? { ms: gpuMs, method: 'timestamp', dispatches, chunks }
        : { ms: performance.now() - wallStart, method: 'wall', dispatches, chunks };
    return sums ? { data: out, sums, timing } : { data: out, timing };
  }

  /** Encodes `steps` in one timed pass, copies the result (and, last, the sums) back, reads them. */
  private async readback(
    plan: Plan,
    steps: Parameters<typeof Plan.encode>[1],
    result: GPUBuffer,
    signals: number,
    first: number,
    n: number,
    last: boolean,
    operation: string,
  ): Promise<{ data: Float32Array; sums?: Float32Array; ms: number }> {
    const bytes = signals * n * 8;
    const batch = plan.spec.batch;
    await withErrorScopes(
      this.device,
      operation,
      () => plan.allocatedBytes,
      () => {
        const label = `${operation} signals ${first}–${first + signals - 1}`;
        const encoder = this.device.createCommandEncoder({ label });
        const pass = encoder.beginComputePass({ label, ...this.stopwatch.passTimestamps() });
        Plan.encode(pass, steps);
        pass.end();
        encoder.copyBufferToBuffer(result, 0, plan.staging, 0, bytes);
        this.stopwatch.resolve(encoder);
        if (last && plan.signalSums && plan.batchSums && plan.sumsStaging) {
          encoder.copyBufferToBuffer(plan.signalSums, 0, plan.sumsStaging, 0, batch * 16);
          encoder.copyBufferToBuffer(plan.batchSums, 0, plan.sumsStaging, batch * 16, 16);
        }
        this.device.queue.submit([encoder.finish()]);
      },
    );
    await plan.staging.mapAsync(GPUMapMode.READ, 0, bytes);
    const data = new Float32Array(plan.staging.getMappedRange(0, bytes).slice(0));
    plan.staging.unmap();
    const ms = (await this.stopwatch.read()) ?? 0;
    if (last && plan.sumsStaging) {
      await plan.sumsStaging.mapAsync(GPUMapMode.READ);
      const sums = new Float32Array(plan.sumsStaging.getMappedRange().slice(0));
      plan.sumsStaging.unmap();
      return { data, sums, ms };
    }
    return { data, ms };
  }

  private dropPlan(key: string): void {
    this.plans.get(key)?.destroy();
    this.plans.delete(key);
  }
}
