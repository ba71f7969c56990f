/**
 * The counters of the GPU-free memory access model (access-model.ts explains the model): per
 * warp instruction, shared-memory wavefronts, global 32-byte sectors and twiddle 128-byte lines,
 * summed per stage into rows, and the table the README prints.
 */
import type { Shape } from '../types';
import type { ElementWords } from './shared-swizzle';
import { SECTOR_VALUES } from './fft-plan';

export const WARP = 32;
const BANKS = 32;
const LINE_VALUES = 128 / 8;
/** Signals in the modelled batch: enough to fill a warp with short transforms. */
export const MODEL_SIGNALS = 256;

export type AccessKind =
  'global-read' | 'global-write' | 'shared-read' | 'shared-write' | 'twiddle';

export interface AccessRow {
  /** 'workgroup 4096', 'stages 64×64', … */
  kernel: string;
  /** 's2' for a one-pass kernel; 'p2 s1' when the transform takes several passes. */
  stage: string;
  /** Radix and ns of the stage. */
  detail: string;
  kind: AccessKind;
  /** Warp instructions counted. */
  instructions: number;
  /**
   * Complex values the active lanes moved (lanes × instructions; an f32 instruction of a split
   * exchange moves half of each value, so it counts half).
   */
  values: number;
  /** Wavefronts, sectors or lines per value. */
  unitsPerValue: number;
  /** The least units per value these addresses could take (access-model.ts explains it). */
  ideal: number;
  /** Most units one warp instruction took. */
  worst: number;
}

/** Distinct values of f over xs. */
function distinct(xs: readonly number[], f: (x: number) => number = (x) => x): number {
  return new Set(xs.map(f)).size;
}

/**
 * Wavefronts of one workgroup-memory access, one element per active lane: vec2f elements (words
 * 2e, 2e + 1) or, for the split exchanges, f32 elements (word e).
 */
export function wavefronts(elements: readonly number[], words: ElementWords = 2): number {
  const banks = new Map<number, Set<number>>();
  for (const e of elements) {
    for (const word of words === 2 ? [2 * e, 2 * e + 1] : [e]) {
      const set = banks.get(word % BANKS) ?? new Set<number>();
      set.add(word);
      banks.set(word % BANKS, set);
    }
  }
  return Math.max(0, ...[...banks.values()].map((s) => s.size));
}

/** Distinct 32-byte sectors of one global access of vec2f elements. */
export function sectors(elements: readonly number[]): number {
  return distinct(elements, (e) => Math.floor(e / SECTOR_VALUES));
}

/** Distinct 128-byte lines of one twiddle-table read. */
export function lines(elements: readonly number[]): number {
  return distinct(elements, (e) => Math.floor(e / LINE_VALUES));
}

/** Units of one instruction, and the values one unit carries at best (words: shared only). */
function counter(
  kind: AccessKind,
  words: ElementWords,
): { units: (e: readonly number[]) => number; per: number } {
  switch (kind) {
    case 'global-read':
    case 'global-write':
      return { units: sectors, per: SECTOR_VALUES };
    case 'shared-read':
    case 'shared-write':
      return { units: (e) => wavefronts(e, words), per: BANKS / words };
    case 'twiddle':
      return { units: lines, per: LINE_VALUES };
  }
}

/** Sums the instructions of one stage per kind, in the order kinds first appear. */
export class StageTally {
  private readonly sums = new Map<
    AccessKind,
    { instructions: number; values: number; units: number; ideal: number; worst: number }
  >();

  /**
   * One warp instruction: the element index of each active lane (null: inactive), elements of
   * `words` 4-byte words in workgroup memory (a split exchange's f32: 1).
   */
  add(kind: AccessKind, lanes: readonly (number | null)[], words: ElementWords = 2): void {
    const elements = lanes.filter((e): e is number => e !== null);
    if (elements.length === 0) return;
    const { units, per } = counter(kind, words);
    const u = units(elements);
    const s = this.sums.get(kind) ?? { instructions: 0, values: 0, units: 0, ideal: 0, worst: 0 };
    s.instructions += 1;
    // An f32 instruction moves half of each complex value: units stay per complex value.
    s.values += (elements.length * words) / 2;
    s.units += u;
    s.ideal += Math.ceil(distinct(elements) / per);
    s.worst = Math.max(s.worst, u);
    this.sums.set(kind, s);
  }

