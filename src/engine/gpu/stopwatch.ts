/**
 * GPU timing of one compute pass with timestamp-query, when the device has it: the pass writes
 * its begin and end timestamps, which are resolved and read back. Without the feature (or when
 * the timestamps come back unusable) the time is wall-clock time from submit to completion.
 */
import type { TimingMethod } from '../types';
import { readBack } from './transfer-meter';

/** The time of one timed pass, and how it was taken. */
export interface PassTime {
  ms: number;
  method: TimingMethod;
}

export class Stopwatch {
  readonly method: TimingMethod;
  private readonly timer: { set: GPUQuerySet; resolve: GPUBuffer; read: GPUBuffer } | undefined;
  private pending = false;

  constructor(private readonly device: GPUDevice) {
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
    this.method = this.timer ? 'timestamp' : 'wall';
  }

  /** Spread into beginComputePass's descriptor. */
  passTimestamps(): { timestampWrites?: GPUComputePassTimestampWrites } {
    if (!this.timer) return {};
    return {
      timestampWrites: {
        querySet: this.timer.set,
        beginningOfPassWriteIndex: 0,
        endOfPassWriteIndex: 1,
      },
    };
  }

  /** Records the copy of the pass's timestamps into the readback buffer. */
  resolve(encoder: GPUCommandEncoder): void {
    if (!this.timer) return;
    encoder.resolveQuerySet(this.timer.set, 0, 2, this.timer.resolve, 0);
    encoder.copyBufferToBuffer(this.timer.resolve, 0, this.timer.read, 0, 16);
    this.pending = true;
  }

  /** Milliseconds between the pass's timestamps, or undefined without timestamps. */
  async read(): Promise<number | undefined> {
    if (!this.timer || !this.pending) return undefined;
    this.pending = false;
    const [begin, end] = new BigInt64Array(await readBack(this.device, this.timer.read));
    // Some implementations return zeros or out-of-order values; report no time rather than a wrong one.
    if (begin === undefined || end === undefined || end <= begin) return 0;
    return Number(end - begin) / 1e6;
  }

  /**
   * Records `repeats` × `record(pass)` into one pass, submits it through `submit` (the caller
   * may scope it for errors) and waits for the GPU. One pass and one submit, so the time is
   * the work's, not the per-submit overhead's.
   */
  async timePass(
    label: string,
    repeats: number,
    record: (pass: GPUComputePassEncoder) => void,
    submit: (commands: GPUCommandBuffer) => unknown = (commands) =>
      this.device.queue.submit([commands]),
  ): Promise<PassTime> {
    const encoder = this.device.createCommandEncoder({ label: `${label} ×${repeats}` });
    const pass = encoder.beginComputePass({ label, ...this.passTimestamps() });
    for (let r = 0; r < repeats; r++) record(pass);
    pass.end();
    this.resolve(encoder);
    const start = performance.now();
    await submit(encoder.finish());
    await this.device.queue.onSubmittedWorkDone();
    const wallMs = performance.now() - start;
    const gpuMs = await this.read();
    // No (or an unusable, zero) timestamp span: fall back to submit-to-done wall time.
    return gpuMs ? { ms: gpuMs, method: 'timestamp' } : { ms: wallMs, method: 'wall' };
  }

  destroy(): void {
    if (!this.timer) return;
    this.timer.set.destroy();
    this.timer.resolve.destroy();
    this.timer.read.destroy();
  }
}
