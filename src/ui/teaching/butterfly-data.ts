/**
 * The butterfly view's data, without React: which samples it transforms, how it notices that
 * they changed, the per-stage differences GPU − CPU, and the diagram's geometry. The stage
 * values and the butterflies themselves come from the engine (fft-stages.ts).
 */
import type { OutputArray } from '../../engine';

/** N the view offers: 8 reads at a glance, 32 is the most the engine's capture draws. */
export const BUTTERFLY_SIZES = [8, 16, 32] as const;
export type ButterflySize = (typeof BUTTERFLY_SIZES)[number];
export const DEFAULT_BUTTERFLY_N: ButterflySize = 8;

/**
 * The first n samples of the selected signal as one string: the store publishes ~10 frames a
 * second, and a string selector lets React re-render (and the view re-run) only when these
 * values change. '' until a frame exists. Float32 values print and parse back exactly.
 */
export function samplesKey(original: Float32Array | null | undefined, n: number): string {
  if (!original || original.length === 0) return '';
  const out: number[] = [];
  // A signal shorter than n is padded with zeros (the view says so).
  for (let i = 0; i < n; i++) out.push(i < original.length ? (original[i] as number) : 0);
  return out.join(',');
}

export function samplesOf(key: string): number[] {
  return key === '' ? [] : key.split(',').map(Number);
}

/** Interleaved (re, im) as [re, im] pairs, the form the stage elements' data-values hold. */
export function pairs(stage: OutputArray): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < stage.length; i += 2) {
    out.push([stage[i] as number, stage[i + 1] as number]);
  }
  return out;
}

/** |a_i − b_i| of each complex entry of two interleaved arrays. */
export function entryDiffs(a: OutputArray, b: OutputArray): number[] {
  if (a.length !== b.length) {
    throw new Error(`entryDiffs: ${a.length} values vs ${b.length}`);
  }
  const out: number[] = [];
  for (let i = 0; i + 1 < a.length; i += 2) {
    const dr = (a[i] as number) - (b[i] as number);
    const di = (a[i + 1] as number) - (b[i + 1] as number);
    out.push(Math.hypot(dr, di));
  }
  return out;
}

export function maxOf(values: readonly number[]): number {
  return values.reduce((m, v) => Math.max(m, v), 0);
}

/** A node's label: |value| in at most ~5 characters. */
export function shortMagnitude(re: number, im: number): string {
  const m = Math.hypot(re, im);
  if (m < 5e-4) return '0';
  if (m >= 1000) return m.toExponential(0).replace('+', '');
  return Number(m.toPrecision(3)).toString();
}

/** One complex value for the reference table: re ± im·i, 4 significant digits. */
export function complexText(re: number, im: number): string {
  const f = (v: number): string => {
    if (v === 0 || Math.abs(v) < 1e-12) return '0';
    const a = Math.abs(v);
    return a >= 1e-3 && a < 1e5 ? Number(v.toPrecision(4)).toString() : v.toExponential(2);
  };
  const sign = im < 0 ? '−' : '+';
  return `${f(re)} ${sign} ${f(Math.abs(im))}i`;
}

/** Pixel geometry of the SVG: a column per stage, a row per index. */
export interface DiagramLayout {
  width: number;
  height: number;
  rowHeight: number;
  nodeWidth: number;
  nodeHeight: number;
  /** Left edge of stage s's nodes. */
  x(stage: number): number;
  /** Vertical centre of row i. */
  y(row: number): number;
}

export function diagramLayout(n: number, stages: number): DiagramLayout {
  const rowHeight = n <= 8 ? 34 : n <= 16 ? 24 : 19;
  const nodeWidth = 46;
  const column = 104;
  const left = 30;
  const top = 30;
  return {
    // Room on the right for the last column's heading, which is wider than its nodes.
    width: left + (stages - 1) * column + nodeWidth + 30,
    height: top + n * rowHeight + 6,
    rowHeight,
    nodeWidth,
    nodeHeight: rowHeight - 5,
    x: (stage) => left + stage * column,
    y: (row) => top + row * rowHeight + rowHeight / 2,
  };
}
