/**
 * The GPU buffers one owner made, with their total size for error messages and one idempotent
 * destroy that frees exactly them (TypeGPU's resource discipline).
 */
export class Arena {
  /** Bytes of every buffer made here. */
  allocatedBytes = 0;
  private readonly owned: GPUBuffer[] = [];
  private destroyed = false;

  constructor(private readonly device: GPUDevice) {}

  /** A buffer of at least `size` bytes (16 at least, a multiple of 4), labelled. */
  buffer(label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer {
    const b = this.device.createBuffer({
      label,
      size: Math.max(16, Math.ceil(size / 4) * 4),
      usage,
    });
    this.owned.push(b);
    this.allocatedBytes += size;
    return b;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const b of this.owned) b.destroy();
    this.owned.length = 0;
  }
}
