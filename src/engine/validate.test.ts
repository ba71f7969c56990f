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

describe('any JavaScript value is refused with EngineArgumentError naming the field', () => {
  const cyclic: unknown[] = [8];
  cyclic.push(cyclic);
  const nullProto = Object.create(null) as object;
  // Every case is refused by the operator's checks before any work, never with a TypeError.
  it.each<[string, () => Promise<unknown>, string, RegExp]>([
    ['fft null options', () => cpu.fft(ok, null as never), 'options', /options must be an object/],
    ['fft string options', () => cpu.fft(ok, 'x' as never), 'options', /got "x"/],
    ['fft array options', () => cpu.fft(ok, [] as never), 'options', /got an array of 0/],
    ['fft null data', () => cpu.fft(null as never, { shape: [8], batch: 1 }), 'data', /got null/],
    [
      'fft BigInt data',
      () => cpu.fft(new BigInt64Array(16) as never, { shape: [8], batch: 1 }),
      'data',
      /BigInt64Array/,
    ],
    [
      'fft BigInt sample',
      () => cpu.fft([...new Array<number>(15).fill(0), 1n] as never, { shape: [8], batch: 1 }),
      'data',
      /1n \(a BigInt\) at index 15/,
    ],
    [
      'fft BigInt batch',
      () => cpu.fft(ok, { shape: [8], batch: 1n } as never),
      'batch',
      /got 1n \(a BigInt\)/,
    ],
    [
      'fft BigInt axis',
      () => cpu.fft(ok, { shape: [8n], batch: 1 } as never),
      'shape[0] (n)',
      /got 8n/,
    ],
    [
      'fft cyclic shape',
      () => cpu.fft(ok, { shape: cyclic, batch: 1 } as never),
      'shape[1] (nx)',
      /got an array of 2/,
    ],
    [
      'fft cyclic 3D shape',
      () => cpu.fft(ok, { shape: [cyclic, cyclic, cyclic], batch: 1 } as never),
      'shape',
      /\[an array of 2, an array of 2, an array of 2\]/,
    ],
    [
      'fft null-prototype shape',
      () => cpu.fft(ok, { shape: nullProto, batch: 1 } as never),
      'shape',
      /got an object/,
    ],
    [
      "fft real: 'false'",
      () => cpu.fft(ok, { shape: [8], batch: 1, real: 'false' } as never),
      'real',
      /real must be true or false.*got "false"/,
    ],
    [
      'fft inverse: 1',
      () => cpu.fft(ok, { shape: [8], batch: 1, inverse: 1 } as never),
      'inverse',
      /got 1/,
    ],
    [
      'resolvent kUnit BigInt',
      () => cpu.resolvent(ok, { shape: [8], batch: 1, kUnit: 1n } as never),
      'kUnit',
      /got 1n/,
    ],
    [
      'resolvent kUnit cyclic',
      () => cpu.resolvent(ok, { shape: [8], batch: 1, kUnit: cyclic } as never),
      'kUnit',
      /got an array of 2/,
    ],
    [
      'resolvent fused: null',
      () => cpu.resolvent(ok, { shape: [8], batch: 1, fused: null } as never),
      'fused',
      /got null/,
    ],
    [
      'resolvent phi BigInt',
      () => cpu.resolvent(ok, { shape: [8], batch: 1, phi: 2n } as never),
      'phi',
      /got 2n/,
    ],
    ['wht null options', () => cpu.wht(ok, undefined as never), 'options', /got undefined/],
    [
      'filter gains null-prototype',
      () => cpu.filter(ok, { shape: [8], batch: 1, gains: nullProto } as never),
      'gains',
      /got an object/,
    ],
    [
      'filter gains BigInt',
      () => cpu.filter(ok, { shape: [8], batch: 1, gains: new BigUint64Array(8) } as never),
      'gains',
      /BigUint64Array/,
    ],
    [
      'filter real: "true"',
      () =>
        cpu.filter(ok, { shape: [8], batch: 1, gains: new Float32Array(8), real: 'true' } as never),
      'real',
      /got "true"/,
    ],
    [
      'propagate steps BigInt',
      () => cpu.propagate(ok, { shape: [8], batch: 1, dt: 0.1, steps: 1n } as never),
      'steps',
      /got 1n/,
    ],
    [
      'propagate fused: 0',
      () => cpu.propagate(ok, { shape: [8], batch: 1, dt: 0.1, steps: 1, fused: 0 } as never),
      'fused',
      /got 0/,
    ],
    ['propagate null options', () => cpu.propagate(ok, null as never), 'options', /got null/],
  ])('%s', async (_name, call, field, message) => {
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EngineArgumentError);
    expect((error as EngineArgumentError).field).toBe(field);
    expect((error as EngineArgumentError).message).toMatch(message);
  });

  it('real: false and an explicit fused: true are still accepted', async () => {
    await expect(cpu.fft(ok, { shape: [8], batch: 1, real: false })).resolves.toBeTruthy();
    await expect(cpu.resolvent(ok, { shape: [8], batch: 1, fused: true })).resolves.toBeTruthy();
  });
});
