/**
 * The WebGPU engine. Takes a GPUDevice (browser, or Node through the `webgpu` package), checks
 * arguments before any GPU work, splits the batch into chunks that respect the device's buffer
 * and dispatch limits, and runs each chunk as one compute pass. Validation and out-of-memory
 * errors are caught with error scopes and rethrown typed; a lost device fails every later call
 * with DeviceLostError.
 */
import { toComplexF32 } from '../complex';
import { DeviceLostError } from '../errors';
import { chunkSignals } from './chunking';
import { axisQ, coherenceOf, highKEnergyOf } from '../resolvent-math';
import type {
  Engine,
  FftResult,
  InputArray,
  ResolventOptions,
  ResolventResult,
  Shape,
  Timing,
  TransformOptions,
} from '../types';
import { checkResolvent, checkTransform, signalLength } from '../validate';
import { withErrorScopes } from './error-scopes';
import { workgroupCapacity } from './fft-plan';
import { Plan, type PlanKind } from './gpu-plan';

export interface EngineOptions {
  /** Largest chunk of signals, in bytes, sent through one pass (tests force small chunks). */
  maxChunkBytes?: number;
}

export interface GpuEngine extends Engine {
  readonly backend: 'webgpu';
  readonly device: GPUDevice;
  /** Resolves when the device is lost; operations after that throw DeviceLostError. */
  readonly lost: Promise<GPUDeviceLostInfo>;
  /** Largest 1D N done in one dispatch (fits workgroup memory). */
  readonly maxSingleDispatchN: number;
  /** 'timestamp' when the device has timestamp-query, else 'wall'. */
  readonly timingMethod: Timing['method'];
}

/** Bounds one pass's work: SwiftShader has no watchdog, and a live UI must stay responsive. */
const DEFAULT_MAX_CHUNK_BYTES = 64 * 1024 * 1024;
const MAX_PLANS = 6;

export function createEngine(device: GPUDevice, options: EngineOptions = {}): Promise<GpuEngine> {
  return Promise.resolve(new WebGpuEngine(device, options));
}

