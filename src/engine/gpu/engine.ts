/**
 * The WebGPU engine: a facade over the executor (chunked runs and readback), the planner
 * (which kernel variant) and the operators (ops/). `run(op, …)` and `prepare(op, …)` take any
 * operator; fft, resolvent, wht, filter and propagate are sugar over `run`. Arguments are
 * checked by the operator before any GPU work; operations run one at a time, as they share
 * plans and staging buffers; a lost device fails every later call with DeviceLostError. The one
 * exception to "one at a time" is a prepared operation's one-signal reads (the live loop): their
 * runs are queued one at a time, but their maps overlap, each in a slot of the plan's ring.
 */
import { DeviceLostError, EngineArgumentError } from '../errors';
import { checkFftStages, type FftStagesOptions, type FftStagesResult } from '../fft-stages';
import { OPERATORS, type OperatorId } from '../ops';
import type { AnyOperator, GpuOutput, OperatorWork, OptionsOf, ResultOf } from '../ops/operator';
import type { SignalDecoder } from '../ops/resolvent';
import { signalLength } from '../shape';
import type {
  Engine,
  FftResult,
  FilterOptions,
  FilterResult,
  InputArray,
  PropagateOptions,
  PropagateResult,
  ResolventOptions,
  ResolventResult,
  Shape,
  Timing,
  TimingMethod,
  TransformOptions,
  WhtOptions,
  WhtResult,
} from '../types';
import { Executor, type Resident } from './executor';
import { workgroupCapacity } from './fft-plan';
import { FFT_VARIANTS, type FftVariant } from './plan';
import { adapterFacts, isSoftwareAdapter, type AdapterFacts } from './adapter';
import { Planner, type WisdomStore } from './planner';
import { captureStages } from './stage-capture';
import { Stopwatch, type PassTime } from './stopwatch';
import { subgroupLanes } from './subgroup-probe';
import { measureVariants, tuningData, type TuneResult } from './tuner';
import { countReadBack, transferTotals, type TransferTotals } from './transfer-meter';

export type { TuneResult } from './tuner';

export interface EngineOptions {
  /** Largest chunk of signals, in bytes, sent through one pass (tests force small chunks). */
  maxChunkBytes?: number;
  /** Force a kernel variant; 'auto' (default) asks the planner (wisdom, else a heuristic). */
  variant?: FftVariant | 'auto';
  /** Where the planner keeps its measured choices between sessions. */
  wisdom?: WisdomStore;
  /**
   * Whether the 'stages' kernels exchange values through workgroup memory so every warp
   * instruction covers whole 32-byte sectors (stage-codegen.ts). Default: yes on a hardware
   * adapter, no on a software one (SwiftShader, llvmpipe, WARP), where that memory is emulated
   * and zero-filled per workgroup: there it made the default frame 5.4× slower (11.5 → 61.9 ms).
   */
  stageExchange?: boolean;
}

export interface VariantChoice {
  variant?: FftVariant;
}

/** Which signal of the batch a prepared operation's read returns. */
export interface SignalSelect {
  /** An index in [0, batch). */
  signal: number;
}

/** A one-signal read in flight (PreparedOp.queueRead). */
export interface PendingRead<R> {
  readonly signal: number;
  /**
   * The read's result, as `read({ signal })` gives it. The same promise on every call; the
   * read's bytes count in the transfer meter when this is first called.
   */
  result(): Promise<R>;
  /**
   * Drops the read unused (the frame it was queued for changed). Its bytes count in the
   * transfer meter now, as they cross the bus anyway; `result()` then rejects.
   */
  discard(): void;
}

