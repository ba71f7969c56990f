/**
 * GPU time of the reference kernels: `repeats` dispatches recorded into one compute pass and
 * submitted once. With `timestamp-query` the time is read from timestamps at the pass
 * boundaries; without it (or when the timestamps come back unusable) it is the wall time from
 * submit to `onSubmittedWorkDone`. The method used is returned with the time.
 */
import type { BenchTimingMethod } from './schema';

export interface SpanTime {
  ms: number;
  method: BenchTimingMethod;
}

export class PassTimer {
  private readonly querySet: GPUQuerySet | null;
  private readonly resolve: GPUBuffer | null;
  private readonly readback: GPUBuffer | null;

  constructor(private readonly device: GPUDevice) {
    if (device.features.has('timestamp-query')) {
      this.querySet = device.createQuerySet({
        label: 'bench timestamps',
        type: 'timestamp',
        count: 2,
      });
      this.resolve = device.createBuffer({
        label: 'bench timestamps resolve',
        size: 16,
        usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
      });
      this.readback = device.createBuffer({
        label: 'bench timestamps readback',
        size: 16,
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
    } else {
      this.querySet = null;
      this.resolve = null;
      this.readback = null;
    }
  }

  /** Records `repeats` × `record(pass)` into one pass, submits, and waits for the GPU. */
  async time(
    label: string,
    repeats: number,
    record: (pass: GPUComputePassEncoder) => void,
  ): Promise<SpanTime> {
    const encoder = this.device.createCommandEncoder({ label });
    const pass = encoder.beginComputePass(
      this.querySet
        ? {
            label,
            timestampWrites: {
              querySet: this.querySet,
              beginningOfPassWriteIndex: 0,
              endOfPassWriteIndex: 1,
            },
          }
        : { label },
    );
    for (let r = 0; r < repeats; r++) record(pass);
    pass.end();
    if (this.querySet && this.resolve && this.readback) {
      encoder.resolveQuerySet(this.querySet, 0, 2, this.resolve, 0);
      encoder.copyBufferToBuffer(this.resolve, 0, this.readback, 0, 16);
    }
    const t0 = performance.now();
    this.device.queue.submit([encoder.finish()]);
    await this.device.queue.onSubmittedWorkDone();
    const wallMs = performance.now() - t0;
    if (!this.readback) return { ms: wallMs, method: 'wall' };
    await this.readback.mapAsync(GPUMapMode.READ);
    const [begin, end] = new BigUint64Array(this.readback.getMappedRange().slice(0));
    this.readback.unmap();
    if (begin === undefined || end === undefined || end <= begin)
      return { ms: wallMs, method: 'wall' };
    return { ms: Number(end - begin) / 1e6, method: 'timestamp' };
  }

  destroy(): void {
    this.querySet?.destroy();
    this.resolve?.destroy();
    this.readback?.destroy();
  }
}