  rows(kernel: string, stage: string, detail: string): AccessRow[] {
    return [...this.sums].map(([kind, s]) => ({
      kernel,
      stage,
      detail,
      kind,
      instructions: s.instructions,
      values: s.values,
      unitsPerValue: s.units / s.values,
      ideal: s.ideal / s.values,
      worst: s.worst,
    }));
  }
}

export function asShape(shape: number | Shape): Shape {
  return typeof shape === 'number' ? [shape] : shape;
}

export function shapeLabel(shape: Shape): string {
  return shape.join('×');
}

/** Whether a row takes more than the ideal (with a little slack for rounding). */
export function isIdeal(row: AccessRow): boolean {
  return row.unitsPerValue <= row.ideal + 1e-9;
}

/** A Markdown table of rows, for the README. */
export function formatAccessTable(rows: readonly AccessRow[]): string {
  const fmt = (x: number): string =>
    Number.isInteger(x) ? String(x) : x.toFixed(4).replace(/0+$/, '');
  const out = [
    '| Kernel | Stage | Access | Units / value | Ideal | Worst instruction | Verdict |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  ];
  const unit: Record<AccessKind, string> = {
    'global-read': 'sectors',
    'global-write': 'sectors',
    'shared-read': 'wavefronts',
    'shared-write': 'wavefronts',
    twiddle: 'lines',
  };
  for (const r of rows) {
    const ratio = r.unitsPerValue / r.ideal;
    const verdict = isIdeal(r) ? 'ideal' : `${fmt(Math.round(ratio * 100) / 100)}× ideal`;
    out.push(
      `| ${r.kernel} | ${r.stage} (${r.detail}) | ${r.kind} | ${fmt(r.unitsPerValue)} | ${fmt(r.ideal)} | ${r.worst} ${unit[r.kind]} | ${verdict} |`,
    );
  }
  return out.join('\n');
}

/**
 * The README's summary: a line per shape, a column per kernel family (a row's kernel label is
 * "<family> <shape>"), each cell 'ideal' or the worst access of that family's kernels for that
 * shape as a multiple of its ideal ('2× global read').
 */
export function formatAccessSummary(rows: readonly AccessRow[]): string {
  const split = (kernel: string): [string, string] => {
    const at = kernel.lastIndexOf(' ');
    return [kernel.slice(0, at), kernel.slice(at + 1)];
  };
  const families = [...new Set(rows.map((r) => split(r.kernel)[0]))];
  const shapes = [...new Set(rows.map((r) => split(r.kernel)[1]))];
  const out = [
    `| Shape | ${families.join(' | ')} |`,
    `| --- | ${families.map(() => '---').join(' | ')} |`,
  ];
  for (const shape of shapes) {
    const cells = families.map((family) => {
      const mine = rows.filter((r) => r.kernel === `${family} ${shape}`);
      if (mine.length === 0) return '–';
      let worst: AccessRow | undefined;
      for (const r of mine) {
        if (isIdeal(r)) continue;
        if (!worst || r.unitsPerValue / r.ideal > worst.unitsPerValue / worst.ideal) worst = r;
      }
      if (!worst) return 'ideal';
      const ratio = Math.round((worst.unitsPerValue / worst.ideal) * 100) / 100;
      return `${ratio}× ${worst.kind.replace('-', ' ')}`;
    });
    out.push(`| ${shape} | ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

/** Which warp of workgroup 0 to replay, over how many signals; 'stages' only: the inverse. */
export interface ModelOptions {
  /** Signals in the batch (default MODEL_SIGNALS). */
  signals?: number;
  /** Warp w is local invocations 32·w … 32·w + 31 (default 0). */
  warp?: number;
  inverse?: boolean;
}

/** The local invocation ids of warp `warp` of a workgroup of `size` invocations. */
export function warpLanes(warp: number, size: number): number[] {
  if (!Number.isInteger(warp) || warp < 0 || (warp + 1) * WARP > size) {
    throw new RangeError(`warp must be an integer in [0, ${size / WARP}); got ${warp}`);
  }
  return Array.from({ length: WARP }, (_, i) => warp * WARP + i);
}
