import { describe, expect, it } from 'vitest';
import { K_UNITS } from '../engine';
import { dimsOf } from '../workloads/generator-catalog';
import { generate } from '../workloads/generators';
import { MAX_TOTAL_SAMPLES } from '../workloads/param-rules';
import { createRng } from '../workloads/rng';
import {
  CONFIG_FIELDS,
  DEFAULT_CONFIG,
  parseConfig,
  PlaygroundConfigSchema,
  shapeOf,
  validateField,
  workloadOf,
  type ConfigField,
  type PlaygroundConfig,
} from './config';
import { potentialFits } from './kind-config';
import { quantumLimits } from './quantum-limits';

/** Every cross-field rule parseConfig promises, on top of the per-field schema. */
function expectConsistent(config: PlaygroundConfig): void {
  expect(PlaygroundConfigSchema.safeParse(config).success).toBe(true);
  expect(dimsOf(config.generator)).toBe(config.dims);
  const perSignal = config.dims === 1 ? config.n : config.ny * config.nx;
  expect(config.batch * perSignal).toBeLessThanOrEqual(MAX_TOTAL_SAMPLES);
  expect(potentialFits(config.potential, config.dims)).toBe(true);
  if (config.kind === 'walsh') expect(config.dims).toBe(1);
  expect(quantumLimits(config)).toEqual([]);
}

