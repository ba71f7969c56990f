import { describe, expect, it } from 'vitest';
import { createCpuEngine, type ResolventResult } from '../engine';
import { DEFAULT_CONFIG, parseConfig, shapeOf, type PlaygroundConfig } from '../io/config';
import { generate } from '../workloads';
import { frameWorkload } from './live';
import {
  configFromFields,
  PRESETS,
  presetById,
  presetConfig,
  presetShowing,
  type PresetId,
} from './presets';

const cpu = createCpuEngine();

/** One frame of the configuration on the float64 CPU engine, and its input samples. */
async function run(config: PlaygroundConfig, batch = 8) {
  const c = { ...config, batch: Math.min(batch, config.batch) };
  const input = generate(frameWorkload(c, 0));
  const { phi, lambda, kUnit, kScale } = c;
  const shape = shapeOf(c);
  const result = await cpu.resolvent(input, {
    shape,
    batch: c.batch,
    phi,
    lambda,
    kUnit,
    kScale,
    real: true,
  });
  return { input, result, n: shape.reduce((a, b) => a * b, 1) };
}

/** Real part of sample i of the filtered (interleaved complex) output. */
function filteredAt(result: ResolventResult, i: number): number {
  return result.filtered[2 * i] ?? NaN;
}

function highKShare(result: ResolventResult, n: number, batch: number): number {
  let energy = 0;
  for (const e of result.energy) energy += e;
  return (result.batchHighKEnergy * n * batch) / energy;
}

function rms(values: readonly number[]): number {
  return Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);
}

describe('the defaults (the first screen)', () => {
  it('show the filter at work: coherence well below 1, a visible share of energy removed', async () => {
    const { result, n } = await run(DEFAULT_CONFIG);
    expect(result.batchCoherence).toBeLessThan(0.9);
    expect(result.batchCoherence).toBeGreaterThan(0.5);
    expect(highKShare(result, n, 8)).toBeGreaterThan(0.05);
  });

  it('make the filtered line visibly differ from the original', async () => {
    const { input, result, n } = await run(DEFAULT_CONFIG, 1);
    const diff: number[] = [];
    const orig: number[] = [];
    for (let t = 0; t < n; t++) {
      diff.push((input[t] ?? 0) - filteredAt(result, t));
      orig.push(input[t] ?? 0);
    }
    expect(rms(diff) / rms(orig)).toBeGreaterThan(0.25);
  });
});

describe('presets', () => {
  it('have kebab-case ids, a label and a one-line explanation each', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.label.length).toBeGreaterThan(3);
      expect(p.explanation).not.toMatch(/\n/);
      expect(p.explanation.length).toBeLessThan(200);
    }
  });

  for (const preset of PRESETS) {
    it(`${preset.id} parses with no problems and runs the φ-resolvent`, () => {
      const { config, problems } = configFromFields(preset.fields);
      expect(problems).toEqual([]);
      // A full configuration: parsing it again from anything changes nothing.
      expect(parseConfig({ ...config }, { ...DEFAULT_CONFIG, n: 64, phi: 9 }).config).toEqual(
        config,
      );
      expect(config.kind).toBe('resolvent');
      expect(config).not.toEqual(DEFAULT_CONFIG);
      expect(config.live).toBe(true);
    });
  }

  it('refuses nothing silently: a bad field comes back as a problem', () => {
    expect(configFromFields({ phi: -1 }).problems[0]?.field).toBe('phi');
  });

  it('smooth-noise: more noise and a stronger φ than the defaults, removing more', async () => {
    const config = presetConfig(presetById('smooth-noise'));
    expect(config.snrDb).toBeLessThan(DEFAULT_CONFIG.snrDb);
    expect(config.phi).toBeGreaterThan(DEFAULT_CONFIG.phi);
    expect(config.sweep).toBe(false);
    const preset = await run(config);
    const defaults = await run(DEFAULT_CONFIG);
    expect(preset.result.batchCoherence).toBeLessThan(defaults.result.batchCoherence);
    expect(highKShare(preset.result, preset.n, 8)).toBeGreaterThan(
      highKShare(defaults.result, defaults.n, 8),
    );
  });

  it('coherent-vs-noisy: equal tone and noise power, with φ swept', () => {
    const config = presetConfig(presetById('coherent-vs-noisy'));
    expect(config).toMatchObject({ generator: 'coherent-noise', snrDb: 0, sweep: true });
  });

  it('chirp-fade: the filtered chirp is much weaker at its fast end than at its slow end', async () => {
    const config = presetConfig(presetById('chirp-fade'));
    expect(config.generator).toBe('chirp');
    const { result, n } = await run(config, 1);
    const quarter = (from: number): number[] =>
      Array.from({ length: n / 4 }, (_, i) => filteredAt(result, from + i));
    expect(rms(quarter((3 * n) / 4))).toBeLessThan(0.5 * rms(quarter(0)));
  });

  it('blur-2d: a 2D checkerboard whose edges the filter softens', async () => {
    const config = presetConfig(presetById('blur-2d'));
    expect(config).toMatchObject({ dims: 2, generator: 'checkerboard' });
    const { input, result } = await run(config, 1);
    // The largest step between neighbours along x: 2 at a ±1 edge, far less once blurred.
    const nx = config.nx;
    let inStep = 0;
    let outStep = 0;
    for (let i = 0; i < config.ny * nx; i++) {
      if (i % nx === nx - 1) continue;
      inStep = Math.max(inStep, Math.abs((input[i + 1] ?? 0) - (input[i] ?? 0)));
      outStep = Math.max(outStep, Math.abs(filteredAt(result, i + 1) - filteredAt(result, i)));
    }
    expect(inStep).toBe(2);
    expect(outStep).toBeLessThan(0.8);
  });

  it('knows which preset the page shows, until a field changes', () => {
    for (const p of PRESETS) expect(presetShowing({ ...presetConfig(p) })).toBe(p);
    const smooth = presetConfig(presetById('smooth-noise'));
    expect(presetShowing({ ...smooth, phi: 5 })).toBeNull();
    expect(presetShowing(DEFAULT_CONFIG)).toBeNull();
  });

  it('finds each preset by id, and names a missing one', () => {
    for (const p of PRESETS) expect(presetById(p.id)).toBe(p);
    expect(() => presetById('nope' as PresetId)).toThrow(/'nope'/);
  });
});
