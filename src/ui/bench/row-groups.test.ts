import { describe, expect, it } from 'vitest';
import { OPS } from '../../bench/schema';
import { rawCase, runOf, SOFTWARE_ADAPTER } from '../../bench/testing/sample-run';
import { COLUMNS } from './columns';
import { TABLE_COLUMNS } from '../../bench/format-table';
import { GROUPS, groupCases, groupSummary } from './row-groups';
import { casesCsv } from './table-csv';

const run = runOf(SOFTWARE_ADAPTER, [
  rawCase({ op: 'fft', medianMs: 1, shape: [16] }),
  rawCase({ op: 'fftjs', medianMs: 1, shape: [16] }),
  rawCase({ op: 'fft', medianMs: 1, shape: [64, 64], batch: 2 }),
  rawCase({ op: 'fftjs', medianMs: 1, shape: [64, 64], batch: 2, maxRelError: 1 }),
  rawCase({ op: 'fft', medianMs: 1, shape: [1024] }),
  rawCase({ op: 'copy', medianMs: 1, shape: [4096], batch: 1, note: 'a, "quoted" note' }),
]);

describe('results table groups', () => {
  it('puts every operation in exactly one group', () => {
    for (const op of OPS) {
      expect(GROUPS.filter((g) => g.ops.includes(op)).map((g) => g.id)).toHaveLength(1);
    }
  });

  it('groups rows by operation in a fixed order, keeping their indices', () => {
    const groups = groupCases(run.cases);
    expect(groups.map((g) => g.id)).toEqual(['fft', 'cpu', 'references']);
    expect(groups[0]?.rows.map((r) => r.index)).toEqual([0, 2, 4]);
    expect(groups[1]?.rows.map((r) => r.index)).toEqual([1, 3]);
  });

  it('summarizes each group: rows, sizes (1D before 2D) and verification', () => {
    const [fft, cpu, refs] = groupCases(run.cases);
    expect(fft && groupSummary(fft)).toBe('3 rows · 16 … 64² · all passed');
    expect(cpu && groupSummary(cpu)).toBe('2 rows · 16 … 64² · 1 of 2 failed');
    expect(refs && groupSummary(refs)).toBe('1 row · 4096 · passed');
  });

  it('explains every column of the table', () => {
    for (const c of TABLE_COLUMNS) expect(COLUMNS[c].legend.length).toBeGreaterThan(20);
  });
});

describe('results table as CSV', () => {
  it('writes one line per case at full precision, verification in words, quoted notes', () => {
    const lines = casesCsv(run.cases).split('\r\n');
    expect(lines).toHaveLength(run.cases.length + 2);
    expect(lines.at(-1)).toBe('');
    const head = lines[0]?.split(',') ?? [];
    const at = (name: string): number => head.indexOf(name);
    const fftjs2d = lines[4]?.split(',') ?? [];
    expect(fftjs2d[at('op')]).toBe('fftjs');
    expect(fftjs2d[at('shape')]).toBe('64x64');
    expect(fftjs2d[at('verification')]).toBe('failed');
    expect(Number(lines[1]?.split(',')[at('signals_per_s')])).toBe(run.cases[0]?.signalsPerSec);
    expect(lines[6]).toMatch(/,"a, ""quoted"" note"$/);
  });
});
