/**
 * Runs operators' GPU programs: splits the batch into chunks that respect the device's buffer
 * and dispatch limits, uploads each chunk and the program's tables, records its dispatches in
 * one timed compute pass, and reads the result (and the sums) back. Plan creation and submits
 * run inside error scopes, so validation and out-of-memory errors come back typed and name the
 * operation; a lost device turns every failure into DeviceLostError.
 */
import { DeviceLostError, GpuLimitError } from '../errors';
import type { GpuOutput, GpuProgram } from '../ops/operator';
import { signalLength } from '../shape';
import type { Timing } from '../types';
import { chunkSignals } from './chunking';
import { withErrorScopes } from './error-scopes';
import { PlanCache } from './plan-cache';
import { Plan, type FftVariant, type PlanSpec } from './plan';
import { programSteps, type ChunkSteps } from './program-steps';
import { encodeSteps } from './step-builders';
import type { PassTime, Stopwatch } from './stopwatch';
import { nextTask, readBack, upload, uploadInSlices, UPLOAD_SLICE_BYTES } from './transfer-meter';

export interface ExecutorOptions {
  device: GPUDevice;
  stopwatch: Stopwatch;
  capacity: number;
  lanes: number;
  maxChunkBytes: number;
  /** Throws when the engine was destroyed or its device lost. */
  assertUsable(operation: string): void;
  lostInfo(): GPUDeviceLostInfo | undefined;
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

  constructor(private readonly o: ExecutorOptions) {
    this.plans = new PlanCache(o.device);
    this.dummy = o.device.createBuffer({
      label: 'unused read-only binding',
      size: 16,
      usage: GPUBufferUsage.STORAGE,
    });
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
    this.plans.destroy();
    this.dummy.destroy();
  }
}
