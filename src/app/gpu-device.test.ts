import { describe, expect, it } from 'vitest';
import { acquireGpu, classifyUnavailable, storedGpuMemory } from './gpu-device';

/** A navigator.gpu whose requestAdapter does what the test says. */
function fakeGpu(requestAdapter: () => Promise<GPUAdapter | null>): GPU {
  return { requestAdapter } as unknown as GPU;
}

describe('classifying a missing WebGPU', () => {
  it('a missing adapter where a device worked before is a withdrawal', () => {
    expect(classifyUnavailable('no-adapter', '', true)).toBe('withdrawn');
    expect(classifyUnavailable('no-adapter', '', false)).toBe('no-adapter');
    expect(classifyUnavailable('device-refused', '', true)).toBe('device-refused');
    expect(classifyUnavailable('no-navigator-gpu', 'blocklisted', true)).toBe('no-navigator-gpu');
  });

  it('the browser’s own words for a blocklist or a crash limit are a withdrawal', () => {
    for (const words of [
      'WebGPU has been blocklisted',
      'GPU access blocked after context loss',
      'The GPU process crashed too many times',
    ]) {
      expect(classifyUnavailable('no-adapter', words, false), words).toBe('withdrawn');
      expect(classifyUnavailable('device-refused', words, false), words).toBe('withdrawn');
    }
    expect(classifyUnavailable('device-refused', 'feature not supported', false)).toBe(
      'device-refused',
    );
  });

  it('acquireGpu reads a rejected requestAdapter’s message', async () => {
    const blocked = await acquireGpu(
      fakeGpu(() => Promise.reject(new Error('WebGPU is blocklisted on this system'))),
    );
    expect(blocked).toMatchObject({ ok: false, reason: 'withdrawn' });
    const other = await acquireGpu(fakeGpu(() => Promise.reject(new Error('internal error'))));
    expect(other).toMatchObject({ ok: false, reason: 'no-adapter' });
    const none = await acquireGpu(fakeGpu(() => Promise.resolve(null)));
    expect(none).toMatchObject({ ok: false, reason: 'no-adapter' });
    expect(await acquireGpu(undefined)).toMatchObject({ ok: false, reason: 'no-navigator-gpu' });
  });
});

describe('remembering a device across reloads', () => {
  it('stores the fact in the given storage and reads it back in a new page', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const first = storedGpuMemory(() => storage);
    expect(first.hadDevice()).toBe(false);
    first.remember();
    expect(first.hadDevice()).toBe(true);
    expect(storedGpuMemory(() => storage).hadDevice()).toBe(true);
  });

  it('blocked storage remembers for this page only, without throwing', () => {
    const blocked = storedGpuMemory(() => {
      throw new DOMException('storage is disabled', 'SecurityError');
    });
    expect(blocked.hadDevice()).toBe(false);
    blocked.remember();
    expect(blocked.hadDevice()).toBe(true);
  });
});
