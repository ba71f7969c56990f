import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import {
  QUANTUM_HISTORY_FORMAT,
  QUANTUM_STATE_FORMAT,
  quantumHistoryToCsv,
  quantumHistoryToJson,
  quantumStateToCsv,
  quantumStateToJson,
  WALSH_FORMAT,
  walshToCsv,
  walshToJson,
} from './export-kinds';

const WALSH = {
  index: 1,
  n: 4,
  signal: Float32Array.of(1, 1, -1, -1),
  walsh: Float64Array.of(0, 4, 0, 0),
  fourier: Float64Array.of(0, Math.SQRT2 * 2, 0, Math.SQRT2 * 2),
  walshCount: 1,
  fourierCount: 2,
};

function rowsOf(text: string): number[][] {
  return text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));
}

describe('Walsh–Hadamard export', () => {
  it('CSV: one row per index with the signal and both spectra, numbers exact', () => {
    const text = walshToCsv(WALSH);
    expect(text.split('\n')[0]).toBe('i,signal,walsh_sequency,fourier_magnitude');
    expect(rowsOf(text)).toEqual([
      [0, 1, 0, 0],
      [1, 1, 4, Math.SQRT2 * 2],
      [2, -1, 0, 0],
      [3, -1, 0, Math.SQRT2 * 2],
    ]);
  });

  it('JSON: format, configuration, counts and arrays', () => {
    const doc: unknown = JSON.parse(walshToJson(WALSH, DEFAULT_CONFIG));
    expect(doc).toMatchObject({
      format: WALSH_FORMAT,
      version: 1,
      config: DEFAULT_CONFIG,
      index: 1,
      walshCount: 1,
      fourierCount: 2,
      signal: [1, 1, -1, -1],
      walshSequency: [0, 4, 0, 0],
    });
  });
});

describe('quantum export', () => {
  const rows = [
    { t: 0, frame: 1, norm: 1, energy: 4.6, kinetic: 4.6, potential: 0 },
    { t: 0.2, frame: 2, norm: 0.9999999999999998, energy: 4.6, kinetic: 4.1, potential: 0.5 },
  ];

  it('history as CSV and JSON, every number read back exactly', () => {
    const text = quantumHistoryToCsv(rows);
    expect(text.split('\n')[0]).toBe('t,frame,norm,energy,kinetic,potential');
    expect(rowsOf(text)).toEqual(rows.map((r) => Object.values(r)));
    const doc: unknown = JSON.parse(quantumHistoryToJson(rows, DEFAULT_CONFIG));
    expect(doc).toMatchObject({ format: QUANTUM_HISTORY_FORMAT, rows });
  });

  it('ψ in 1D: x on the grid (i − n/2)·dx, Re, Im, |ψ|² and V', () => {
    const state = {
      shape: [2] as const,
      dx: 0.5,
      t: 1.5,
      psi: Float64Array.of(0.6, 0.8, 0, -1),
      potential: Float64Array.of(0, 5),
    };
    const text = quantumStateToCsv(state);
    expect(text.split('\n')[0]).toBe('x,re,im,density,V');
    const back = rowsOf(text);
    expect(back[0]).toEqual([-0.5, 0.6, 0.8, 0.6 * 0.6 + 0.8 * 0.8, 0]);
    expect(back[1]).toEqual([0, 0, -1, 1, 5]);
    const doc: unknown = JSON.parse(quantumStateToJson(state, DEFAULT_CONFIG));
    expect(doc).toMatchObject({
      format: QUANTUM_STATE_FORMAT,
      t: 1.5,
      re: [0.6, 0],
      im: [0.8, -1],
      potential: [0, 5],
    });
  });

  it('ψ in 2D: row-major, y then x', () => {
    const psi = Float64Array.from({ length: 2 * 2 * 4 }, (_, i) => (i % 2 === 0 ? i / 2 : 0));
    const text = quantumStateToCsv({
      shape: [2, 4],
      dx: 1,
      t: 0,
      psi,
      potential: new Float64Array(8),
    });
    const back = rowsOf(text);
    expect(text.split('\n')[0]).toBe('y,x,re,im,density,V');
    expect(back).toHaveLength(8);
    expect(back[0]?.slice(0, 3)).toEqual([-1, -2, 0]);
    expect(back[5]?.slice(0, 3)).toEqual([0, -1, 5]);
  });
});
