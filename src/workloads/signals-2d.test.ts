import { describe, expect, it } from 'vitest';
import { generate, type WorkloadSpec } from './generators';

const BASE: WorkloadSpec = {
  generator: 'blob',
  shape: [64, 64],
  batch: 16,
  seed: 5,
  f0: 0.1,
  f1: 0.2,
  tones: 1,
  snrDb: 0,
  sigma: 4,
  cell: 8,
};

function images(spec: WorkloadSpec): Float32Array[] {
  const [ny, nx] = spec.shape.length === 2 ? spec.shape : [1, spec.shape[0]];
  const data = generate(spec);
  return Array.from({ length: spec.batch }, (_, b) =>
    data.subarray(b * ny * nx, (b + 1) * ny * nx),
  );
}

describe('blob', () => {
  it('peaks near 1 and holds the Gaussian volume 2πσ² wherever its centre lands', () => {
    for (const img of images(BASE)) {
      const max = Math.max(...img);
      expect(max).toBeLessThanOrEqual(1);
      // The centre is within half a pixel of some pixel in each axis.
      expect(max).toBeGreaterThan(Math.exp(-0.25 / BASE.sigma ** 2));
      const sum = img.reduce((s, v) => s + v, 0);
      // Equal volume even for centres near an edge: the blob wraps around instead of being cut.
      expect(sum / (2 * Math.PI * BASE.sigma ** 2)).toBeCloseTo(1, 4);
    }
  });

  it('puts the centre of different signals at different pixels', () => {
    const argmax = images(BASE).map((img) => img.indexOf(Math.max(...img)));
    expect(new Set(argmax).size).toBeGreaterThan(12);
  });

  it('fills non-square shapes row-major with σ in pixels along both axes', () => {
    const spec: WorkloadSpec = { ...BASE, shape: [32, 128], batch: 1, sigma: 2 };
    const [img] = images(spec);
    if (!img) throw new Error('no image');
    const at = img.indexOf(Math.max(...img));
    const y = Math.floor(at / 128);
    const x = at % 128;
    // One pixel away in x (same row) and in y (one row of 128 away) fall off alike.
    const right = img[y * 128 + ((x + 1) % 128)] ?? 0;
    const left = img[y * 128 + ((x + 127) % 128)] ?? 0;
    const down = img[((y + 1) % 32) * 128 + x] ?? 0;
    const up = img[((y + 31) % 32) * 128 + x] ?? 0;
    const peak = img[at] ?? 0;
    // Product of the two sides' ratios removes the sub-pixel offset: e^{-1/σ²} for unit steps.
    expect(((right / peak) * (left / peak)) ** 0.5).toBeCloseTo(Math.exp(-0.5 / 4), 4);
    expect(((down / peak) * (up / peak)) ** 0.5).toBeCloseTo(Math.exp(-0.5 / 4), 4);
  });
});

describe('checkerboard', () => {
  const spec: WorkloadSpec = { ...BASE, generator: 'checkerboard', shape: [64, 128], batch: 6 };

  it('alternates ±1 every cell pixels along both axes, with zero mean', () => {
    const c = spec.cell;
    for (const img of images(spec)) {
      expect(img.every((v) => v === 1 || v === -1)).toBe(true);
      expect(img.reduce((s, v) => s + v, 0)).toBe(0);
      let unflipped = 0;
      for (let y = 0; y < 64 - c; y++) {
        for (let x = 0; x < 128 - c; x++) {
          const v = img[y * 128 + x] ?? 0;
          if (img[y * 128 + x + c] !== -v) unflipped += 1;
          if (img[(y + c) * 128 + x] !== -v) unflipped += 1;
        }
      }
      expect(unflipped).toBe(0);
    }
  });

  it('shifts the pattern by a random offset per signal', () => {
    const offsets = images(spec).map((img) => `${img.indexOf(-1)}:${img.slice(0, 16).join()}`);
    expect(new Set(offsets).size).toBeGreaterThan(3);
  });

  it('changes cell size with the cell parameter', () => {
    const [img] = images({ ...spec, cell: 3, batch: 1 });
    if (!img) throw new Error('no image');
    const row = Array.from(img.subarray(0, 128));
    const runs = row.reduce((r, v, i) => r + (i > 0 && v !== row[i - 1] ? 1 : 0), 0);
    // 128 pixels in cells of 3: 42 or 43 sign changes.
    expect(runs).toBeGreaterThanOrEqual(42);
    expect(runs).toBeLessThanOrEqual(43);
  });
});

describe('noise2d', () => {
  it('is zero-mean, unit-variance and different in every image', () => {
    const imgs = images({ ...BASE, generator: 'noise2d', shape: [128, 256], batch: 2 });
    for (const img of imgs) {
      const mean = img.reduce((s, v) => s + v, 0) / img.length;
      const variance = img.reduce((s, v) => s + (v - mean) ** 2, 0) / img.length;
      expect(Math.abs(mean)).toBeLessThan(0.02);
      expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    }
    expect(imgs[0]).not.toEqual(imgs[1]);
  });
});
