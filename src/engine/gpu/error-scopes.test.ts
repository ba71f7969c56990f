import { describe, expect, it } from 'vitest';
import { GpuOutOfMemoryError, GpuValidationError } from '../errors';
import { withErrorScopes } from './error-scopes';

type Filter = 'validation' | 'out-of-memory';

/** A device whose error scopes are a stack, as WebGPU's; `fail` reports into the innermost. */
function fakeDevice() {
  const scopes: { filter: Filter; error: { message: string } | null }[] = [];
  const device = {
    pushErrorScope: (filter: Filter) => void scopes.push({ filter, error: null }),
    popErrorScope: () => {
      const scope = scopes.pop();
      if (!scope) return Promise.reject(new Error('popErrorScope on an empty stack'));
      return Promise.resolve(scope.error);
    },
  };
  const fail = (filter: Filter, message: string): void => {
    const scope = scopes.findLast((s) => s.filter === filter);
    if (scope) scope.error ??= { message };
  };
  return { device: device as unknown as GPUDevice, scopes, fail };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('withErrorScopes', () => {
  it('returns what sync or async work returns, and leaves no scope behind', async () => {
    const { device, scopes } = fakeDevice();
    await expect(
      withErrorScopes(
        device,
        'sync',
        () => 64,
        () => 7,
      ),
    ).resolves.toBe(7);
    const async = withErrorScopes(
      device,
      'async',
      () => 64,
      async () => {
        await tick();
        return 8;
      },
    );
    expect(scopes).toHaveLength(2);
    await expect(async).resolves.toBe(8);
    expect(scopes).toHaveLength(0);
  });

  it('catches an error raised after the work awaited, naming the operation', async () => {
    const { device, scopes, fail } = fakeDevice();
    const work = withErrorScopes(
      device,
      'fft 1024',
      () => 64,
      async () => {
        await tick();
        fail('validation', 'bad binding');
      },
    );
    await expect(work).rejects.toThrow(GpuValidationError);
    await expect(work).rejects.toThrow('fft 1024: GPU validation error: bad binding');
    expect(scopes).toHaveLength(0);
  });

  it('reports out of memory with the bytes, before a validation error it caused', async () => {
    const { device, fail } = fakeDevice();
    const work = withErrorScopes(
      device,
      'copy',
      () => 1 << 30,
      async () => {
        await tick();
        fail('out-of-memory', 'no room');
        fail('validation', 'invalid buffer');
      },
    );
    await expect(work).rejects.toThrow(GpuOutOfMemoryError);
    await expect(work).rejects.toThrow(/copy: GPU out of memory while allocating 1073741824 bytes/);
  });

  it('pops its scopes when the work rejects, and prefers a GPU error to the rejection', async () => {
    const { device, scopes, fail } = fakeDevice();
    const plain = withErrorScopes(
      device,
      'a',
      () => 0,
      async () => {
        await tick();
        throw new Error('not the GPU');
      },
    );
    await expect(plain).rejects.toThrow('not the GPU');
    expect(scopes).toHaveLength(0);
    const both = withErrorScopes(
      device,
      'b',
      () => 0,
      async () => {
        fail('validation', 'the cause');
        await tick();
        throw new Error('a symptom');
      },
    );
    await expect(both).rejects.toThrow('b: GPU validation error: the cause');
    expect(scopes).toHaveLength(0);
  });
});
