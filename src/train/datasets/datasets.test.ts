import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  loadDataset,
  modularAddition,
  penguinsFrom,
  regression1d,
  splitDataset,
  twoSpirals,
  type JsonReader,
} from '.';

const readJson: JsonReader = async (url) => JSON.parse(await readFile(url, 'utf8')) as unknown;

describe('data sets', () => {
  it('loads iris: 150 standardized examples, 3 balanced classes', async () => {
    const d = await loadDataset('iris', { seed: 1 });
    expect(d).toMatchObject({ count: 150, inputDim: 4, outputDim: 3, loss: 'ce' });
    const mean0 =
      Array.from({ length: 150 }, (_, i) => d.x[i * 4] as number).reduce((a, b) => a + b) / 150;
    expect(Math.abs(mean0)).toBeLessThan(1e-12);
    expect([0, 1, 2].map((c) => d.y.filter((y) => y === c).length)).toEqual([50, 50, 50]);
  });

  it('loads penguins through the schema, dropping incomplete rows', async () => {
    const d = await loadDataset('penguins', { seed: 1, read: readJson });
    expect(d.count).toBe(342);
    expect(d.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    const sample = {
      Species: 'Gentoo',
      'Beak Length (mm)': 45,
      'Beak Depth (mm)': 15,
      'Flipper Length (mm)': 210,
      'Body Mass (g)': 5000,
    };
    const parsed = penguinsFrom([
      sample,
      { ...sample, 'Body Mass (g)': null },
      { ...sample, Species: 'Emperor' },
      'row',
    ]);
    expect(parsed.count).toBe(1);
    expect(parsed.dropped).toBe(3);
    expect(() => penguinsFrom({ not: 'an array' })).toThrow();
    expect(() => penguinsFrom([])).toThrow(/no complete rows/);
  });

  it('builds a balanced MNIST subset from the per-digit files, validating pixels', async () => {
    // Stand-in digit files (the real ones hold 22 MB of JSON): image i of digit d is all (d + i) / 20.
    const files = new Map<string, unknown>();
    for (let d = 0; d < 10; d++)
      files.set(`${d}.json`, {
        data: Array.from({ length: 4 * 784 }, (_, k) => (d + Math.floor(k / 784)) / 20),
      });
    const read: JsonReader = (url) =>
      Promise.resolve(files.get(url.pathname.split('/').pop() ?? ''));
    const d = await loadDataset('mnist', { seed: 1, size: 3, read });
    expect(d).toMatchObject({ count: 30, inputDim: 784, outputDim: 10 });
    expect(Array.from(d.y.slice(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(d.x[11 * 784]).toBe((1 + 1) / 20); // example 11 = image 1 of digit 1
    await expect(loadDataset('mnist', { seed: 1, size: 5, read })).rejects.toThrow(
      /fewer than 5 images/,
    );
    files.set('7.json', { data: ['x'] });
    await expect(loadDataset('mnist', { seed: 1, size: 1, read })).rejects.toThrow(/digit 7/);
  });

  it('synthetic sets are deterministic per seed', () => {
    expect(twoSpirals(50, 3).x).toEqual(twoSpirals(50, 3).x);
    expect(twoSpirals(50, 3).x).not.toEqual(twoSpirals(50, 4).x);
    expect(regression1d(20, 1).y).toEqual(regression1d(20, 1).y);
    const m = modularAddition(5, 2);
    expect(m.count).toBe(25);
    for (let i = 0; i < m.count; i++) {
      const row = Array.from(m.x.slice(i * 10, (i + 1) * 10));
      const a = row.indexOf(1);
      const b = row.lastIndexOf(1) - 5;
      expect(m.y[i]).toBe((a + b) % 5);
    }
  });

  it('splits are seeded, disjoint and complete', () => {
    const d = twoSpirals(40, 1);
    const s = splitDataset(d, 0.25, 7);
    expect([s.train.count, s.validation.count]).toEqual([30, 10]);
    expect(splitDataset(d, 0.25, 7).validation.x).toEqual(s.validation.x);
    expect(splitDataset(d, 0.25, 8).validation.x).not.toEqual(s.validation.x);
    const key = (x: Float64Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const all = new Set([
      ...Array.from({ length: 30 }, (_, i) => key(s.train.x, i)),
      ...Array.from({ length: 10 }, (_, i) => key(s.validation.x, i)),
    ]);
    expect(all.size).toBe(40);
  });
});
