/**
 * Runs operators' GPU programs: splits the batch into chunks that respect the device's buffer
 * and dispatch limits, uploads each chunk and the program's tables, records its dispatches in
 * one timed compute pass, and reads the result (and the sums) back. Plan creation and submits
 * run inside error scopes, so validation and out-of-memory errors come back typed and name the
 * operation; a lost device turns every failure into DeviceLostError.
 *
 * The live loop's frame is the exception (issue 10): a resident program's one-signal read
 * (`submitSignal`) pushes no error scopes, since scopes cost a round trip to the GPU process
 * each frame. Its failures are still typed: a map that fails, or an uncaptured error seen while
 * the frame was in flight, makes the caller redo the frame under scopes (`redoSignal`), which
 * throws the typed error (or returns the frame when the fault was not the frame's).
 */
import { DeviceLostError, GpuLimitError } from '../errors';
import type { GpuOutput, GpuProgram } from '../ops/operator';
import { signalLength } from '../shape';
import type { Timing } from '../types';
import { chunkSignals } from './chunking';
import { withErrorScopes } from './error-scopes';
import { PlanCache } from './plan-cache';
import { Plan, type FftVariant, type PlanSpec, type ReadLayout, type ReadRing } from './plan';
import { programSteps, type ChunkSteps } from './program-steps';
import { encodeSteps } from './step-builders';
import type { PassTime, Stopwatch } from './stopwatch';
import { nextTask, readBack, upload, uploadInSlices, UPLOAD_SLICE_BYTES } from './transfer-meter';

export interface ExecutorOptions {
  device: GPUDevice;
  stopwatch: Stopwatch;
  capacity: number;
  lanes: number;
  /** PlanSpec.stageExchange for every plan of this executor. */
  stageExchange: boolean;
  maxChunkBytes: number;
  /** Throws when the engine was destroyed or its device lost. */
  assertUsable(operation: string): void;
  lostInfo(): GPUDeviceLostInfo | undefined;
  /** The device's `lost`: a failed frame waits a moment for it, as loss events lag failures. */
  lost: Promise<GPUDeviceLostInfo>;
}

/** How long a failed frame waits to learn whether the device was lost. */
const LOSS_GRACE_MS = 100;

/** What a one-signal frame's map gave: the output, or why the frame must be redone. */
export type MappedSignal =
  | { ok: true; out: GpuOutput; timing: Timing }
  | {
      ok: false;
      error: unknown;
      /** Bytes mapped before the failure showed (an uncaptured error, not a failed map). */
      bytes: number;
    };

/** A one-signal frame in flight: submitted into a ring slot, its map started. */
export interface SignalFrame {
  /** Settles, never rejects, when the slot was mapped (or the map failed) and unmapped. */
  readonly mapped: Promise<MappedSignal>;
  /** What the frame maps back: the signal, the sums, the pass's timestamps. */
  readonly bytes: number;
}

/** A program uploaded once and kept on the GPU, its dispatches recorded for repeated runs. */
export interface Resident {
  plan: Plan;
  chunk: ChunkSteps;
}

export class Executor {
  readonly plans: PlanCache;
  /** Bound where a kernel takes no table. */
  readonly dummy: GPUBuffer;

  /** Uncaptured errors the device has reported: a one-signal frame during which it grew is redone. */
  private uncaptured = 0;
  private readonly countUncaptured = (): void => {
    this.uncaptured++;
  };

  constructor(private readonly o: ExecutorOptions) {
    this.plans = new PlanCache(o.device);
    this.dummy = o.device.createBuffer({
      label: 'unused read-only binding',
      size: 16,
      usage: GPUBufferUsage.STORAGE,
    });
    // Listening does not stop the device's own report of the error (the console's warning).
    o.device.addEventListener('uncapturederror', this.countUncaptured);
  }

  private spec(
    op: string,
    program: GpuProgram,
    variant: FftVariant,
    chunk: number,
    preserveInput: boolean,
  ): PlanSpec {
    return {
      op,
      variant,
      shape: program.shape,
      batch: program.batch,
      chunkSignals: chunk,
      capacity: this.o.capacity,
      lanes: this.o.lanes,
      stageExchange: this.o.stageExchange,
      preserveInput,
      sums: program.sums,
    };
  }

