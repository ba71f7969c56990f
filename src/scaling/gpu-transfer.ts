/**
 * The bandwidth sweeps: host → GPU (`queue.writeBuffer`, until the queue reports the copy done)
 * and GPU → host (copy into a mappable buffer, `mapAsync`), in MB/s over transfer sizes. Small
 * transfers pay a fixed latency, large ones approach the link's rate: the shape f_NS = ζ·tanh(η·b)
 * proposes.
 */
import { measurePoint, type PointPlan, type Sweep, type SweepPoint } from './sweep';
import type { SweepProgress } from './worker-sweep';

export interface TransferPlan extends PointPlan {
  /** Bytes per transfer, each a multiple of 4. */
  sizes: number[];
}

async function sweepOne(
  device: GPUDevice,
  direction: 'upload' | 'readback',
  plan: TransferPlan,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const [i, bytes] of plan.sizes.entries()) {
    onProgress?.({ sweep: direction, done: i, total: plan.sizes.length, label: `${bytes} B` });
    const data = new Uint8Array(bytes).map((_, j) => j * 31);
    const gpu = device.createBuffer({
      label: `scaling ${direction} ${bytes} B`,
      size: bytes,
      usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC | GPUBufferUsage.STORAGE,
    });
    const host =
      direction === 'readback'
        ? device.createBuffer({
            label: `scaling readback staging ${bytes} B`,
            size: bytes,
            usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
          })
        : null;
    try {
      device.queue.writeBuffer(gpu, 0, data);
      await device.queue.onSubmittedWorkDone();
      const span = async (): Promise<number> => {
        const t0 = performance.now();
        if (host) {
          const enc = device.createCommandEncoder({ label: 'scaling readback' });
          enc.copyBufferToBuffer(gpu, 0, host, 0, bytes);
          device.queue.submit([enc.finish()]);
          await host.mapAsync(GPUMapMode.READ);
          // Touch the mapped bytes: the copy is only done when the host can read them.
          const first = new Uint8Array(host.getMappedRange())[0];
          host.unmap();
          if (first !== 0) throw new Error('readback: the staging buffer holds the wrong bytes');
        } else {
          device.queue.writeBuffer(gpu, 0, data);
          await device.queue.onSubmittedWorkDone();
        }
        return performance.now() - t0;
      };
      // MB per span ÷ ms × 1e3 = MB/s.
      points.push(await measurePoint(bytes, (bytes / 1e6) * 1e3, span, plan, signal));
    } finally {
      gpu.destroy();
      host?.destroy();
    }
  }
  return points;
}

export async function runTransferSweeps(
  device: GPUDevice,
  plan: TransferPlan,
  onProgress?: (p: SweepProgress) => void,
  signal?: AbortSignal,
): Promise<Sweep[]> {
  const method = (what: string) =>
    `${what}, ${plan.sizes[0]} B to ${plan.sizes[plan.sizes.length - 1]} B; ` +
    `median of ${plan.rounds} spans after ${plan.warmup} warm-up`;
  return [
    {
      id: 'upload',
      label: 'Bandwidth b: host → GPU (writeBuffer)',
      xLabel: 'bytes per transfer b',
      yLabel: 'MB/s',
      intendedModels: ['ns'],
      method: method('queue.writeBuffer then onSubmittedWorkDone'),
      points: await sweepOne(device, 'upload', plan, onProgress, signal),
    },
    {
      id: 'readback',
      label: 'Bandwidth b: GPU → host (copy + mapAsync)',
      xLabel: 'bytes per transfer b',
      yLabel: 'MB/s',
      intendedModels: ['ns'],
      method: method('copyBufferToBuffer into a MAP_READ buffer, then mapAsync'),
      points: await sweepOne(device, 'readback', plan, onProgress, signal),
    },
  ];
}