class WebGpuEngine implements GpuEngine {
  readonly backend = 'webgpu' as const;
  readonly lost: Promise<GPUDeviceLostInfo>;
  readonly maxSingleDispatchN: number;
  readonly timingMethod: Timing['method'];
  private readonly capacity: number;
  private readonly maxChunkBytes: number;
  private readonly plans = new Map<string, Plan>();
  private readonly dummy: GPUBuffer;
  private readonly timer: { set: GPUQuerySet; resolve: GPUBuffer; read: GPUBuffer } | undefined;
  private lostInfo: GPUDeviceLostInfo | undefined;
  private destroyed = false;
  /** Operations run one at a time: they share plans and staging buffers. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly device: GPUDevice,
    options: EngineOptions,
  ) {
    this.capacity = workgroupCapacity(device.limits.maxComputeWorkgroupStorageSize);
    this.maxSingleDispatchN = this.capacity;
    this.maxChunkBytes = options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES;
    this.lost = device.lost.then((info) => {
      this.lostInfo = info;
      return info;
    });
    this.dummy = device.createBuffer({
      label: 'unused twiddle binding',
      size: 16,
      usage: GPUBufferUsage.STORAGE,
    });
    if (device.features.has('timestamp-query')) {
      this.timer = {
        set: device.createQuerySet({ label: 'pass timestamps', type: 'timestamp', count: 2 }),
        resolve: device.createBuffer({
          label: 'timestamp resolve',
          size: 16,
          usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
        }),
        read: device.createBuffer({
          label: 'timestamp readback',
          size: 16,
          usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
        }),
      };
    }
    this.timingMethod = this.timer ? 'timestamp' : 'wall';
  }

  async fft(data: InputArray, options: TransformOptions): Promise<FftResult> {
    const o = checkTransform(data, options);
    return this.serial(async () => {
      const out = await this.run('fft', data, o.shape, o.batch, o.real, {
        inverse: o.inverse,
        phi: 0,
      });
      return { data: out.data, timing: out.timing };
    });
  }

  async resolvent(data: InputArray, options: ResolventOptions): Promise<ResolventResult> {
    const o = checkResolvent(data, options);
    return this.serial(async () => {
      const [ny, nx] = o.shape.length === 1 ? [1, o.shape[0]] : o.shape;
      const q = {
        key: `${o.kUnit}/${o.kScale}`,
        qy: Float32Array.from(o.shape.length === 1 ? [0] : axisQ(ny, o.kUnit, o.kScale)),
        qx: Float32Array.from(axisQ(nx, o.kUnit, o.kScale)),
      };
      const out = await this.run('resolvent', data, o.shape, o.batch, o.real, {
        inverse: false,
        phi: o.phi,
        q,
      });
      const sums = out.sums as Float32Array;
      const n = signalLength(o.shape);
      const highKEnergy = new Float32Array(o.batch);
      const coherence = new Float32Array(o.batch);
      const energy = new Float32Array(o.batch);
      for (let b = 0; b < o.batch; b++) {
        const s = {
          energy: sums[4 * b] as number,
          kept: sums[4 * b + 1] as number,
          highK: sums[4 * b + 2] as number,
        };
        highKEnergy[b] = highKEnergyOf(s, n);
        coherence[b] = coherenceOf(s);
        energy[b] = s.energy;
      }
      const t = 4 * o.batch;
      const total = {
        energy: sums[t] as number,
        kept: sums[t + 1] as number,
        highK: sums[t + 2] as number,
      };
      const batchHighKEnergy = highKEnergyOf(total, n * o.batch);
      return {
        filtered: out.data,
        highKEnergy,
        coherence,
        energy,
        batchHighKEnergy,
        batchCoherence: coherenceOf(total),
        regularizer: o.lambda * batchHighKEnergy,
        timing: out.timing,
      };
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const p of this.plans.values()) p.destroy();
    this.plans.clear();
    this.dummy.destroy();
    if (this.timer) {
      this.timer.set.destroy();
      this.timer.resolve.destroy();
      this.timer.read.destroy();
    }
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private assertUsable(operation: string): void {
    if (this.destroyed) throw new Error(`${operation}: the engine was destroyed`);
    if (this.lostInfo)
      throw new DeviceLostError(
        this.lostInfo.reason,
        this.lostInfo.message || `${operation} after device loss`,
      );
  }

  private plan(kind: PlanKind, shape: Shape, batch: number, chunkSignals: number): Plan {
    const key = `${kind}|${shape.join('x')}|${batch}|${chunkSignals}`;
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
      { kind, shape, batch, chunkSignals, capacity: this.capacity },
      this.dummy,
    );
    this.plans.set(key, plan);
    return plan;
  }

  private async run(
    kind: PlanKind,
    data: InputArray,
    shape: Shape,
    batch: number,
    real: boolean,
    params: {
      inverse: boolean;
      phi: number;
      q?: { key: string; qy: Float32Array<ArrayBuffer>; qx: Float32Array<ArrayBuffer> };
    },
  ): Promise<{ data: Float32Array; sums?: Float32Array; timing: Timing }> {
    const operation = kind === 'fft' ? (params.inverse ? 'inverse FFT' : 'FFT') : 'resolvent';
    this.assertUsable(operation);
    const n = signalLength(shape);
    const chunk = chunkSignals(operation, this.device.limits, this.maxChunkBytes, shape, batch);
    const complex = toComplexF32(data, real);
    const out = new Float32Array(batch * n * 2);
    let gpuMs = 0;
    let dispatches = 0;
    let chunks = 0;
    let sums: Float32Array | undefined;
    const wallStart = performance.now();
    let plan: Plan | undefined;
    try {
      for (let first = 0; first < batch; first += chunk) {
        const signals = Math.min(chunk, batch - first);
        const last = first + signals >= batch;
        // Plan creation (buffer allocation) runs inside the scopes too: that is where OOM shows.
        const held: { plan?: Plan } = {};
        const encoded = await withErrorScopes(
          this.device,
          operation,
          () => held.plan?.allocatedBytes ?? batch * n * 8,
          () => {
            held.plan = this.plan(kind, shape, batch, chunk);
            return this.submitChunk(held.plan, complex, {
              signals,
              first,
              last,
              batch,
              n,
              chunkIndex: chunks,
              operation,
              params,
            });
          },
        );
        plan = held.plan as Plan;
        const bytes = signals * n * 8;
        await plan.staging.mapAsync(GPUMapMode.READ, 0, bytes);
        out.set(new Float32Array(plan.staging.getMappedRange(0, bytes)), first * n * 2);
        plan.staging.unmap();
        if (this.timer) {
          await this.timer.read.mapAsync(GPUMapMode.READ);
          const [begin, end] = new BigInt64Array(this.timer.read.getMappedRange());
          this.timer.read.unmap();
          if (begin !== undefined && end !== undefined && end > begin)
            gpuMs += Number(end - begin) / 1e6;
        }
        if (last && plan.sumsStaging) {
          await plan.sumsStaging.mapAsync(GPUMapMode.READ);
          sums = new Float32Array(plan.sumsStaging.getMappedRange().slice(0));
          plan.sumsStaging.unmap();
        }
        dispatches += encoded.dispatches;
        chunks++;
      }
    } catch (error) {
      if (this.lostInfo)
        throw new DeviceLostError(this.lostInfo.reason, this.lostInfo.message || String(error));
      // A failed plan may hold half-made buffers: drop it so the next call starts clean.
      if (plan) this.dropPlan(plan);
      else this.dropPlansOf(kind, shape, batch, chunk);
      throw error;
    }
    const wallMs = performance.now() - wallStart;
    const timing: Timing = this.timer
      ? { ms: gpuMs, method: 'timestamp', dispatches, chunks }
      : { ms: wallMs, method: 'wall', dispatches, chunks };
    return sums ? { data: out, sums, timing } : { data: out, timing };
  }

  /** Uploads one chunk, encodes its compute pass and readback copies, and submits them. */
  private submitChunk(
    plan: Plan,
    complex: Float32Array<ArrayBuffer>,
    c: {
      signals: number;
      first: number;
      last: boolean;
      batch: number;
      n: number;
      chunkIndex: number;
      operation: string;
      params: {
        inverse: boolean;
        phi: number;
        q?: { key: string; qy: Float32Array<ArrayBuffer>; qx: Float32Array<ArrayBuffer> };
      };
    },
  ): { dispatches: number } {
    const { signals, first, n, params } = c;
    if (params.q) plan.setQ(params.q.key, { phi: params.phi, qy: params.q.qy, qx: params.q.qx });
    this.device.queue.writeBuffer(plan.input, 0, complex, first * n * 2, signals * n * 2);
    const label = `${c.operation} chunk ${c.chunkIndex + 1}`;
    const encoder = this.device.createCommandEncoder({ label });
    const pass = encoder.beginComputePass({
      label,
      ...(this.timer
        ? {
            timestampWrites: {
              querySet: this.timer.set,
              beginningOfPassWriteIndex: 0,
              endOfPassWriteIndex: 1,
            },
          }
        : {}),
    });
    const encoded = plan.encodeChunk(pass, signals, first, {
      inverse: params.inverse,
      phi: params.phi,
      lastChunk: c.last,
    });
    pass.end();
    encoder.copyBufferToBuffer(encoded.result, 0, plan.staging, 0, signals * n * 8);
    if (this.timer) {
      encoder.resolveQuerySet(this.timer.set, 0, 2, this.timer.resolve, 0);
      encoder.copyBufferToBuffer(this.timer.resolve, 0, this.timer.read, 0, 16);
    }
    if (c.last && plan.signalSums && plan.batchSums && plan.sumsStaging) {
      encoder.copyBufferToBuffer(plan.signalSums, 0, plan.sumsStaging, 0, c.batch * 16);
      encoder.copyBufferToBuffer(plan.batchSums, 0, plan.sumsStaging, c.batch * 16, 16);
    }
    this.device.queue.submit([encoder.finish()]);
    return { dispatches: encoded.dispatches };
  }

  private dropPlansOf(kind: PlanKind, shape: Shape, batch: number, chunk: number): void {
    const p = this.plans.get(`${kind}|${shape.join('x')}|${batch}|${chunk}`);
    if (p) this.dropPlan(p);
  }

  private dropPlan(plan: Plan): void {
    for (const [key, p] of this.plans) {
      if (p === plan) {
        p.destroy();
        this.plans.delete(key);
      }
    }
  }
}
