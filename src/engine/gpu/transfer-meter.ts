/**
 * Bytes the engine moves between host and GPU, per device: every `writeBuffer` the engine makes
 * and every range it maps for reading go through here, so the playground can show (and its
 * tests can check) what a frame really costs the bus (issue 10: a live frame with unchanged
 * inputs uploads nothing but what changed).
 */

export interface TransferTotals {
  /** Bytes written to GPU buffers since the engine was created. */
  uploaded: number;
  /** Bytes mapped back for reading since the engine was created. */
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

/** `queue.writeBuffer` of float32 data (offsets and sizes in elements, as WebGPU takes them). */
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
