/**
 * Bytes the engine moves between host and GPU, per device: every `writeBuffer` the engine makes
 * and every range it maps for reading go through here, so the playground can show (and its
 * tests can check) what a frame really costs the bus (issue 10: a live frame with unchanged
 * inputs uploads nothing but what changed).
 */

export interface TransferTotals {
  /** Bytes written to GPU buffers since the engine was created. */
  uploaded: number;
  /**
   * Bytes mapped back for reading since the engine was created. A live frame's one-signal read
   * (gpu/engine.ts PreparedOp.queueRead) counts when its result is taken or discarded, not
   * when its map lands: with frames in flight, the map of the next frame may land during this
   * one, and a frame's figure must be its own read.
   */
  readBack: number;
}

const meters = new WeakMap<GPUDevice, TransferTotals>();

export function transferTotals(device: GPUDevice): TransferTotals {
  let m = meters.get(device);
  if (!m) {
    m = { uploaded: 0, readBack: 0 };
    meters.set(device, m);
  }
  return m;
}

/**
 * `queue.writeBuffer` of float32 data, as WebGPU takes it: `offset` into the buffer in bytes,
 * `dataOffset` and `size` in elements of `data`.
 */
export function upload(
  device: GPUDevice,
  buffer: GPUBuffer,
  offset: number,
  data: Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | ArrayBuffer,
  dataOffset = 0,
  size?: number,
): void {
  const elements =
    data instanceof ArrayBuffer ? data.byteLength : (size ?? data.length - dataOffset);
  const bytes = data instanceof ArrayBuffer ? elements : elements * data.BYTES_PER_ELEMENT;
  if (data instanceof ArrayBuffer) device.queue.writeBuffer(buffer, offset, data);
  else device.queue.writeBuffer(buffer, offset, data, dataOffset, size);
  transferTotals(device).uploaded += bytes;
}

/**
 * Largest slice one task writes when uploading a large input. `writeBuffer` copies through
 * shared memory and waits on the GPU process when that fills, so 64 MiB in one call held the
 * page's main thread for about 100 ms (prod build, 8M imported samples); 4 MiB slices each
 * take a few ms and let clicks and frames in between.
 */
export const UPLOAD_SLICE_BYTES = 4 * 2 ** 20;

/** A macrotask boundary without timer clamping (MessageChannel exists in browsers and Node). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * `upload` of float32 data in slices of at most `sliceBytes`, yielding to the event loop between
 * slices; data of one slice or less is written at once, with no yield.
 */
export async function uploadInSlices(
  device: GPUDevice,
  buffer: GPUBuffer,
  data: Float32Array<ArrayBuffer>,
  sliceBytes = UPLOAD_SLICE_BYTES,
): Promise<void> {
  const slice = Math.max(1, Math.floor(sliceBytes / data.BYTES_PER_ELEMENT));
  for (let start = 0; start < data.length; start += slice) {
    if (start > 0) await nextTask();
    upload(
      device,
      buffer,
      start * data.BYTES_PER_ELEMENT,
      data,
      start,
      Math.min(slice, data.length - start),
    );
  }
}

/** Counts `bytes` read back by a map made elsewhere (the live loop's readback ring). */
export function countReadBack(device: GPUDevice, bytes: number): void {
  transferTotals(device).readBack += bytes;
}

/** Maps `size` bytes of a MAP_READ buffer and returns a copy of them. */
export async function readBack(
  device: GPUDevice,
  buffer: GPUBuffer,
  offset = 0,
  size = buffer.size - offset,
): Promise<ArrayBuffer> {
  await buffer.mapAsync(GPUMapMode.READ, offset, size);
  const copy = buffer.getMappedRange(offset, size).slice(0);
  buffer.unmap();
  transferTotals(device).readBack += size;
  return copy;
}