  /** Runs `program` over its whole batch, chunk by chunk, and reads the result back. */
  async run(
    operation: string,
    program: GpuProgram,
    variant: FftVariant,
  ): Promise<{ out: GpuOutput; timing: Timing }> {
    const { device } = this.o;
    this.o.assertUsable(operation);
    const { shape, batch } = program;
    const n = signalLength(shape);
    const chunk = chunkSignals(operation, device.limits, this.o.maxChunkBytes, shape, batch);
    const spec = this.spec(operation, program, variant, chunk, false);
    const input = program.input();
    const data = new Float32Array(batch * n * 2);
    let sums: Float32Array | undefined;
    let gpuMs = 0;
    let dispatches = 0;
    let chunks = 0;
    const wallStart = performance.now();
    try {
      for (let first = 0; first < batch; first += chunk) {
        const signals = Math.min(chunk, batch - first);
        const last = first + signals >= batch;
        // Plan creation (buffer allocation) runs inside the scopes too: that is where OOM shows.
        const built = await withErrorScopes(
          device,
          operation,
          () => batch * n * 8,
          () => {
            const plan = this.plans.get(spec);
            plan.setTables(program);
            upload(device, plan.input, 0, input, first * n * 2, signals * n * 2);
            const steps = programSteps(device, plan, this.dummy, program, { signals, first, last });
            return { plan, steps };
          },
        );
        const read = await this.readback(operation, built.plan, built.steps, signals, last);
        data.set(read.data, first * n * 2);
        if (read.sums) sums = read.sums;
        gpuMs += read.ms;
        dispatches += built.steps.steps.length;
        chunks++;
      }
    } catch (error) {
      const lost = this.o.lostInfo();
      if (lost) throw new DeviceLostError(lost.reason, lost.message || String(error));
      this.plans.drop(PlanCache.key(spec));
      throw error;
    }
    const timing: Timing =
      this.o.stopwatch.method === 'timestamp'
        ? { ms: gpuMs, method: 'timestamp', dispatches, chunks }
        : { ms: performance.now() - wallStart, method: 'wall', dispatches, chunks };
    return { out: sums ? { data, sums } : { data }, timing };
  }

  /** Uploads `program` once into a plan of its own (input kept intact) for repeated runs. */
  async upload(operation: string, program: GpuProgram, variant: FftVariant): Promise<Resident> {
    const { device } = this.o;
    this.o.assertUsable(operation);
    const { shape, batch } = program;
    const chunk = chunkSignals(operation, device.limits, Infinity, shape, batch);
    if (chunk < batch) {
      throw new GpuLimitError(
        'maxStorageBufferBindingSize',
        chunk,
        `${operation}: batch ${batch} of shape [${shape.join(', ')}] does not fit one storage ` +
          `binding on this device; the largest batch is ${chunk}.`,
      );
    }
    const n = signalLength(shape);
    return withErrorScopes(
      device,
      operation,
      () => batch * n * 8 * 3,
      async () => {
        const plan = new Plan(device, this.spec(operation, program, variant, batch, true));
        plan.setTables(program);
        // Resident inputs can be whole imported files (8M samples: tens of ms for the tables,
        // as much for the conversion to complex float32): each step gets a task of its own and
        // the copy is sliced, so the page answers in between.
        const large = batch * n * 8 > UPLOAD_SLICE_BYTES;
        if (large) await nextTask();
        const input = program.input();
        if (large) await nextTask();
        await uploadInSlices(device, plan.input, input);
        const chunkSteps = programSteps(device, plan, this.dummy, program, {
          signals: batch,
          first: 0,
          last: true,
        });
        return { plan, chunk: chunkSteps };
      },
    );
  }

  /** GPU time of `repeats` back-to-back runs of a resident program, in one pass and one submit. */
  time(operation: string, resident: Resident, repeats: number): Promise<PassTime> {
    const { device, stopwatch } = this.o;
    this.o.assertUsable(operation);
    return stopwatch.timePass(
      operation,
      repeats,
      (pass) => encodeSteps(pass, resident.chunk.steps),
      (commands) =>
        withErrorScopes(
          device,
          operation,
          () => resident.plan.allocatedBytes,
          () => device.queue.submit([commands]),
        ),
    );
  }

