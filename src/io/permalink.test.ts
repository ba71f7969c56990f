import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../workloads/generator-catalog';
import { createRng } from '../workloads/rng';
import { DEFAULT_CONFIG, type PlaygroundConfig } from './config';
import { KINDS, POTENTIAL_INFO, type KindConfig } from './kind-config';
import {
  decodeHash,
  encodeHash,
  loadStored,
  MAX_HASH_CHARS,
  saveStored,
  STORAGE_KEY,
} from './permalink';

type Rng = ReturnType<typeof createRng>;

/** Random kind fields that keep every rule between fields (quantum-limits.ts) for the grid. */
function randomKindFields(rng: Rng, dims: 1 | 2, lengthX: number, dx: number): KindConfig {
  const kind = KINDS[Math.floor(rng.next() * KINDS.length)] ?? 'resolvent';
  const fits = POTENTIAL_INFO.filter((p) => p.dims.includes(dims));
  const potential = fits[Math.floor(rng.next() * fits.length)]?.id ?? 'free';
  return {
    kind: dims === 2 && kind === 'walsh' ? 'quantum' : kind,
    potential,
    x0: rng.uniform(-0.45, 0.45) * lengthX,
    k0: rng.uniform(-0.9, 0.9) * (Math.PI / dx),
    packetSigma: dx * (1 + rng.next()),
    dx,
    dt: rng.uniform(1e-6, 1),
    stepsPerFrame: 1 + Math.floor(rng.next() * 16),
    omega: rng.uniform(1e-3, 100),
    barrierHeight: rng.uniform(-1e4, 1e4),
    barrierWidth: rng.uniform(1e-3, 10) / 3,
    wellDepth: rng.uniform(-50, 50),
    wellSeparation: rng.uniform(0.1, 20),
    wallHeight: rng.uniform(0, 1e4),
    slitWidth: rng.uniform(0.01, 5),
    slitSeparation: rng.uniform(0.01, 20),
  };
}

/** A random configuration inside every range, with awkward floats. */
function randomConfig(seed: number): PlaygroundConfig {
  const rng = createRng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));
  const gen = GENERATORS[int(0, GENERATORS.length - 1)] ?? GENERATORS[0];
  if (!gen) throw new Error('no generators');
  const dims = gen.dims;
  const n = 2 ** int(4, 16);
  const ny = 2 ** int(4, 8);
  const nx = 2 ** int(4, 8);
  const dx = rng.uniform(1e-4, 100);
  return {
    ...randomKindFields(rng, dims, (dims === 1 ? n : nx) * dx, dx),
    generator: gen.id,
    dims,
    n,
    ny,
    nx,
    batch: int(1, 64),
    phi: rng.uniform(1e-9, 1e6),
    lambda: rng.next() < 0.5 ? 0 : rng.uniform(0, 10) / 3,
    kUnit: (['cycles', 'radians', 'index'] as const)[int(0, 2)] ?? 'cycles',
    kScale: rng.uniform(1e-3, 1e3),
    seed: int(0, 2 ** 32 - 1),
    f0: 0.5 - rng.next() * 0.4999,
    f1: 0.5 - rng.next() * 0.4999,
    tones: int(1, 16),
    snrDb: rng.uniform(-40, 60),
    sigma: rng.uniform(0.1, 100),
    cell: int(1, 2048),
    live: rng.next() < 0.5,
    sweep: rng.next() < 0.5,
  };
}

describe('encodeHash', () => {
  it('writes only the fields that differ from the defaults, with short readable keys', () => {
    expect(encodeHash(DEFAULT_CONFIG)).toBe('');
    const c: PlaygroundConfig = { ...DEFAULT_CONFIG, n: 2048, phi: 0.5, kUnit: 'cycles' };
    expect(encodeHash(c)).toBe('#n=2048&phi=0.5&k=cycles');
    const live: PlaygroundConfig = { ...DEFAULT_CONFIG, live: true, sweep: true };
    expect(encodeHash(live)).toBe('#live=true&sweep=true');
    const blob: PlaygroundConfig = { ...DEFAULT_CONFIG, generator: 'blob', dims: 2, snrDb: -3.5 };
    expect(encodeHash(blob)).toBe('#gen=blob&dims=2&snr=-3.5');
  });
});