/** An operation uploaded once and kept on the GPU, for timing repeated runs and the live loop. */
export interface PreparedOp<R = unknown> {
  /** The operator's id. */
  readonly id: string;
  /** The same as `id` (the name the benchmark has always recorded). */
  readonly kind: string;
  /** Dispatches per run. */
  readonly dispatches: number;
  /** Minimum bytes a run moves: every value read once and written once. */
  readonly bytes: number;
  readonly work: OperatorWork;
  /** Whether a spectral operator runs fused (its hook inside the FFT passes). */
  readonly fused: boolean;
  readonly variant: FftVariant;
  /** GPU time of `repeats` back-to-back runs recorded in one compute pass and one submit. */
  run(repeats: number): Promise<PassTime>;
  /**
   * Runs once more and reads the result back.
   *
   * Without `select`: the whole result, for verification (submitted under error scopes).
   *
   * With `{ signal }`: the live loop's frame (issue 10). Only that signal's output and the sums
   * come back, through the plan's ring of staging buffers and with no error scopes (a failed
   * frame is redone under them, so failures still come back typed). The result's signal data
   * (ResolventResult.filtered) then holds that one signal: prod(shape) interleaved complex
   * values. Everything derived from the sums (energy, coherence and highKEnergy per signal,
   * the batch figures) covers the whole batch. Only operators with `decodeSignal`
   * (resolvent, reductions) take `select`; others reject with EngineArgumentError.
   */
  read(select?: SignalSelect): Promise<R>;
  /**
   * `read({ signal })` in two steps: resolves once the run is queued, before its result is
   * mapped, so a caller can queue the next frame's GPU work while this one is read. Up to
   * READ_RING_SLOTS (3) reads are in flight; a fourth waits for the oldest's map.
   */
  queueRead(select: SignalSelect): Promise<PendingRead<R>>;
  destroy(): void;
}

/** Operators whose kernel variant the planner chooses (their FFT passes differ by variant). */
export type TunableId = Exclude<OperatorId, 'wht' | 'reductions' | 'copy' | 'read-reduce'>;

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
  /**
   * Bytes this engine has written to and mapped back from the GPU so far (transfer-meter.ts);
   * the difference over a frame is what that frame cost the bus.
   */
  transferred(): TransferTotals;
  /** Any operator, by object or id; `variant` forces a kernel variant for this call. */
  prepare<Id extends OperatorId>(
    op: Id,
    data: InputArray,
    options: OptionsOf<(typeof OPERATORS)[Id]> & VariantChoice,
  ): Promise<PreparedOp<ResultOf<(typeof OPERATORS)[Id]>>>;
  prepare<Op extends AnyOperator>(
    op: Op,
    data: InputArray,
    options: OptionsOf<Op> & VariantChoice,
  ): Promise<PreparedOp<ResultOf<Op>>>;
  /** The variant an operation on this shape runs with now. */
  variantFor(op: string, shape: Shape): FftVariant;
  /** Why: forced by the options, measured by tune() on this adapter, or the heuristic default. */
  variantSource(op: string, shape: Shape): 'forced' | 'measured' | 'default';
  /** Times every variant on this device and remembers the fastest for this operation and shape. */
  tune(op: TunableId, shape: Shape, batch: number): Promise<TuneResult>;
  /** Forgets all measured choices. */
  replan(): void;
  /**
   * Every stage of a small FFT (n = 2 … 32) as the 'stages' kernels compute it, forced to
   * radix 2: one dispatch a stage, each stage's buffer read back (stage-capture.ts).
   */
  fftStages(data: InputArray, options: FftStagesOptions): Promise<FftStagesResult>;
}

/** Bounds one pass's work: SwiftShader has no watchdog, and a live UI must stay responsive. */
const DEFAULT_MAX_CHUNK_BYTES = 64 * 1024 * 1024;

export async function createEngine(
  device: GPUDevice,
  options: EngineOptions = {},
): Promise<GpuEngine> {
  const lanes = await subgroupLanes(device);
  return new WebGpuEngine(device, options, lanes);
}

type DecodeSignal = SignalDecoder<unknown, unknown>['decodeSignal'];

/** The operator's one-signal decoder, or undefined when it has none. */
function signalDecoderOf(op: AnyOperator): DecodeSignal | undefined {
  const decode = (op as AnyOperator & Partial<SignalDecoder<unknown, unknown>>).decodeSignal;
  return typeof decode === 'function' ? decode.bind(op) : undefined;
}

function operatorOf(op: string | AnyOperator): AnyOperator {
  if (typeof op !== 'string') return op;
  const found = (OPERATORS as Record<string, AnyOperator>)[op];
  if (!found) {
    throw new EngineArgumentError(
      'op',
      `op must be one of ${Object.keys(OPERATORS).join(', ')}; got '${op}'.`,
    );
  }
  return found;
}

