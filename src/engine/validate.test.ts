import { describe, expect, it } from 'vitest';
import { createCpuEngine } from './cpu-engine';
import { EngineArgumentError } from './errors';

const cpu = createCpuEngine();
const ok = new Float32Array(16);

async function fieldOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EngineArgumentError) return `${e.field}: ${e.message}`;
    throw e;
  }
  throw new Error('expected an EngineArgumentError');
}

describe('argument validation names the field and the allowed values', () => {
  it.each([
    [{ shape: [6], batch: 1 }, /shape\[0\] \(n\).*power of two from 2 to 1048576/],
    [{ shape: [1], batch: 1 }, /shape\[0\].*got 1/],
    [{ shape: [2 ** 21], batch: 1 }, /shape\[0\].*2\^20/],
    [{ shape: [4096, 2], batch: 1 }, /shape\[0\] \(ny\).*2048/],
    [{ shape: [4, 2, 2], batch: 1 }, /shape must be \[n\]/],
    [{ shape: [8], batch: 0 }, /batch.*≥ 1; got 0/],
    [{ shape: [8], batch: 1.5 }, /batch.*got 1.5/],
  ])('fft %j', async (options, message) => {
    const msg = await fieldOf(cpu.fft(ok, options as never));
    expect(msg).toMatch(message);
  });

  it('data length mismatch says what is needed', async () => {
    expect(await fieldOf(cpu.fft(new Float32Array(10), { shape: [8], batch: 1 }))).toMatch(
      /data: data has 10 values.*needs 16/,
    );
    expect(
      await fieldOf(cpu.fft(new Float32Array(16), { shape: [8], batch: 1, real: true })),
    ).toMatch(/needs 8 \(batch × prod\(shape\) real values\)/);
  });

  it('NaN and Infinity in data are refused with their position', async () => {
    const bad = new Float32Array(32);
    bad[21] = NaN;
    expect(await fieldOf(cpu.fft(bad, { shape: [8], batch: 2 }))).toMatch(
      /data contains NaN at index 21 \(signal 1\)/,
    );
    bad[21] = Infinity;
    expect(await fieldOf(cpu.resolvent(bad, { shape: [8], batch: 2 }))).toMatch(
      /Infinity at index 21/,
    );
  });

  it.each([
    [{ phi: 0 }, /phi must be a finite number > 0; got 0/],
    [{ phi: -1 }, /phi.*got -1/],
    [{ phi: NaN }, /phi.*got NaN/],
    [{ phi: Infinity }, /phi.*got Infinity/],
    [{ lambda: -0.1 }, /lambda must be a finite number ≥ 0/],
    [{ kScale: 0 }, /kScale must be a finite number > 0/],
    [{ kUnit: 'hertz' }, /kUnit must be one of 'cycles', 'radians', 'index'; got "hertz"/],
  ])('resolvent %j', async (extra, message) => {
    const msg = await fieldOf(cpu.resolvent(ok, { shape: [8], batch: 1, ...(extra as object) }));
    expect(msg).toMatch(message);
  });
});
