/**
 * The order of a sliced upload's writes against other tasks, on a recording queue (no GPU): the
 * page's work queued before the upload runs between its first and second slice.
 */
import { describe, expect, it } from 'vitest';
import { transferTotals, uploadInSlices } from './transfer-meter';

function recordingDevice(log: string[]): GPUDevice {
  const queue = {
    writeBuffer: (_b: GPUBuffer, offset: number, _d: unknown, start: number, size: number) =>
      log.push(`write ${offset}/${start}/${size}`),
  };
  return { queue } as unknown as GPUDevice;
}

describe('uploadInSlices', () => {
  it('yields to other tasks between slices, with byte offsets into the buffer', async () => {
    const log: string[] = [];
    const device = recordingDevice(log);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      log.push('other task');
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    await uploadInSlices(device, {} as GPUBuffer, new Float32Array(10), 16);
    expect(log).toEqual(['write 0/0/4', 'other task', 'write 16/4/4', 'write 32/8/2']);
    expect(transferTotals(device).uploaded).toBe(40);
  });

  it('writes data of one slice at once, without yielding', async () => {
    const log: string[] = [];
    const device = recordingDevice(log);
    const pending = uploadInSlices(device, {} as GPUBuffer, new Float32Array(4), 16);
    // Synchronous: the write is made before the promise is even awaited.
    expect(log).toEqual(['write 0/0/4']);
    await pending;
  });
});