describe('decodeHash', () => {
  it('round-trips random configurations exactly', () => {
    for (let seed = 0; seed < 200; seed++) {
      const c = randomConfig(seed);
      expect(decodeHash(encodeHash(c))).toEqual({ config: c, problems: [] });
    }
  });

  it('reads a hand-written hash, with or without #, and infers dims from the generator', () => {
    expect(decodeHash('#gen=checkerboard&cell=4').config).toEqual({
      ...DEFAULT_CONFIG,
      generator: 'checkerboard',
      dims: 2,
      cell: 4,
    });
    expect(decodeHash('n=64&&phi=2').config).toEqual({ ...DEFAULT_CONFIG, n: 64, phi: 2 });
    expect(decodeHash('')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(decodeHash('#')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('reports bad percent-encoding and keeps the good parts', () => {
    const { config, problems } = decodeHash('#n=%E0%A4%A&phi=%32');
    expect(config).toEqual({ ...DEFAULT_CONFIG, phi: 2 });
    expect(problems).toEqual([
      {
        field: 'hash',
        message: "'n=%E0%A4%A' in the URL hash is not valid percent-encoding; ignored",
      },
    ]);
  });

  it('reports unknown keys, prototype keys included, and pollutes nothing', () => {
    const { config, problems } = decodeHash('#__proto__=1&constructor=2&colour=red&n=32');
    expect(config).toEqual({ ...DEFAULT_CONFIG, n: 32 });
    expect(problems).toHaveLength(3);
    ['__proto__', 'constructor', 'colour'].forEach((key, i) => {
      expect(problems[i]?.message).toMatch(
        new RegExp(`^unknown key '${key}' in the URL hash ignored; known keys: gen, dims, n,`),
      );
    });
    expect(({} as Record<string, unknown>).n).toBeUndefined();
  });

  it('replaces NaN, huge, empty and misspelt values by defaults, naming each', () => {
    const { config, problems } = decodeHash(
      '#phi=NaN&n=1e400&batch=99999999999&seed=&k=Radians&tones',
    );
    expect(config).toEqual(DEFAULT_CONFIG);
    // In field order, whatever the order in the hash.
    expect(problems.map((p) => p.field)).toEqual(['n', 'batch', 'phi', 'kUnit', 'seed', 'tones']);
    expect(problems.find((p) => p.field === 'phi')?.message).toBe(
      'φ must be a finite number > 0 (at most 1e6); got "NaN"; using 1.618034',
    );
    expect(problems.find((p) => p.field === 'n')?.message).toMatch(/got "1e400"; using 1024$/);
  });

  it('uses the last of repeated keys and says so', () => {
    const { config, problems } = decodeHash('#n=64&n=128');
    expect(config.n).toBe(128);
    expect(problems).toEqual([
      { field: 'n', message: "'n' appears 2 times in the URL hash; using the last" },
    ]);
  });

  it('collapses repeated keys into one line per key and at most a few lines', () => {
    const once = decodeHash(`#${'n=64&'.repeat(800)}n=128`);
    expect(once.config.n).toBe(128);
    expect(once.problems).toEqual([
      { field: 'n', message: "'n' appears 801 times in the URL hash; using the last" },
    ]);
    const keys = ['n', 'batch', 'phi', 'seed', 'f0', 'f1', 'tones', 'snr'];
    const many = decodeHash(`#${keys.map((k) => `${k}=1&${k}=2`).join('&')}`);
    const repeats = many.problems.filter((p) => /appear/.test(p.message));
    expect(repeats).toHaveLength(6);
    expect(repeats[5]?.message).toBe(
      '3 more keys appear more than once in the URL hash; using the last of each',
    );
  });

  it('refuses an overlong hash outright and caps the number of reports', () => {
    const long = decodeHash(`#n=${'1'.repeat(MAX_HASH_CHARS)}`);
    expect(long.config).toEqual(DEFAULT_CONFIG);
    expect(long.problems[0]?.message).toMatch(/more than the 4096 allowed/);
    const many = decodeHash(`#${Array.from({ length: 100 }, (_, i) => `q${i}=1`).join('&')}`);
    expect(many.problems).toHaveLength(6);
    expect(many.problems[5]?.message).toBe('95 more bad parts of the URL hash ignored');
  });

  it('never throws, whatever it is given', () => {
    const rng = createRng(99);
    const alphabet = '#&=%+?abcdefknpxy0123456789.-_eE%25%zz\u00e9\u{1F600}';
    const chars = Array.from(alphabet);
    for (let i = 0; i < 500; i++) {
      const len = Math.floor(rng.next() * 40);
      const hash = Array.from(
        { length: len },
        () => chars[Math.floor(rng.next() * chars.length)],
      ).join('');
      const { config } = decodeHash(hash);
      expect(typeof config.n).toBe('number');
    }
    expect(decodeHash(42 as unknown as string).config).toEqual(DEFAULT_CONFIG);
  });
});

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('loadStored and saveStored', () => {
  it('round-trip a configuration through storage as JSON', () => {
    const storage = new MemoryStorage();
    const c = randomConfig(5);
    expect(saveStored(storage, c)).toEqual([]);
    expect(JSON.parse(storage.items.get(STORAGE_KEY) ?? '')).toEqual(c);
    expect(loadStored(storage)).toEqual({ config: c, problems: [] });
    expect(saveStored(storage, DEFAULT_CONFIG, 'other')).toEqual([]);
    expect(loadStored(storage, 'other').config).toEqual(DEFAULT_CONFIG);
  });

  it('gives the defaults and no problem when nothing is stored', () => {
    expect(loadStored(new MemoryStorage())).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('reports corrupt JSON, a non-object and bad fields', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"n": 2048,');
    const corrupt = loadStored(storage);
    expect(corrupt.config).toEqual(DEFAULT_CONFIG);
    expect(corrupt.problems[0]?.message).toMatch(
      /^localStorage 'phi-resolvent-playground\/config' is not valid JSON \(SyntaxError: .*\); using defaults$/,
    );
    storage.setItem(STORAGE_KEY, 'null');
    expect(loadStored(storage).problems[0]?.message).toMatch(
      /must be an object of fields; got null/,
    );
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...DEFAULT_CONFIG, n: 2048, tones: 99 }));
    const partial = loadStored(storage);
    expect(partial.config).toEqual({ ...DEFAULT_CONFIG, n: 2048 });
    expect(partial.problems.map((p) => p.field)).toEqual(['tones']);
    storage.setItem(STORAGE_KEY, 'x'.repeat(70000));
    expect(loadStored(storage).problems[0]?.message).toMatch(/more than 65536 characters/);
  });

  it('catch storage that throws on read or write (blocked, quota exceeded)', () => {
    const blocked = {
      getItem(): string | null {
        throw new DOMException('access denied', 'SecurityError');
      },
    };
    const read = loadStored(blocked);
    expect(read.config).toEqual(DEFAULT_CONFIG);
    expect(read.problems[0]?.message).toMatch(
      /could not read localStorage .*SecurityError: access denied/,
    );
    const full = {
      setItem(): void {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const problems = saveStored(full, DEFAULT_CONFIG);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('storage');
    expect(problems[0]?.message).toMatch(
      /the configuration was not saved to localStorage .*: the browser refused \d+ B \(QuotaExceededError: quota\); what was stored before is unchanged; the URL hash still holds it/,
    );
  });
});