describe('DEFAULT_CONFIG', () => {
  it('is valid and parses to itself without problems', () => {
    expectConsistent(DEFAULT_CONFIG);
    expect(parseConfig({ ...DEFAULT_CONFIG })).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('drives a workload the generators accept', () => {
    expect(shapeOf(DEFAULT_CONFIG)).toEqual([1024]);
    expect(generate(workloadOf(DEFAULT_CONFIG))).toHaveLength(64 * 1024);
  });
});

describe('shapeOf and workloadOf', () => {
  it('use n in 1D and [ny, nx] in 2D, and carry every generator parameter', () => {
    const c: PlaygroundConfig = { ...DEFAULT_CONFIG, generator: 'blob', dims: 2, ny: 32, nx: 64 };
    expect(shapeOf(c)).toEqual([32, 64]);
    expect(workloadOf(c)).toEqual({
      generator: 'blob',
      shape: [32, 64],
      batch: 64,
      seed: 1,
      f0: 0.01,
      f1: 0.25,
      tones: 5,
      snrDb: 6,
      sigma: 8,
      cell: 16,
    });
  });
});

describe('validateField', () => {
  it('names the field, the allowed values and the value it got', () => {
    expect(validateField('phi', -2)).toEqual({
      ok: false,
      message: 'φ must be a finite number > 0 (at most 1e6); got -2',
    });
    expect(validateField('n', 1000)).toEqual({
      ok: false,
      message: 'n must be a power of two from 2 to 1048576 (2^20); got 1000',
    });
    expect(validateField('kUnit', 'furlongs')).toEqual({
      ok: false,
      message: `k unit must be one of 'cycles', 'radians', 'index'; got "furlongs"`,
    });
  });

  it('accepts numbers and the text of numbers, as an input box gives them', () => {
    expect(validateField('phi', 0.5)).toEqual({ ok: true, value: 0.5 });
    expect(validateField('phi', ' 2.5e-1 ')).toEqual({ ok: true, value: 0.25 });
    expect(validateField('nx', '2048')).toEqual({ ok: true, value: 2048 });
    expect(validateField('dims', '2')).toEqual({ ok: true, value: 2 });
    expect(validateField('kUnit', 'radians')).toEqual({ ok: true, value: 'radians' });
    expect(validateField('generator', 'chirp')).toEqual({ ok: true, value: 'chirp' });
  });

  const bad: [ConfigField, unknown][] = [
    ['generator', 'sawtooth'],
    ['dims', 3],
    ['n', 2 ** 21],
    ['n', 1],
    ['ny', 4096],
    ['nx', 3],
    ['batch', 0],
    ['batch', 65537],
    ['batch', 1.5],
    ['phi', 0],
    ['phi', 1e6 + 1],
    ['phi', Number.POSITIVE_INFINITY],
    ['phi', '0x10'],
    ['phi', ''],
    ['lambda', -1e-9],
    ['lambda', Number.NaN],
    ['kUnit', 1],
    ['kScale', 0],
    ['seed', 2 ** 32],
    ['seed', -1],
    ['f0', 0],
    ['f1', 0.5000001],
    ['tones', 0],
    ['tones', 17],
    ['snrDb', -40.5],
    ['snrDb', '1e400'],
    ['sigma', -3],
    ['cell', 0],
    ['cell', 2.5],
  ];
  for (const [field, value] of bad) {
    it(`rejects ${field} = ${String(value)}`, () => {
      const r = validateField(field, value);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/ must be .+; got .+/);
    });
  }

  it('accepts the ends of every range', () => {
    const good: [ConfigField, unknown][] = [
      ['n', 2],
      ['n', 2 ** 20],
      ['nx', 2048],
      ['batch', 65536],
      ['phi', 1e6],
      ['lambda', 0],
      ['seed', 0],
      ['seed', 2 ** 32 - 1],
      ['f0', 0.5],
      ['tones', 16],
      ['snrDb', -40],
      ['snrDb', 60],
      ['cell', 1],
    ];
    for (const [field, value] of good)
      expect(validateField(field, value)).toEqual({ ok: true, value });
  });

  it('reports an unknown field instead of throwing', () => {
    const r = validateField('colour' as ConfigField, 1);
    expect(r).toEqual({ ok: false, message: 'unknown field "colour"' });
  });
});

describe('parseConfig: field by field', () => {
  it('fills missing fields from the defaults without problems', () => {
    const { config, problems } = parseConfig({ n: 4096, kUnit: 'index' });
    expect(problems).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, n: 4096, kUnit: 'index' });
  });

  it('replaces each invalid field by the default and names field, value and allowed values', () => {
    const { config, problems } = parseConfig({ n: 1000, phi: -2, tones: 4 });
    expect(config).toEqual({ ...DEFAULT_CONFIG, tones: 4 });
    expect(problems).toEqual([
      {
        field: 'n',
        message: 'n must be a power of two from 2 to 1048576 (2^20); got 1000; using 1024',
      },
      {
        field: 'phi',
        message: 'φ must be a finite number > 0 (at most 1e6); got -2; using 1.618034',
      },
    ]);
  });

  it('falls back to the given base configuration instead of the defaults', () => {
    const base: PlaygroundConfig = { ...DEFAULT_CONFIG, phi: 3, n: 64 };
    const { config, problems } = parseConfig({ phi: 'lots', seed: 9 }, base);
    expect(config).toEqual({ ...base, seed: 9 });
    expect(problems.map((p) => p.message)).toEqual([
      'φ must be a finite number > 0 (at most 1e6); got "lots"; using 3',
    ]);
  });

  it('reports unknown fields, at most five of them plus a count', () => {
    const raw = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`junk${i}`, i]));
    const { config, problems } = parseConfig({ ...raw, n: 256 });
    expect(config.n).toBe(256);
    expect(problems).toHaveLength(6);
    expect(problems[0]?.field).toBe('junk0');
    expect(problems[5]?.message).toBe('995 more unknown fields ignored');
  });
});

