import { describe, expect, it } from 'vitest';
import { adapterFacts, isSoftwareAdapter, type AdapterFacts } from './adapter';

const facts = (over: Partial<AdapterFacts>): AdapterFacts => ({
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  isFallbackAdapter: false,
  ...over,
});

describe('isSoftwareAdapter', () => {
  it.each<[string, Partial<AdapterFacts>]>([
    ['SwiftShader (Chrome, Dawn)', { vendor: 'google', architecture: 'swiftshader' }],
    ['SwiftShader by description', { description: 'SwiftShader Device (Subzero)' }],
    ['llvmpipe', { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.7, 256 bits)' }],
    ['lavapipe', { device: 'Lavapipe' }],
    ['WARP', { vendor: 'microsoft', description: 'D3D12 WARP' }],
    ['Microsoft Basic Render Driver', { description: 'Microsoft Basic Render Driver' }],
    ['a fallback adapter with no telling name', { vendor: 'acme', isFallbackAdapter: true }],
  ])('%s is software', (_, over) => {
    expect(isSoftwareAdapter(facts(over))).toBe(true);
  });

  it.each<[string, Partial<AdapterFacts>]>([
    ['NVIDIA', { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' }],
    ['AMD', { vendor: 'amd', architecture: 'rdna-3', description: 'AMD Radeon RX 7900 XTX' }],
    ['Apple', { vendor: 'apple', architecture: 'metal-3', description: 'Apple M2 Pro' }],
    ['an adapter that says nothing', {}],
  ])('%s is a GPU', (_, over) => {
    expect(isSoftwareAdapter(facts(over))).toBe(false);
  });
});

describe('adapterFacts', () => {
  const info = {
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: 'SwiftShader Device',
  };

  it('reads an adapter’s info, and the flag where older implementations put it', () => {
    const adapter = (extra: object) => ({ requestDevice: () => null, ...extra }) as never;
    expect(adapterFacts(adapter({ info: { ...info, isFallbackAdapter: true } }))).toEqual({
      ...info,
      isFallbackAdapter: true,
    });
    expect(adapterFacts(adapter({ info, isFallbackAdapter: true })).isFallbackAdapter).toBe(true);
    expect(adapterFacts(adapter({ info })).isFallbackAdapter).toBe(false);
  });

  it('reads a device’s adapterInfo, and tolerates a device without one', () => {
    expect(adapterFacts({ adapterInfo: info } as never)).toEqual({
      ...info,
      isFallbackAdapter: false,
    });
    expect(adapterFacts({} as never)).toEqual(facts({}));
  });
});
