import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig, validateField, type PlaygroundConfig } from './config';
import { withDims, withKind } from './config-reconcile';
import { KIND_DEFAULTS } from './kind-config';
import { decodeHash, encodeHash, loadStored, saveStored } from './permalink';
import { quantumLimits } from './quantum-limits';

const QUANTUM: PlaygroundConfig = { ...DEFAULT_CONFIG, kind: 'quantum' };

describe('kind fields: one field at a time', () => {
  it('default to the φ-resolvent, so links made before the kinds existed mean what they meant', () => {
    expect(DEFAULT_CONFIG.kind).toBe('resolvent');
    expect(encodeHash(DEFAULT_CONFIG)).toBe('');
  });

  it('accept the values of each rule, from numbers and from text', () => {
    expect(validateField('kind', 'quantum')).toEqual({ ok: true, value: 'quantum' });
    expect(validateField('potential', 'double-well')).toEqual({ ok: true, value: 'double-well' });
    expect(validateField('dt', '0.01')).toEqual({ ok: true, value: 0.01 });
    expect(validateField('dt', 1)).toEqual({ ok: true, value: 1 });
    expect(validateField('stepsPerFrame', '1000')).toEqual({ ok: true, value: 1000 });
    expect(validateField('x0', '-12.5')).toEqual({ ok: true, value: -12.5 });
    expect(validateField('barrierHeight', -3)).toEqual({ ok: true, value: -3 });
  });

  it('refuse bad values with a message naming the field and the allowed values', () => {
    expect(validateField('kind', 'fourier')).toEqual({
      ok: false,
      message: `kind must be one of 'resolvent', 'walsh', 'quantum'; got "fourier"`,
    });
    expect(validateField('potential', 'cliff')).toEqual({
      ok: false,
      message:
        `potential must be one of 'free', 'harmonic', 'barrier', 'double-well', ` +
        `'double-slit'; got "cliff"`,
    });
    expect(validateField('dt', -0.01)).toEqual({
      ok: false,
      message: 'dt must be a finite time step > 0 and at most 1; got -0.01',
    });
    expect(validateField('stepsPerFrame', 2.5)).toEqual({
      ok: false,
      message: 'steps per frame must be a whole number from 1 to 1000; got 2.5',
    });
    const bad: [keyof PlaygroundConfig, unknown][] = [
      ['dt', 0],
      ['dt', 1.5],
      ['dt', 'NaN'],
      ['stepsPerFrame', 0],
      ['stepsPerFrame', 1001],
      ['dx', 0],
      ['dx', 1e3],
      ['x0', 'left'],
      ['k0', Number.POSITIVE_INFINITY],
      ['packetSigma', 0],
      ['omega', 0],
      ['barrierHeight', 1e5],
      ['barrierWidth', -1],
      ['wellDepth', ''],
      ['wellSeparation', 0],
      ['wallHeight', '1e400'],
      ['slitWidth', 0],
      ['slitSeparation', -2],
    ];
    for (const [field, value] of bad) {
      const r = validateField(field, value);
      expect(r.ok, `${field} = ${String(value)}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/ must be .+; got .+/);
    }
  });
});

describe('kind fields: the rules between fields', () => {
  it('the Walsh–Hadamard kind is 1D: it sets dims, and says so when dims 2 was asked for', () => {
    expect(parseConfig({ kind: 'walsh', dims: 2 })).toEqual({
      config: { ...DEFAULT_CONFIG, kind: 'walsh' },
      problems: [
        {
          field: 'dims',
          message: "kind 'walsh' transforms 1D signals but dims is 2; using dims 1",
        },
      ],
    });
    const base: PlaygroundConfig = { ...DEFAULT_CONFIG, dims: 2, generator: 'blob' };
    expect(parseConfig({ kind: 'walsh' }, base)).toEqual({
      config: { ...base, kind: 'walsh', dims: 1, generator: 'coherent' },
      problems: [],
    });
    const { problems } = parseConfig({ kind: 'walsh', generator: 'blob' });
    expect(problems.map((p) => p.field)).toEqual(['generator']);
  });

  it('the double slit needs a 2D grid', () => {
    const { config, problems } = parseConfig({ kind: 'quantum', potential: 'double-slit' });
    expect(config.potential).toBe('barrier');
    expect(problems).toEqual([
      {
        field: 'potential',
        message: "potential 'double-slit' needs a 2D grid but dims is 1; using 'barrier'",
      },
    ]);
    expect(parseConfig({ potential: 'double-slit', dims: 2 }).problems).toEqual([]);
  });

  it('hold the packet to its grid only in the quantum kind, replacing what breaks a limit', () => {
    // 16 points of 0.1: the box is 1.6 wide, too small for x₀ = −8 and σ = 1.5.
    expect(parseConfig({ n: 16 }).problems).toEqual([]);
    const { config, problems } = parseConfig({ kind: 'quantum', n: 16, k0: 40 });
    expect(problems.map((p) => p.message)).toEqual([
      'x₀ must lie inside the grid, |x₀| < n·dx/2 = 0.8; got -8; using -0.64',
      "k₀ must be below the grid's highest wavenumber, |k₀| < π/dx = 31.42; got 40; using 15.71",
      "σ (packet width) must be from dx = 0.1 (resolved by the grid) to 0.2 (an eighth of the grid's 1.6); got 1.5; using 0.2",
    ]);
    expect(quantumLimits(config)).toEqual([]);
    const big = { kind: 'quantum', dims: 2, ny: 2048, nx: 2048, batch: 1 };
    expect(parseConfig({ ...big, stepsPerFrame: 4 }).problems).toEqual([]);
    const heavy = parseConfig({ ...big, stepsPerFrame: 50 });
    expect(heavy.config.stepsPerFrame).toBe(4);
    expect(heavy.problems[0]?.message).toMatch(/^steps per frame × grid points must be at most/);
  });

  it('withDims and withKind keep every rule when the user switches', () => {
    const slit = withDims({ ...QUANTUM, potential: 'double-slit', dims: 2 }, 1);
    expect(slit.potential).toBe('barrier');
    expect(slit.generator).toBe(DEFAULT_CONFIG.generator);
    const walsh = withKind({ ...DEFAULT_CONFIG, dims: 2, generator: 'checkerboard' }, 'walsh');
    expect(walsh).toMatchObject({ kind: 'walsh', dims: 1, generator: 'coherent' });
    const tiny = withKind({ ...DEFAULT_CONFIG, n: 32 }, 'quantum');
    expect(quantumLimits(tiny)).toEqual([]);
  });
});

describe('kind fields in the permalink', () => {
  it('encode with short keys and decode to the same configuration', () => {
    const c: PlaygroundConfig = {
      ...QUANTUM,
      potential: 'double-slit',
      dims: 2,
      generator: 'blob',
      ny: 64,
      nx: 128,
      dx: 0.25,
      x0: -5.5,
      k0: 4,
      dt: 0.002,
      stepsPerFrame: 20,
      wallHeight: 80,
      slitSeparation: 3,
    };
    const hash = encodeHash(c);
    expect(hash).toBe(
      '#gen=blob&dims=2&ny=64&nx=128&kind=quantum&pot=double-slit&x0=-5.5&k0=4&dx=0.25' +
        '&dt=0.002&steps=20&wall=80&ssep=3',
    );
    expect(decodeHash(hash)).toEqual({ config: c, problems: [] });
  });

  it('a link with an out-of-range dt names dt and runs on the default dt', () => {
    const { config, problems } = decodeHash('#kind=quantum&dt=5&steps=abc');
    expect(config).toEqual({ ...QUANTUM });
    expect(problems).toEqual([
      {
        field: 'dt',
        message: `dt must be a finite time step > 0 and at most 1; got "5"; using ${KIND_DEFAULTS.dt}`,
      },
      {
        field: 'stepsPerFrame',
        message: 'steps per frame must be a whole number from 1 to 1000; got "abc"; using 50',
      },
    ]);
  });

  it('round-trip through localStorage, and a corrupt stored kind is named', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
    const c: PlaygroundConfig = { ...QUANTUM, potential: 'harmonic', omega: 0.75, x0: -3 };
    saveStored(storage, c);
    expect(loadStored(storage)).toEqual({ config: c, problems: [] });
    saveStored(storage, { ...c, kind: 'telepathy' } as unknown as PlaygroundConfig);
    const corrupt = loadStored(storage);
    expect(corrupt.config.kind).toBe('resolvent');
    expect(corrupt.problems.map((p) => p.field)).toEqual(['kind']);
  });
});