describe('parseConfig: generator and dims agree', () => {
  it('takes dims from a generator given alone', () => {
    expect(parseConfig({ generator: 'blob' })).toEqual({
      config: { ...DEFAULT_CONFIG, generator: 'blob', dims: 2 },
      problems: [],
    });
  });

  it('picks a generator of the given dims, keeping the base one when it fits', () => {
    expect(parseConfig({ dims: 2 }).config.generator).toBe('blob');
    const base: PlaygroundConfig = { ...DEFAULT_CONFIG, generator: 'checkerboard', dims: 2 };
    expect(parseConfig({ dims: 2 }, base).config.generator).toBe('checkerboard');
    expect(parseConfig({ dims: 1 }, base).config.generator).toBe('coherent');
  });

  it('keeps dims and replaces a generator of the other kind, with a problem', () => {
    const { config, problems } = parseConfig({ generator: 'noise2d', dims: 1 });
    expect(config.generator).toBe(DEFAULT_CONFIG.generator);
    expect(config.dims).toBe(1);
    expect(problems).toEqual([
      {
        field: 'generator',
        message: `generator 'noise2d' makes 2D signals but dims is 1; using '${DEFAULT_CONFIG.generator}'`,
      },
    ]);
  });
});

describe('parseConfig: total size', () => {
  it('lowers a batch that would exceed 2^26 samples, and says so', () => {
    const { config, problems } = parseConfig({ n: 2 ** 20, batch: 65536 });
    expect(config.batch).toBe(64);
    expect(problems).toEqual([
      {
        field: 'batch',
        message:
          'batch × samples per signal must be at most 67108864 (2^26); 65536 × 1048576 is more; using batch 64',
      },
    ]);
    expect(parseConfig({ dims: 2, ny: 2048, nx: 2048 }).config.batch).toBe(16);
  });
});

describe('parseConfig: hostile input never throws', () => {
  const hostile: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'n=1024'],
    ['a number', 42],
    ['an array', [1, 2, 3]],
    ['a function', () => 1],
    ['a bigint', 10n],
  ];
  for (const [what, raw] of hostile) {
    it(`${what}: defaults and one problem`, () => {
      const { config, problems } = parseConfig(raw);
      expect(config).toEqual(DEFAULT_CONFIG);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toMatch(/^the configuration must be an object of fields; got /);
    });
  }

  it('ignores __proto__ and constructor keys without polluting any prototype', () => {
    const raw: unknown = JSON.parse(
      '{"__proto__": {"polluted": 1, "n": 8}, "constructor": {"prototype": {"polluted": 2}}, "n": 2048}',
    );
    const { config, problems } = parseConfig(raw);
    expect(config).toEqual({ ...DEFAULT_CONFIG, n: 2048 });
    expect(problems.map((p) => p.field)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('survives throwing getters, proxies, cycles and bigints in values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const getter = Object.defineProperty({}, 'phi', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const trap = (): never => {
      throw new Error('trap');
    };
    const proxy = new Proxy(
      {},
      { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap },
    );
    for (const raw of [getter, proxy, { n: cyclic, seed: 5n, tones: Symbol('x') }]) {
      const { config } = parseConfig(raw);
      expect(config).toEqual(DEFAULT_CONFIG);
    }
    const { problems } = parseConfig({ n: cyclic });
    expect(problems[0]?.message).toBe(
      'n must be a power of two from 2 to 1048576 (2^20); got [object Object]; using 1024',
    );
  });

  it('always returns a consistent configuration for random junk', () => {
    const rng = createRng(2024);
    const junk: unknown[] = [
      null,
      true,
      'x',
      '',
      '12',
      '-0',
      0,
      -1,
      0.5,
      1,
      2,
      3,
      16,
      1024,
      2 ** 20,
      2 ** 30,
      1e300,
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      [],
      {},
      [1024],
      'blob',
      'noise2d',
      'coherent',
      'radians',
      'index',
      'walsh',
      'quantum',
      'double-slit',
      true,
      'false',
      -1e5,
      '__proto__',
    ];
    const pick = (): unknown => junk[Math.floor(rng.next() * junk.length)];
    for (let trial = 0; trial < 300; trial++) {
      const raw = Object.fromEntries(
        CONFIG_FIELDS.filter(() => rng.next() < 0.6).map((f) => [f, pick()]),
      );
      const { config, problems } = parseConfig(raw);
      expectConsistent(config);
      for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it('lists k units the engine knows', () => {
    for (const u of K_UNITS) expect(parseConfig({ kUnit: u }).config.kUnit).toBe(u);
  });
});
