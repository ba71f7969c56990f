import { describe, expect, it } from 'vitest';
import { createRng } from '../workloads/rng';
import { DEFAULT_CONFIG } from './config';
import {
  formatFloat32,
  METRICS_COLUMNS,
  METRICS_FORMAT,
  metricsToCsv,
  metricsToJson,
  signalsToCsv,
  type MetricsRow,
} from './export';
import { importFile } from './import';
import { utf8 } from './testing/text-bytes';

const ROWS: MetricsRow[] = [
  {
    t: 0.016,
    frame: 1,
    highKEnergy: 1.25e-7,
    highKFraction: 0.0125,
    coherence: 0.9931,
    signalsPerSec: 4000,
    gflops: 12.5,
    gbps: 3.75,
  },
  {
    t: 1 / 3,
    frame: 2,
    highKEnergy: 0,
    highKFraction: 0,
    coherence: 1,
    signalsPerSec: 1e6,
    gflops: Number.NaN,
    gbps: 0.1,
  },
];

describe('metricsToCsv', () => {
  it('writes a header and one row per frame that parse back to the same numbers', () => {
    const text = metricsToCsv(ROWS);
    const [header, ...lines] = text.trimEnd().split('\n');
    expect(header).toBe('t,frame,highKEnergy,highKFraction,coherence,signalsPerSec,gflops,gbps');
    expect(lines).toHaveLength(2);
    const back = lines.map((l) =>
      Object.fromEntries(l.split(',').map((v, i) => [METRICS_COLUMNS[i] ?? '?', Number(v)])),
    );
    expect(back).toEqual(ROWS);
    expect(metricsToCsv([])).toBe(`${header}\n`);
  });
});

describe('metricsToJson', () => {
  it('holds the format, the configuration and the rows (NaN as null)', () => {
    const doc: unknown = JSON.parse(metricsToJson(ROWS, DEFAULT_CONFIG));
    expect(doc).toEqual({
      format: METRICS_FORMAT,
      version: 1,
      config: DEFAULT_CONFIG,
      columns: [...METRICS_COLUMNS],
      rows: [ROWS[0], { ...ROWS[1], gflops: null }],
    });
    expect(JSON.parse(metricsToJson([]))).not.toHaveProperty('config');
  });
});

describe('formatFloat32', () => {
  it('writes the shortest text that reads back to the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(1 / 3))).toBe('0.33333334');
    expect(formatFloat32(-0)).toBe('0');
    expect(formatFloat32(Math.fround(3.4028234663852886e38))).toBe('3.4028235e+38');
    const rng = createRng(3);
    for (let i = 0; i < 2000; i++) {
      const v = Math.fround((rng.next() - 0.5) * 10 ** Math.floor(rng.uniform(-30, 30)));
      const text = formatFloat32(v);
      expect(Math.fround(Number(text))).toBe(v);
      const significant = text.replace(/^-|e.*$|\./g, '').replace(/^0+|0+$/g, '');
      expect(significant.length).toBeLessThanOrEqual(9);
    }
  });
});

describe('signalsToCsv', () => {
  it('round-trips 1D signals exactly through importFile', () => {
    const rng = createRng(8);
    const data = Float32Array.from({ length: 3 * 16 }, () => rng.normal());
    const text = signalsToCsv([16], 3, data);
    expect(text.split('\n')[0]).toBe('signal_0,signal_1,signal_2');
    const back = importFile('export.csv', utf8(text));
    expect(back.shape).toEqual([16]);
    expect(back.batch).toBe(3);
    expect(back.data).toEqual(data);
  });

  it('flattens 2D signals row-major, one column per signal', () => {
    const data = Float32Array.from({ length: 2 * 2 * 4 }, (_, i) => i);
    const text = signalsToCsv([2, 4], 2, data);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[1]).toBe('0,8');
    expect(lines[8]).toBe('7,15');
    expect(importFile('x.csv', utf8(text)).data).toEqual(data);
  });

  it('writes float64 results in full rather than rounding them', () => {
    const text = signalsToCsv([2], 1, Float64Array.of(0.1, 1 / 3));
    expect(text).toBe('signal_0\n0.1\n0.3333333333333333\n');
  });

  it('refuses data that does not match shape × batch', () => {
    expect(() => signalsToCsv([4], 2, new Float32Array(7))).toThrow(
      'signalsToCsv: shape [4] × batch 2 needs 8 values; got 7',
    );
  });
});
