import { describe, expect, it } from 'vitest';
import { uniformLayout } from './uniform-layout';

describe('uniform layouts declared once', () => {
  const layout = uniformLayout('Params', [
    ['n', 'u32', 'length'],
    ['scale', 'f32'],
    ['count', 'u32'],
    ['phi', 'f32'],
    ['extra', 'u32'],
  ] as const);

  it('emits the WGSL struct with each field at 4·index, in declaration order', () => {
    expect(layout.wgsl).toBe(
      'struct Params {\n  n: u32, // length\n  scale: f32,\n  count: u32,\n  phi: f32,\n  extra: u32,\n}\n',
    );
  });

  it('packs each field at its offset with its type, rounded up to 16 bytes', () => {
    const buffer = layout.pack({ n: 7, scale: 0.5, count: 3, phi: 1.618034, extra: 9 });
    expect(buffer.byteLength).toBe(32);
    const view = new DataView(buffer);
    expect(view.getUint32(0, true)).toBe(7);
    expect(view.getFloat32(4, true)).toBe(0.5);
    expect(view.getUint32(8, true)).toBe(3);
    expect(view.getFloat32(12, true)).toBeCloseTo(1.618034, 6);
    expect(view.getUint32(16, true)).toBe(9);
    expect(view.getUint32(20, true)).toBe(0);
  });

  it('leaves omitted fields 0 and refuses a u32 that is not a whole number ≥ 0', () => {
    expect(new Uint32Array(layout.pack({ count: 2 }))[0]).toBe(0);
    expect(() => layout.pack({ n: -1 })).toThrow(/Params.n is u32; got -1/);
    expect(() => layout.pack({ count: 1.5 })).toThrow(/Params.count is u32/);
  });
});
