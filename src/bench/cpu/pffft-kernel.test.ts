import { describe, expect, it } from 'vitest';
import { createCpuEngine } from '../../engine/cpu-engine';
import { uniformSigned } from '../../workloads/rng';
import { fftTolerance, maxRelError } from '../verify';
import { pffftBinary } from './pffft-binary';
import { instantiatePffft } from './pffft-glue';
import { PffftBatch, pffftUnsupported } from './pffft-kernel';

describe('PFFFT batch', () => {
  it.each([
    { shape: [16] as [number], batch: 3 },
    { shape: [1024] as [number], batch: 2 },
    { shape: [32, 64] as [number, number], batch: 2 },
  ])('matches the float64 reference within float32 tolerance: %o', async ({ shape, batch }) => {
    const { wasm, simd } = await pffftBinary();
    const points = shape.reduce((a, b) => a * b, 1);
    const input = uniformSigned(11, 2 * batch * points);
    const kernel = new PffftBatch(await instantiatePffft(wasm, simd), shape, input);
    kernel.run();
    const out = kernel.read();
    const before = Float32Array.from(out);
    // A second run reads the untouched input again: the same output.
    kernel.run();
    expect(kernel.read()).toEqual(before);
    kernel.destroy();
    kernel.destroy();
    const ref = await createCpuEngine().fft(input, { shape, batch });
    expect(maxRelError(out, ref.data)).toBeLessThan(fftTolerance(points));
  });

  it('names the sizes PFFFT cannot take', () => {
    expect(pffftUnsupported(1024, 4)).toBeNull();
    expect(pffftUnsupported(8, 4)).toMatch(/multiple of 16/);
    expect(pffftUnsupported(8, 1)).toBeNull();
    expect(pffftUnsupported(14 * 16, 4)).toMatch(/2\^a·3\^b·5\^c/);
  });

  it('prefers the SIMD build where WebAssembly SIMD validates (Node 20 has it)', async () => {
    const { simd, wasm } = await pffftBinary();
    expect(simd).toBe(true);
    expect(WebAssembly.validate(wasm)).toBe(true);
    expect((await instantiatePffft(wasm, simd))._pffft_simd_size()).toBe(4);
  });
});