/** Options that make each tunable operator run its usual kernels on any data. */
function tuningOptions(id: TunableId, shape: Shape, batch: number): object {
  const n = signalLength(shape);
  switch (id) {
    case 'fft':
    case 'resolvent':
      return { shape, batch };
    case 'filter':
      return { shape, batch, gains: new Float32Array(n).fill(1) };
    case 'propagate':
      return { shape, batch, dt: 0.01, steps: 1 };
  }
}

class WebGpuEngine implements GpuEngine {
  readonly backend = 'webgpu' as const;
  readonly lost: Promise<GPUDeviceLostInfo>;
  readonly maxSingleDispatchN: number;
  readonly timingMethod: TimingMethod;
  readonly adapter: AdapterFacts;
  readonly variants: readonly FftVariant[];
  private readonly planner: Planner;
  private readonly forced: FftVariant | undefined;
  private readonly executor: Executor;
  private readonly prepared = new Set<PreparedOp<unknown>>();
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
    const capacity = workgroupCapacity(device.limits.maxComputeWorkgroupStorageSize);
    this.maxSingleDispatchN = capacity;
    this.lost = device.lost.then((info) => {
      this.lostInfo = info;
      return info;
    });
    this.stopwatch = new Stopwatch(device);
    this.timingMethod = this.stopwatch.method;
    this.adapter = adapterFacts(device);
    this.planner = new Planner(this.adapter, this.variants, options.wisdom);
    this.forced = options.variant === 'auto' ? undefined : this.available(options.variant);
    this.executor = new Executor({
      device,
      stopwatch: this.stopwatch,
      capacity,
      lanes: subgroupLanes,
      stageExchange: options.stageExchange ?? !isSoftwareAdapter(this.adapter),
      maxChunkBytes: options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES,
      assertUsable: (operation) => this.assertUsable(operation),
      lostInfo: () => this.lostInfo,
      lost: this.lost,
    });
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

  variantFor(op: string, shape: Shape): FftVariant {
    return this.forced ?? this.planner.choose(op, shape);
  }

  variantSource(op: string, shape: Shape): 'forced' | 'measured' | 'default' {
    if (this.forced) return 'forced';
    return this.planner.isTuned(op, shape) ? 'measured' : 'default';
  }

  replan(): void {
    this.planner.replan();
  }

  async tune(op: TunableId, shape: Shape, batch: number): Promise<TuneResult> {
    const data = tuningData(batch * signalLength(shape) * 2);
    const options = tuningOptions(op, shape, batch);
    const result = await measureVariants(this.variants, (variant) =>
      this.prepare(operatorOf(op), data, { ...options, variant }),
    );
    this.planner.record(op, shape, result.variant);
    return result;
  }

  async run<Op extends AnyOperator>(
    op: Op,
    data: InputArray,
    options: OptionsOf<Op>,
  ): Promise<ResultOf<Op>> {
    const checked = op.check(data, options);
    const program = op.program(data, checked);
    const variant = this.variantFor(op.id, checked.shape);
    return this.serial(async () => {
      const { out, timing } = await this.executor.run(op.id, program, variant);
      return op.decode(out, checked, timing) as ResultOf<Op>;
    });
  }

  fft(data: InputArray, options: TransformOptions): Promise<FftResult> {
    return this.run(OPERATORS.fft, data, options);
  }

  resolvent(data: InputArray, options: ResolventOptions): Promise<ResolventResult> {
    return this.run(OPERATORS.resolvent, data, options);
  }

  wht(data: InputArray, options: WhtOptions): Promise<WhtResult> {
    return this.run(OPERATORS.wht, data, options);
  }

  filter(data: InputArray, options: FilterOptions): Promise<FilterResult> {
    return this.run(OPERATORS.filter, data, options);
  }

  propagate(psi: InputArray, options: PropagateOptions): Promise<PropagateResult> {
    return this.run(OPERATORS.propagate, psi, options);
  }

  async fftStages(data: InputArray, options: FftStagesOptions): Promise<FftStagesResult> {
    const checked = checkFftStages(data, options);
    return this.serial(async () => {
      this.assertUsable('fft stages');
      const capacity = this.maxSingleDispatchN;
      try {
        return await captureStages(this.device, this.executor.dummy, capacity, data, checked);
      } catch (error) {
        const lost = this.lostInfo;
        if (lost) throw new DeviceLostError(lost.reason, lost.message || String(error));
        throw error;
      }
    });
  }