  /** Runs a resident program once more and reads its result back. */
  async readResident(
    operation: string,
    resident: Resident,
  ): Promise<{ out: GpuOutput; timing: Timing }> {
    this.o.assertUsable(operation);
    const { plan, chunk } = resident;
    const read = await this.readback(operation, plan, chunk, plan.spec.batch, true);
    const timing: Timing = {
      ms: read.ms,
      method: this.o.stopwatch.method,
      dispatches: chunk.steps.length,
      chunks: 1,
    };
    return { out: read.sums ? { data: read.data, sums: read.sums } : { data: read.data }, timing };
  }

  /**
   * Queues one more run of a resident program and the copy of signal `signal` of its result,
   * with the sums and the pass's timestamps, into the next slot of the plan's readback ring,
   * and starts mapping it. No error scopes: see the file's comment. It waits only for the slot
   * written READ_RING_SLOTS frames ago, so frame f+1 is queued while frame f is mapped.
   */
  async submitSignal(operation: string, resident: Resident, signal: number): Promise<SignalFrame> {
    const { device } = this.o;
    this.o.assertUsable(operation);
    const ring = resident.plan.readRing();
    const slot = ring.next();
    await slot.idle;
    this.o.assertUsable(operation);
    const errors = this.uncaptured;
    const encoder = device.createCommandEncoder({ label: operation });
    this.encodeSignal(encoder, operation, resident, ring, signal, slot.buffer);
    const start = performance.now();
    device.queue.submit([encoder.finish()]);
    const mapped = this.mapSlot(operation, slot.buffer, ring, resident, start, errors);
    slot.idle = mapped.then(() => undefined);
    return { mapped, bytes: ring.layout.bytes };
  }

  /**
   * The one-signal frame again, under error scopes, into a staging buffer of its own (the ring
   * slots may all be taken by frames in flight): after a steady frame failed, this turns the
   * fault into a typed error (GpuValidationError, GpuOutOfMemoryError, DeviceLostError) or,
   * when the fault was not this frame's, returns the frame.
   */
  async redoSignal(
    operation: string,
    resident: Resident,
    signal: number,
  ): Promise<{ out: GpuOutput; timing: Timing }> {
    const { device } = this.o;
    const ring = resident.plan.readRing();
    const { layout } = ring;
    let staging: GPUBuffer | undefined;
    try {
      this.o.assertUsable(operation);
      const start = await withErrorScopes(
        device,
        operation,
        () => resident.plan.allocatedBytes + layout.bytes,
        () => {
          staging = device.createBuffer({
            label: `${operation} readback retry`,
            size: layout.bytes,
            usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
          });
          const encoder = device.createCommandEncoder({ label: `${operation} retry` });
          this.encodeSignal(encoder, operation, resident, ring, signal, staging);
          const t = performance.now();
          device.queue.submit([encoder.finish()]);
          return t;
        },
      );
      if (!staging) throw new Error(`${operation}: the retry made no staging buffer`);
      const bytes = await readBack(device, staging, 0, layout.bytes);
      return this.decodeSignal(bytes, ring, resident, performance.now() - start);
    } catch (error) {
      const lost = this.o.lostInfo() ?? (await lostWithin(this.o.lost, LOSS_GRACE_MS));
      if (lost) throw new DeviceLostError(lost.reason, lost.message || String(error));
      throw error;
    } finally {
      staging?.destroy();
    }
  }

  /** The resident program's pass, then signal `signal`, the sums and the timestamps into `dst`. */
  private encodeSignal(
    encoder: GPUCommandEncoder,
    operation: string,
    resident: Resident,
    ring: ReadRing,
    signal: number,
    dst: GPUBuffer,
  ): void {
    const { plan, chunk } = resident;
    const { layout, timestamps } = ring;
    const pass = encoder.beginComputePass({
      label: operation,
      ...(timestamps && {
        timestampWrites: {
          querySet: timestamps.set,
          beginningOfPassWriteIndex: 0,
          endOfPassWriteIndex: 1,
        },
      }),
    });
    encodeSteps(pass, chunk.steps);
    pass.end();
    encoder.copyBufferToBuffer(
      chunk.result,
      signal * layout.signalBytes,
      dst,
      0,
      layout.signalBytes,
    );
    const sums = plan.sums;
    if (sums) {
      const batch = plan.spec.batch;
      encoder.copyBufferToBuffer(sums.signalSums, 0, dst, layout.sumsOffset, batch * 16);
      encoder.copyBufferToBuffer(sums.batchSums, 0, dst, layout.sumsOffset + batch * 16, 16);
    }
    if (timestamps) {
      encoder.resolveQuerySet(timestamps.set, 0, 2, timestamps.resolve, 0);
      encoder.copyBufferToBuffer(timestamps.resolve, 0, dst, layout.timestampsOffset, 16);
    }
  }

