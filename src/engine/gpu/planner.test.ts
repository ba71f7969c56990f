import { describe, expect, it } from 'vitest';
import { FFT_VARIANTS } from './plan';
import type { AdapterFacts } from './adapter';
import { adapterKey, defaultVariant, Planner } from './planner';

const gpu: AdapterFacts = {
  vendor: 'nvidia',
  architecture: 'hopper',
  device: '',
  description: '',
  isFallbackAdapter: false,
};
const software: AdapterFacts = { ...gpu, vendor: 'google', description: 'SwiftShader driver' };

function storeWith(wisdom: Record<string, string>) {
  const saved: Record<string, string>[] = [];
  return {
    saved,
    store: { load: () => ({ ...wisdom }) as never, save: (w: object) => void saved.push({ ...w }) },
  };
}

describe('planner', () => {
  it('defaults: workgroup memory on GPUs, plain stages on CPU emulations', () => {
    expect(defaultVariant(gpu)).toBe('workgroup');
    expect(defaultVariant(software)).toBe('stages');
    expect(defaultVariant({ ...gpu, isFallbackAdapter: true })).toBe('stages');
  });

  it('remembers per adapter, operation and shape', () => {
    const { store, saved } = storeWith({});
    const planner = new Planner(gpu, FFT_VARIANTS, store);
    planner.record('fft', [1024], 'subgroups');
    expect(planner.choose('fft', [1024])).toBe('subgroups');
    expect(planner.choose('fft', [2048])).toBe('workgroup');
    expect(planner.choose('resolvent', [1024])).toBe('workgroup');
    expect(saved.at(-1)).toEqual({ [`${adapterKey(gpu)}|fft|1024`]: 'subgroups' });
    // Another adapter plans afresh from the same store.
    expect(
      new Planner(software, FFT_VARIANTS, storeWith(saved.at(-1) ?? {}).store).choose(
        'fft',
        [1024],
      ),
    ).toBe('stages');
  });

  it('a remembered variant this device cannot run falls back to the default', () => {
    const key = `${adapterKey(gpu)}|fft|64`;
    const { store } = storeWith({ [key]: 'subgroups' });
    expect(new Planner(gpu, ['workgroup', 'stages'], store).choose('fft', [64])).toBe('workgroup');
    expect(new Planner(gpu, FFT_VARIANTS, store).choose('fft', [64])).toBe('subgroups');
  });

  it('replan forgets every choice', () => {
    const { store, saved } = storeWith({ [`${adapterKey(gpu)}|fft|64`]: 'stages' });
    const planner = new Planner(gpu, FFT_VARIANTS, store);
    expect(planner.isTuned('fft', [64])).toBe(true);
    planner.replan();
    expect(planner.isTuned('fft', [64])).toBe(false);
    expect(saved.at(-1)).toEqual({});
  });
});