  /** The interface's overloads type the result; one implementation serves them all. */
  readonly prepare: GpuEngine['prepare'] = (
    op: string | AnyOperator,
    data: InputArray,
    options: object & VariantChoice,
  ) => this.prepareAny(op, data, options);

  private async prepareAny(
    opOrId: string | AnyOperator,
    data: InputArray,
    options: object & VariantChoice,
  ): Promise<PreparedOp<never>> {
    // `never` for the result type: the interface's overloads name it per operator.
    const op = operatorOf(opOrId);
    const checked = op.check(data, options);
    const program = op.program(data, checked);
    const variant = this.available(options.variant) ?? this.variantFor(op.id, checked.shape);
    const operation = `prepared ${op.id}`;
    const resident: Resident = await this.executor.upload(operation, program, variant);
    const work = op.work(checked) as OperatorWork;
    const prepared: PreparedOp<never> = {
      id: op.id,
      kind: op.id,
      dispatches: resident.chunk.steps.length,
      bytes: work.bytes,
      work,
      fused: (checked as { fused?: boolean }).fused ?? false,
      variant,
      run: (repeats) => this.serial(() => this.executor.time(operation, resident, repeats)),
      read: async (select) => {
        if (select === undefined) {
          return this.serial(async () => {
            const { out, timing } = await this.executor.readResident(operation, resident);
            return op.decode(out, checked, timing) as never;
          });
        }
        const pending = await prepared.queueRead(select);
        return pending.result();
      },
      queueRead: (select) => this.queueSignal(operation, op, checked, resident, select),
      destroy: () => {
        resident.plan.destroy();
        this.prepared.delete(prepared);
      },
    };
    this.prepared.add(prepared);
    return prepared;
  }

  /** PreparedOp.queueRead: checks the signal, queues the run, and hands back its pending read. */
  private async queueSignal(
    operation: string,
    op: AnyOperator,
    checked: { batch: number },
    resident: Resident,
    select: SignalSelect,
  ): Promise<PendingRead<never>> {
    const decodeSignal = signalDecoderOf(op);
    if (!decodeSignal) {
      const able = Object.entries(OPERATORS)
        .filter(([, o]) => signalDecoderOf(o))
        .map(([id]) => id);
      throw new EngineArgumentError(
        'signal',
        `${operation}: reading one signal needs an operator with decodeSignal ` +
          `(${able.join(', ')}); '${op.id}' has none, so read() it whole.`,
      );
    }
    const { signal } = select;
    const { batch } = checked;
    if (!Number.isInteger(signal) || signal < 0 || signal >= batch) {
      throw new EngineArgumentError(
        'signal',
        `${operation}: signal must be an integer in [0, ${batch - 1}] (the batch has ${batch} ` +
          `signals); got ${String(signal)}.`,
      );
    }
    const frame = await this.serial(() => this.executor.submitSignal(operation, resident, signal));
    const decode = (out: GpuOutput, timing: Timing): never =>
      decodeSignal(out, checked, signal, timing) as never;
    const take = async (): Promise<never> => {
      const mapped = await frame.mapped;
      if (mapped.ok) {
        countReadBack(this.device, frame.bytes);
        return decode(mapped.out, mapped.timing);
      }
      countReadBack(this.device, mapped.bytes);
      // Redone under error scopes, in turn with the other operations (scopes are the device's).
      const redone = await this.serial(() => this.executor.redoSignal(operation, resident, signal));
      return decode(redone.out, redone.timing);
    };
    let taken: Promise<never> | undefined;
    return {
      signal,
      result: () => (taken ??= take()),
      discard: () => {
        if (taken) return;
        countReadBack(this.device, frame.bytes);
        taken = Promise.reject(
          new Error(`${operation}: the read of signal ${signal} was discarded`),
        );
        // Nobody awaits a discarded read; its rejection is not an unhandled one.
        taken.catch(() => undefined);
      },
    };
  }

  transferred(): TransferTotals {
    return { ...transferTotals(this.device) };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const op of [...this.prepared]) op.destroy();
    this.executor.destroy();
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
}