  /** Maps a ring slot, copies it out and unmaps it; never rejects (see MappedSignal). */
  private async mapSlot(
    operation: string,
    buffer: GPUBuffer,
    ring: ReadRing,
    resident: Resident,
    start: number,
    errors: number,
  ): Promise<MappedSignal> {
    const { bytes } = ring.layout;
    try {
      await buffer.mapAsync(GPUMapMode.READ, 0, bytes);
    } catch (error) {
      return { ok: false, error, bytes: 0 };
    }
    const wallMs = performance.now() - start;
    const copy = buffer.getMappedRange(0, bytes).slice(0);
    buffer.unmap();
    // A submit that failed validation did nothing, and its slot holds an older frame: an
    // uncaptured error while this frame was in flight may have been its own.
    if (this.uncaptured !== errors) {
      const error = new Error(
        `${operation}: the device reported an uncaptured error while the frame was in flight`,
      );
      return { ok: false, error, bytes };
    }
    return { ok: true, ...this.decodeSignal(copy, ring, resident, wallMs) };
  }

  /** The output and timing of a one-signal frame from its staging bytes (ReadLayout). */
  private decodeSignal(
    bytes: ArrayBuffer,
    ring: ReadRing,
    resident: Resident,
    wallMs: number,
  ): { out: GpuOutput; timing: Timing } {
    const layout: ReadLayout = ring.layout;
    const data = new Float32Array(bytes, 0, layout.signalBytes / 4);
    const dispatches = resident.chunk.steps.length;
    let timing: Timing = { ms: wallMs, method: 'wall', dispatches, chunks: 1 };
    if (ring.timestamps) {
      const [begin, end] = new BigInt64Array(bytes, layout.timestampsOffset, 2);
      // As the stopwatch's timePass: zeros or out-of-order timestamps give the wall time
      // (submit to mapped) rather than a wrong GPU time.
      if (begin !== undefined && end !== undefined && end > begin) {
        timing = { ms: Number(end - begin) / 1e6, method: 'timestamp', dispatches, chunks: 1 };
      }
    }
    if (layout.sumsBytes === 0) return { out: { data }, timing };
    const sums = new Float32Array(bytes, layout.sumsOffset, layout.sumsBytes / 4);
    return { out: { data, sums }, timing };
  }

  /** Encodes the steps in one timed pass, copies the result (and, last, the sums) back, reads them. */
  private async readback(
    operation: string,
    plan: Plan,
    chunk: ChunkSteps,
    signals: number,
    last: boolean,
  ): Promise<{ data: Float32Array; sums?: Float32Array; ms: number }> {
    const { device, stopwatch } = this.o;
    const bytes = signals * plan.size * 8;
    const sums = last ? plan.sums : undefined;
    await withErrorScopes(
      device,
      operation,
      () => plan.allocatedBytes,
      () => {
        const encoder = device.createCommandEncoder({ label: operation });
        const pass = encoder.beginComputePass({ label: operation, ...stopwatch.passTimestamps() });
        encodeSteps(pass, chunk.steps);
        pass.end();
        encoder.copyBufferToBuffer(chunk.result, 0, plan.staging, 0, bytes);
        stopwatch.resolve(encoder);
        if (sums) {
          const batch = plan.spec.batch;
          encoder.copyBufferToBuffer(sums.signalSums, 0, sums.staging, 0, batch * 16);
          encoder.copyBufferToBuffer(sums.batchSums, 0, sums.staging, batch * 16, 16);
        }
        device.queue.submit([encoder.finish()]);
      },
    );
    const data = new Float32Array(await readBack(device, plan.staging, 0, bytes));
    const ms = (await stopwatch.read()) ?? 0;
    if (!sums) return { data, ms };
    const values = new Float32Array(await readBack(device, sums.staging));
    return { data, sums: values, ms };
  }

  destroy(): void {
    this.o.device.removeEventListener('uncapturederror', this.countUncaptured);
    this.plans.destroy();
    this.dummy.destroy();
  }
}

/** The loss info if `lost` resolves within `ms`, else undefined. */
async function lostWithin(
  lost: Promise<GPUDeviceLostInfo>,
  ms: number,
): Promise<GPUDeviceLostInfo | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([lost, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
